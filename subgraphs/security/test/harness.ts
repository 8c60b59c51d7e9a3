import {
  createTestDatabase,
  createTestIssuer,
  gql,
  type TestClaims,
  type TestIssuer,
} from '@medikamente/runtime/testing';
import { loadSecurityEnv } from '../src/env';
import { createSecurityService, type SecurityOptions } from '../src/service';

/**
 * Starts the security subgraph on a fresh database with a test token issuer, over real HTTP.
 * `issuer` shares one with the sources of a test; `env` adds settings (AUDIT_SOURCES, …).
 */
export async function startSecuritySubgraph(
  opts: {
    issuer?: TestIssuer;
    env?: Record<string, string>;
    options?: SecurityOptions & { background?: boolean };
  } = {},
) {
  const issuer = opts.issuer ?? (await createTestIssuer());
  const db = await createTestDatabase('security');
  const env = loadSecurityEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    ...(db.url ? { SECURITY_DATABASE_URL: db.url } : {}),
    ...opts.env,
  });
  const service = await createSecurityService(env, {
    verifier: issuer.verifier,
    background: false,
    ...opts.options,
  });
  const running = await service.subgraph.listen(0);
  const url = `${running.url}/graphql`;
  return {
    service,
    url,
    issuer,
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
