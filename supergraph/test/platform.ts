import { TokenVerifier } from '@medikamente/runtime';
import { createTestDatabase, gql } from '@medikamente/runtime/testing';
import { createIdentityService, loadIdentityEnv } from '@medikamente/subgraph-identity';
import { createPatientService, loadPatientEnv } from '@medikamente/subgraph-patient';
import { readSupergraph } from '../src/compose';
import { createGateway } from '../src/gateway';

const ISSUER = 'http://identity.medikamente.test';

/**
 * The platform as deployed, in one test process: identity, patient and the gateway, each on
 * its own port and database, talking real HTTP (JWKS and revocations fetched over HTTP too).
 */
export async function startPlatform(opts: { production?: boolean } = {}) {
  const [idDb, patDb] = await Promise.all([
    createTestDatabase('gw_identity'),
    createTestDatabase('gw_patient'),
  ]);
  const common = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    AUTH_ISSUER: ISSUER,
    AUTH_REVOCATION_POLL_MS: '100',
  };
  const identity = await createIdentityService(
    loadIdentityEnv({ ...common, ...(idDb.url ? { IDENTITY_DATABASE_URL: idDb.url } : {}) }),
  );
  const identityHttp = await identity.listen(0);
  const verifier = () =>
    new TokenVerifier({
      issuer: ISSUER,
      audience: 'medikamente-api',
      jwks: `${identityHttp.url}/.well-known/jwks.json`,
      revocations: `${identityHttp.url}/internal/revocations`,
      revocationPollMs: 100,
    });
  const patient = await createPatientService(
    loadPatientEnv({ ...common, ...(patDb.url ? { PATIENT_DATABASE_URL: patDb.url } : {}) }),
    {
      verifier: verifier(),
    },
  );
  const patientHttp = await patient.subgraph.listen(0);
  const gateway = await createGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: { identity: `${identityHttp.url}/graphql`, patient: `${patientHttp.url}/graphql` },
    verifier: verifier(),
    limits: { maxDepth: 10, maxAliases: 15, maxCost: 20000 },
    production: opts.production ?? false,
    logLevel: 'silent',
  });
  const gatewayHttp = await gateway.listen(0);
  const url = `${gatewayHttp.url}/graphql`;

  /** An account of a role with a real session token from identity. */
  async function account(
    role: Parameters<typeof identity.createAccount>[0]['role'],
    extra: { patientId?: string } = {},
  ) {
    const created = await identity.createAccount({ role, ...extra });
    const token = await identity.issueTokenFor(created.accountId);
    return { ...created, token };
  }

  return {
    url,
    gatewayUrl: gatewayHttp.url,
    identityUrl: identityHttp.url,
    patientUrl: `${patientHttp.url}/graphql`,
    identity,
    patient,
    account,
    query: <T = any>(q: string, variables: Record<string, unknown> = {}, token?: string) =>
      gql<T>(url, q, variables, token ? { token } : {}),
    async stop() {
      await gatewayHttp.close();
      await patientHttp.close();
      await patient.close();
      await identity.close();
      await Promise.all([idDb.drop(), patDb.drop()]);
    },
  };
}
export type Platform = Awaited<ReturnType<typeof startPlatform>>;
