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
