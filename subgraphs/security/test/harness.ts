import type { KitOptions } from '@medikamente/runtime';
import { createTestDatabase, createTestIssuer, gql, type TestClaims } from '@medikamente/runtime/testing';
import { loadSecurityEnv } from '../src/env';
import { createSecurityService, type SecurityOptions } from '../src/service';

/** Starts the security subgraph on a fresh database with a test token issuer, over real HTTP. */
export async function startSecuritySubgraph(
  opts: { env?: Record<string, string>; options?: KitOptions & SecurityOptions } = {},
) {
  const issuer = await createTestIssuer();
  const db = await createTestDatabase('security');
  const env = loadSecurityEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    ...(db.url ? { SECURITY_DATABASE_URL: db.url } : {}),
    ...opts.env,
  });
  const service = await createSecurityService(env, { ...opts.options, verifier: issuer.verifier });
  const running = await service.subgraph.listen(0);
  const url = `${running.url}/graphql`;
  return {
    service,
    url,
    tokenFor: (claims: TestClaims) => issuer.sign(claims),
    query: <T = any>(q: string, variables: Record<string, unknown> = {}, token?: string) =>
      gql<T>(url, q, variables, token ? { token } : {}),
    async stop() {
      await running.close();
      await service.close();
      await db.drop();
    },
  };
}
export type SecurityHarness = Awaited<ReturnType<typeof startSecuritySubgraph>>;
