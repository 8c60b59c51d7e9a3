import { NOTIFICATIONS_MIGRATION } from '@medikamente/notifications';
import {
  AUDIT_MIGRATIONS,
  defineSubgraph,
  IDEMPOTENCY_MIGRATION,
  type KitOptions,
  type WithStores,
} from '@medikamente/runtime';
import { createLoaders, createStores, type Services, type Stores } from './context';
import { loadSecurityEnv, type SecurityEnv } from './env';
import { createSecurityMetrics, type SecurityMetrics } from './modules/monitoring/metrics';
import { createRequestsService, type RequestsOptions } from './modules/requests/requests.setup';
import { resolvers } from './resolvers';
import { securityTypeDefs } from './schema';

/** Options of `createSecurityService` beyond the kit's (tests, tools). */
export type SecurityOptions = RequestsOptions;

/** The security subgraph. */
export const security = defineSubgraph({
  name: 'security',
  env: loadSecurityEnv,
  typeDefs: securityTypeDefs,
  resolvers,
  migrationsDir: new URL('./db/migrations', import.meta.url),
  migrations: [...AUDIT_MIGRATIONS, IDEMPOTENCY_MIGRATION, NOTIFICATIONS_MIGRATION],
  serviceScopes: 'revocations:read',
  // Its metrics (deploy/monitoring alerts on them): one set per service, for services and jobs.
  stores: ({ database }) => ({ ...createStores(database), metrics: createSecurityMetrics() }),
  services: (
    deps: WithStores<SecurityEnv, SecurityOptions, Stores & { metrics: SecurityMetrics }>,
  ): Services => ({
    requests: createRequestsService(deps),
  }),
  context: ({ stores, services }) => ({ stores, services, loaders: createLoaders(stores) }),
  jobs: ({ services }) => [services.requests.job()],
});

/** Builds the security service (tests, tools); `security.main()` runs the deployable. */
export const createSecurityService = (env: SecurityEnv, options?: KitOptions & SecurityOptions) =>
  security.create(env, options);
export type SecurityService = Awaited<ReturnType<typeof createSecurityService>>;
