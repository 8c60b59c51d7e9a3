export { composeSupergraph, readSupergraph, SUPERGRAPH_PATH } from './compose';
export { createGateway, type GatewayOptions } from './gateway';
export { loadGatewayEnv } from './env';
