import { loadPatientEnv } from './env';
import { createPatientService } from './service';

const env = loadPatientEnv();
const service = await createPatientService(env);
const running = await service.subgraph.listen(env.PORT, env.HOST);
// /metrics only on its own port (for the monitoring stack), never on the public one.
const metrics = env.METRICS_PORT
  ? await service.subgraph.listenMetrics(env.METRICS_PORT, env.METRICS_HOST)
  : undefined;
service.subgraph.logger.info(
  { url: `${running.url}/graphql`, metrics: metrics?.url ?? null },
  'patient subgraph listening',
);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await metrics?.close();
  await running.close();
  await service.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
