export { type BillingEnv, loadBillingEnv } from './env';
export { billingTypeDefs } from './schema';
export { type BillingService, createBillingService } from './service';
