import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestDatabase,
  createTestIssuer,
  gql,
  type TestClaims,
  type TestIssuer,
} from '@medikamente/runtime/testing';
import { loadLabEnv } from '../src/env';
import { createLabService } from '../src/service';

/**
 * Starts the lab subgraph on a fresh database with a test token issuer, over real HTTP. Report
 * files go to a temporary `fs` storage directory the test can read (`storageDir`).
 */
export async function startLabSubgraph(extraEnv: Record<string, string> = {}) {
  const issuer = await createTestIssuer();
  const db = await createTestDatabase('lab');
  const storageDir = await mkdtemp(join(tmpdir(), 'lab-test-blobs-'));
  const env = loadLabEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    LAB_STORAGE_DIR: storageDir,
    ...(db.url ? { LAB_DATABASE_URL: db.url } : {}),
    ...extraEnv,
  });
  const service = await createLabService(env, { verifier: issuer.verifier });
  const running = await service.subgraph.listen(0);
  const url = `${running.url}/graphql`;
  return {
    service,
    url,
    storageDir,
    tokenFor: (claims: TestClaims) => issuer.sign(claims),
    query: <T = any>(q: string, variables: Record<string, unknown> = {}, token?: string) =>
      gql<T>(url, q, variables, token ? { token } : {}),
    async stop() {
      await running.close();
      await service.close();
      await db.drop();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}
export type LabHarness = Awaited<ReturnType<typeof startLabSubgraph>>;

/** The lab service on the given settings with the issuer's verifier, over real HTTP (restarts). */
export async function serveLab(settings: Record<string, string | undefined>, issuer: TestIssuer) {
  const service = await createLabService(loadLabEnv(settings), { verifier: issuer.verifier });
  const running = await service.subgraph.listen(0);
  const url = `${running.url}/graphql`;
  return {
    service,
    url,
    tokenFor: (claims: TestClaims) => issuer.sign(claims),
    query: <T = any>(q: string, variables: Record<string, unknown> = {}, token?: string) =>
      gql<T>(url, q, variables, token ? { token } : {}),
    stop: async () => {
      await running.close();
      await service.close();
    },
  };
}
