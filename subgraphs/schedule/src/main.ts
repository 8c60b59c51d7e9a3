import { loadScheduleEnv } from './env';
import { createScheduleService } from './service';

const env = loadScheduleEnv();
const service = await createScheduleService(env);
const running = await service.subgraph.listen(env.PORT, env.HOST);
// /metrics only on its own port (for the monitoring stack), never on the public one.
const metrics = env.METRICS_PORT
  ? await service.subgraph.listenMetrics(env.METRICS_PORT, env.METRICS_HOST)
  : undefined;
service.subgraph.logger.info(
  { url: `${running.url}/graphql`, metrics: metrics?.url ?? null },
  'schedule subgraph listening',
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
