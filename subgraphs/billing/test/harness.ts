import { createTestDatabase, createTestIssuer, gql, type TestClaims } from '@medikamente/runtime/testing';
import { loadBillingEnv } from '../src/env';
import { createBillingService } from '../src/service';

/**
 * Starts the billing subgraph on a fresh database with a test token issuer, over real HTTP.
 * `env` adds settings (registers, the provider); background jobs are off unless `background`.
 */
export async function startBillingSubgraph(
  opts: { env?: Record<string, string>; background?: boolean } = {},
) {
  const issuer = await createTestIssuer();
  const db = await createTestDatabase('billing');
  const env = loadBillingEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    FISCAL_WAIT_MS: '3000',
    FISCAL_TIMEOUT_MS: '1500',
    PAYMENT_RETRY_MS: '50',
    ...(db.url ? { BILLING_DATABASE_URL: db.url } : {}),
    ...opts.env,
  });
  const service = await createBillingService(env, {
    verifier: issuer.verifier,
    background: opts.background ?? false,
  });
  const running = await service.subgraph.listen(0);
  const url = `${running.url}/graphql`;
  return {
    service,
    url,
    baseUrl: running.url,
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
