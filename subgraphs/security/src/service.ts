import { AUDIT_MIGRATIONS, defineSubgraph, IDEMPOTENCY_MIGRATION } from '@medikamente/runtime';
import { createLoaders, createStores } from './context';
import { loadSecurityEnv } from './env';
import { createSecurityMetrics } from './modules/monitoring/metrics';
import { resolvers } from './resolvers';
import { securityTypeDefs } from './schema';

/** The security subgraph. */
export const security = defineSubgraph({
  name: 'security',
  env: loadSecurityEnv,
  typeDefs: securityTypeDefs,
  resolvers,
  migrationsDir: new URL('./db/migrations', import.meta.url),
  migrations: [...AUDIT_MIGRATIONS, IDEMPOTENCY_MIGRATION],
  serviceScopes: 'revocations:read',
  // Its metrics (deploy/monitoring alerts on them): one set per service, for services and jobs.
  stores: ({ database }) => ({ ...createStores(database), metrics: createSecurityMetrics() }),
  metrics: ({ stores }) => stores.metrics.all,
  context: ({ stores }) => ({ stores, loaders: createLoaders(stores) }),
});

/** Builds the security service (tests, tools); `security.main()` runs the deployable. */
export const createSecurityService = security.create;
export type SecurityService = Awaited<ReturnType<typeof createSecurityService>>;
