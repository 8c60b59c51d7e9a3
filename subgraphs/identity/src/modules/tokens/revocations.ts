import type { Revocations } from '@medikamente/runtime';
import type express from 'express';
import type { AccountStore } from '../accounts/account.store';
import type { ClientStore } from '../clients/client.store';
import type { SessionStore } from './session.store';

/**
 * Revoked sessions and dismissed accounts (and disabled clients, keyed by client id like
 * accounts) within the lifetime of any access token that could still be valid, plus a minute of
 * slack. Older revocations need no listing: those tokens have expired anyway.
 */
export function revocationReader(
  stores: { sessions: SessionStore; accounts: AccountStore; clients: ClientStore },
  accessTtlSec: number,
): () => Promise<Revocations> {
  const windowSec = accessTtlSec + 60;
  return async () => {
    const [sessions, accounts, clients] = await Promise.all([
      stores.sessions.revokedSince(windowSec),
      stores.accounts.dismissedSince(windowSec),
      stores.clients.disabledSince(windowSec),
    ]);
    return { sessions, accounts: { ...clients, ...accounts } };
  };
}

/**
 * GET /internal/revocations, polled by every subgraph's TokenVerifier. It lists opaque ids
 * only; the gateway and ingress must not route /internal/* from outside the cluster.
 */
export function mountRevocations(app: express.Express, read: () => Promise<Revocations>): void {
  app.get('/internal/revocations', async (_req, res) => {
    try {
      res.set('Cache-Control', 'no-store');
      res.json(await read());
    } catch {
      res.status(503).json({ error: 'unavailable' });
    }
  });
}
