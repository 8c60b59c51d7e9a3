import { createTestDatabase, createTestIssuer, gql, type TestClaims } from '@medikamente/runtime/testing';
import { loadBillingEnv } from '../src/env';
import { createBillingService } from '../src/service';

/** Starts the billing subgraph on a fresh database with a test token issuer, over real HTTP. */
export async function startBillingSubgraph() {
  const issuer = await createTestIssuer();
  const db = await createTestDatabase('billing');
  const env = loadBillingEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    ...(db.url ? { BILLING_DATABASE_URL: db.url } : {}),
  });
  const service = await createBillingService(env, { verifier: issuer.verifier });
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
export type BillingHarness = Awaited<ReturnType<typeof startBillingSubgraph>>;
