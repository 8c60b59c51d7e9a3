import { loadIdentityEnv } from './env';
import { createIdentityService } from './service';

const env = loadIdentityEnv();
const service = await createIdentityService(env);
const running = await service.listen(env.PORT, env.HOST);
service.subgraph.logger.info(
  { url: `${running.url}/graphql`, issuer: env.AUTH_ISSUER, jwks: `${running.url}/.well-known/jwks.json` },
  'identity subgraph listening',
);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await service.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
