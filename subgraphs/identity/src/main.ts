import { loadIdentityEnv } from './env';
import { createIdentityService } from './service';

const env = loadIdentityEnv();
const service = await createIdentityService(env);
const running = await service.listen(env.PORT, env.HOST);
// /metrics only on its own port (for the monitoring stack), never on the public one.
const metrics = env.METRICS_PORT
  ? await service.subgraph.listenMetrics(env.METRICS_PORT, env.METRICS_HOST)
  : undefined;
service.subgraph.logger.info(
  {
    url: `${running.url}/graphql`,
    issuer: env.AUTH_ISSUER,
    jwks: `${running.url}/.well-known/jwks.json`,
    metrics: metrics?.url ?? null,
  },
  'identity subgraph listening',
);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await metrics?.close();
  await service.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
