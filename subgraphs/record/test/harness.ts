import { generateMasterKey } from '@medikamente/runtime';
import { createTestDatabase, createTestIssuer, gql, type TestClaims } from '@medikamente/runtime/testing';
import { loadRecordEnv } from '../src/env';
import { createRecordService } from '../src/service';

/** Starts the record subgraph on a fresh database with a test token issuer, over real HTTP. */
export async function startRecordSubgraph(extraEnv: Record<string, string> = {}) {
  const issuer = await createTestIssuer();
  const db = await createTestDatabase('record');
  const masterKey = generateMasterKey();
  const env = loadRecordEnv({
    RECORD_MASTER_KEY: masterKey,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    ...(db.url ? { RECORD_DATABASE_URL: db.url } : {}),
    ...extraEnv,
  });
  const service = await createRecordService(env, { verifier: issuer.verifier });
  const running = await service.subgraph.listen(0);
  const url = `${running.url}/graphql`;
  return {
    service,
    url,
    /** The master key the service runs with (base64). */
    masterKey,
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
export type RecordHarness = Awaited<ReturnType<typeof startRecordSubgraph>>;

/**
 * The record service on the given settings with `verifier`, over real HTTP — for tests that stop
 * and start it again on the same database (restarts, key rotation).
 */
export async function serveRecord(
  settings: Record<string, string | undefined>,
  verifier: Awaited<ReturnType<typeof createTestIssuer>>['verifier'],
) {
  const service = await createRecordService(loadRecordEnv(settings), { verifier });
  const running = await service.subgraph.listen(0);
  const url = `${running.url}/graphql`;
  return {
    service,
    query: <T = any>(q: string, v: Record<string, unknown>, token: string) => gql<T>(url, q, v, { token }),
    stop: async () => {
      await running.close();
      await service.close();
    },
  };
}
