/**
 * Machine clients of the development start: each deployable gets its own credential at
 * identity's token endpoint (created on first start, kept owner-only in the data directory).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IdentityService } from '@medikamente/subgraph-identity';

type Credential = { clientId: string; clientSecret: string; scopes?: string[] };
/** Deployable name (gateway, patient, …) → its credential. */
export type ServiceClients = Record<string, Credential>;

/** Scopes beyond `revocations:read`, which all get: the gateway vouches for forwarded metadata. */
const EXTRA_SCOPES: Record<string, string[]> = {
  gateway: ['gateway'],
  schedule: ['events:write:schedule'],
  record: ['events:write:record'],
  lab: ['events:write:lab'],
  // The audit stream reads every subgraph's /internal/audit/events (ADR 0018).
  security: ['audit:read'],
};

/** The clients of the given deployables, created once per data directory. */
export async function serviceClients(
  dataDir: string,
  identity: IdentityService,
  deployables: string[],
): Promise<ServiceClients> {
  const file = join(dataDir, 'service-clients.json');
  const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ServiceClients) : {};
  const clients: ServiceClients = { ...saved };
  for (const name of deployables) {
    const scopes = [...(EXTRA_SCOPES[name] ?? []), 'revocations:read'];
    // A data directory from an older start may hold a client with other scopes: replace it.
    if (clients[name]?.scopes?.join(' ') === scopes.join(' ')) continue;
    clients[name] = { ...(await identity.createClient({ role: 'service', scopes, name })), scopes };
  }
  writeFileSync(file, `${JSON.stringify(clients)}\n`, { mode: 0o600 });
  return clients;
}

/** The settings that hand a deployable its credential. */
export const clientEnv = (c: Credential) => ({
  SERVICE_CLIENT_ID: c.clientId,
  SERVICE_CLIENT_SECRET: c.clientSecret,
});

/** The demo partner laboratory: a machine client of identity, as an operator registers one. */
export const PARTNER_LAB = {
  name: 'Партнёрская лаборатория «ДиаЛаб»',
  role: 'lab_partner',
  /**
   * Its order feed and result posts; `documents:lab-partner-v1` binds its tokens to that
   * trusted-documents manifest at the gateway (ADR 0015).
   */
  scopes: ['lab.orders:read', 'lab.results:write', 'documents:lab-partner-v1'],
} as const;

export type PartnerLabClient = Credential & { name: string; role: string };

/**
 * The demo partner laboratory's client, created once per data directory and kept owner-only in
 * `<data>/partner-lab.json` for the demo partner program (scripts/partner-lab.ts); replaced when
 * its scopes changed or identity no longer knows it (a deleted identity database).
 */
export async function partnerLabClient(
  dataDir: string,
  identity: IdentityService,
): Promise<PartnerLabClient> {
  const file = join(dataDir, 'partner-lab.json');
  const scopes = [...PARTNER_LAB.scopes];
  const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PartnerLabClient) : null;
  if (
    saved?.scopes?.join(' ') === scopes.join(' ') &&
    (await identity.services.clients.authenticate(saved.clientId, saved.clientSecret))
  )
    return saved;
  const created = await identity.createClient({ role: PARTNER_LAB.role, scopes, name: PARTNER_LAB.name });
  const client = { ...created, scopes, name: PARTNER_LAB.name, role: PARTNER_LAB.role };
  writeFileSync(file, `${JSON.stringify(client, null, 2)}\n`, { mode: 0o600 });
  return client;
}
