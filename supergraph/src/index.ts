export { composeSupergraph, readSupergraph, SUPERGRAPH_PATH } from './compose';
export { loadGatewayEnv } from './env';
export { createGateway, type GatewayOptions } from './gateway';
