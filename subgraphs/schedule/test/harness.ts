import { createTestDatabase, createTestIssuer, gql, type TestClaims } from '@medikamente/runtime/testing';
import { loadScheduleEnv } from '../src/env';
import { createScheduleService } from '../src/service';
import { factories } from '../src/testing';

export { localDay } from '../src/testing';

/** Starts the schedule subgraph on a fresh database with a test token issuer, over real HTTP. */
export async function startScheduleSubgraph(
  envOverrides: Record<string, string> = {},
  opts: { deliverEvents?: (events: unknown[]) => Promise<void> } = {},
) {
  const issuer = await createTestIssuer();
  const db = await createTestDatabase('schedule');
  const env = loadScheduleEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    REMINDERS_ENABLED: 'false',
    ...(db.url ? { SCHEDULE_DATABASE_URL: db.url } : {}),
    ...envOverrides,
  });
  const service = await createScheduleService(env, { verifier: issuer.verifier, ...opts });
  const running = await service.subgraph.listen(0);
  const url = `${running.url}/graphql`;
  const query = <T = any>(q: string, variables: Record<string, unknown> = {}, token?: string) =>
    gql<T>(url, q, variables, token ? { token } : {});
  const tokenFor = (claims: TestClaims) => issuer.sign(claims);
  return {
    url,
    wsUrl: url.replace('http', 'ws'),
    issuer,
    service,
    env,
    query,
    tokenFor,
    factories: factories(service),
    async stop() {
      await running.close();
      await service.close();
      await db.drop();
    },
  };
}
export type ScheduleHarness = Awaited<ReturnType<typeof startScheduleSubgraph>>;
