import { limitsFromEnv, serviceCredentials, verifierFromEnv } from '@medikamente/runtime';
import { loadPolicy } from '@medikamente/schema';
import { readSupergraph } from './compose';
import { loadGatewayEnv } from './env';
import { createGateway } from './gateway';
import { loadTrustedDocuments, TrustedManifestError } from './trusted-documents';

const env = loadGatewayEnv();
// Partners' allowlists: an invalid manifest stops the start (the message lists every problem).
const trustedDocuments = (() => {
  try {
    return loadTrustedDocuments(env.TRUSTED_DOCUMENTS_DIR);
  } catch (e) {
    if (!(e instanceof TrustedManifestError)) throw e;
    console.error(e.message);
    process.exit(78);
  }
})();
// The gateway's own client (scope gateway): subgraphs believe the request id and client address
// it forwards only with this token; it also reads the revocation list with it.
const credentials = serviceCredentials(env, 'gateway revocations:read');
const gateway = await createGateway({
  supergraphSdl: readSupergraph(),
  subgraphUrls: env.subgraphUrls,
  verifier: verifierFromEnv(env, Object.keys(loadPolicy().roles), credentials),
  limits: limitsFromEnv(env),
  production: env.NODE_ENV === 'production',
  subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
  requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
  logLevel: env.LOG_LEVEL,
  trustedProxies: env.TRUSTED_PROXIES,
  responseCache: env.RESPONSE_CACHE === 'on',
  serviceToken: credentials ? () => credentials.token() : undefined,
  redisUrl: env.REDIS_URL,
  rateLimits: {
    perAddress: { points: env.RATE_LIMIT_PER_ADDRESS, durationSec: 60 },
    anonymousPerAddress: { points: env.RATE_LIMIT_ANONYMOUS_PER_ADDRESS, durationSec: 60 },
    perAccount: { points: env.RATE_LIMIT_PER_ACCOUNT, durationSec: 60 },
  },
  unsafeDisableEdgeGuards: env.EDGE_GUARDS === 'off',
  unsafeEdgeGuardSwitch: env.EDGE_GUARDS === 'switch',
  maxSocketsPerAddress: env.MAX_SOCKETS_PER_ADDRESS,
  maxSocketsPerAccount: env.MAX_SOCKETS_PER_ACCOUNT,
  trustedDocuments,
});
const running = await gateway.listen(env.PORT, env.HOST);
const metrics = env.METRICS_PORT
  ? await gateway.listenMetrics(env.METRICS_PORT, env.METRICS_HOST)
  : undefined;
gateway.logger.info({ url: `${running.url}/graphql`, metrics: metrics?.url ?? null }, 'gateway listening');
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await metrics?.close();
  await running.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
