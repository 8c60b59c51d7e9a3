export { loadSecurityEnv, type SecurityEnv } from './env';
export { securityTypeDefs } from './schema';
export { createSecurityService, type SecurityService } from './service';
