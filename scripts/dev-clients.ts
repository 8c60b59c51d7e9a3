/**
 * Machine clients of the development start: each deployable gets its own credential at
 * identity's token endpoint (created on first start, kept owner-only in the data directory).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IdentityService } from '@medikamente/subgraph-identity';

type Credential = { clientId: string; clientSecret: string };
export type ServiceClients = Record<'gateway' | 'patient' | 'schedule', Credential>;

/** Scopes per deployable: the gateway vouches for forwarded metadata; all read revocations. */
const SCOPES: Record<keyof ServiceClients, string[]> = {
  gateway: ['gateway', 'revocations:read'],
  patient: ['revocations:read'],
  schedule: ['events:write', 'revocations:read'],
};

/** The clients of every deployable, created once per data directory. */
export async function serviceClients(dataDir: string, identity: IdentityService): Promise<ServiceClients> {
  const file = join(dataDir, 'service-clients.json');
  const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<ServiceClients>) : {};
  const clients = { ...saved } as ServiceClients;
  for (const [name, scopes] of Object.entries(SCOPES) as Array<[keyof ServiceClients, string[]]>)
    clients[name] ??= await identity.createClient({ role: 'service', scopes, name });
  writeFileSync(file, `${JSON.stringify(clients)}\n`, { mode: 0o600 });
  return clients;
}

/** The settings that hand a deployable its credential. */
export const clientEnv = (c: Credential) => ({
  SERVICE_CLIENT_ID: c.clientId,
  SERVICE_CLIENT_SECRET: c.clientSecret,
});
