import { type Revocations, requireServiceScope, type TokenVerifier } from '@medikamente/runtime';
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

/** Scope a service credential needs to read the revocation list. */
export const REVOCATIONS_SCOPE = 'revocations:read';

/**
 * GET /internal/revocations, polled by every other deployable's TokenVerifier with its own
 * service token (role service, scope revocations:read); anyone else is refused. It lists opaque
 * ids only, and the ingress must still not route /internal/* from outside the cluster.
 */
export function mountRevocations(
  app: express.Express,
  read: () => Promise<Revocations>,
  verifier: TokenVerifier,
): void {
  app.get('/internal/revocations', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    if (!(await requireServiceScope(req, res, verifier, REVOCATIONS_SCOPE))) return;
    try {
      res.json(await read());
    } catch {
      res.status(503).json({ error: 'unavailable' });
    }
  });
}
