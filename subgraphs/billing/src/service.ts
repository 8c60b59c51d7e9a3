import { AUDIT_MIGRATIONS, defineSubgraph, IDEMPOTENCY_MIGRATION } from '@medikamente/runtime';
import { createLoaders, createStores } from './context';
import { loadBillingEnv } from './env';
import { resolvers } from './resolvers';
import { billingTypeDefs } from './schema';

/** The billing subgraph. */
export const billing = defineSubgraph({
  name: 'billing',
  env: loadBillingEnv,
  typeDefs: billingTypeDefs,
  resolvers,
  migrationsDir: new URL('./db/migrations', import.meta.url),
  migrations: [...AUDIT_MIGRATIONS, IDEMPOTENCY_MIGRATION],
  serviceScopes: 'revocations:read',
  stores: ({ database }) => createStores(database),
  context: ({ stores }) => ({ stores, loaders: createLoaders(stores) }),
});

/** Builds the billing service (tests, tools); `billing.main()` runs the deployable. */
export const createBillingService = billing.create;
export type BillingService = Awaited<ReturnType<typeof createBillingService>>;
