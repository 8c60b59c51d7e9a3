export { loadBillingEnv, type BillingEnv } from './env';
export { billingTypeDefs } from './schema';
export { createBillingService, type BillingService } from './service';
