import { loadScheduleEnv } from './env';
import { createScheduleService } from './service';

const env = loadScheduleEnv();
const service = await createScheduleService(env);
const running = await service.subgraph.listen(env.PORT, env.HOST);
service.subgraph.logger.info({ url: `${running.url}/graphql` }, 'schedule subgraph listening');
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await running.close();
  await service.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
