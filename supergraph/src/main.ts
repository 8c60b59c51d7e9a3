import { claimMappingFromEnv, TokenVerifier } from '@medikamente/runtime';
import { loadPolicy } from '@medikamente/schema';
import { readSupergraph } from './compose';
import { loadGatewayEnv } from './env';
import { createGateway } from './gateway';

const env = loadGatewayEnv();
const gateway = await createGateway({
  supergraphSdl: readSupergraph(),
  subgraphUrls: { identity: env.IDENTITY_URL, patient: env.PATIENT_URL, schedule: env.SCHEDULE_URL },
  verifier: new TokenVerifier({
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    jwks: env.AUTH_JWKS_URL ?? `${env.AUTH_ISSUER}/.well-known/jwks.json`,
    revocations: env.AUTH_REVOCATIONS_URL ?? `${env.AUTH_ISSUER}/internal/revocations`,
    revocationPollMs: env.AUTH_REVOCATION_POLL_MS,
    claims: { ...claimMappingFromEnv(env), knownRoles: Object.keys(loadPolicy().roles) },
  }),
  limits: { maxDepth: env.MAX_QUERY_DEPTH, maxAliases: env.MAX_QUERY_ALIASES, maxCost: env.MAX_QUERY_COST },
  production: env.NODE_ENV === 'production',
  subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
  logLevel: env.LOG_LEVEL,
  trustedProxies: env.TRUSTED_PROXIES,
  responseCache: env.RESPONSE_CACHE === 'on',
});
const running = await gateway.listen(env.PORT, env.HOST);
gateway.logger.info({ url: `${running.url}/graphql` }, 'gateway listening');
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await running.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
