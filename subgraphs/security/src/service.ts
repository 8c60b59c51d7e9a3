import { AUDIT_MIGRATIONS, defineSubgraph, IDEMPOTENCY_MIGRATION } from '@medikamente/runtime';
import { createLoaders, createServices, createStores } from './context';
import { loadSecurityEnv } from './env';
import { resolvers } from './resolvers';
import { securityTypeDefs } from './schema';

/** The security subgraph: the central audit stream, privacy monitoring, the officer's console. */
export const security = defineSubgraph({
  name: 'security',
  env: loadSecurityEnv,
  typeDefs: securityTypeDefs,
  resolvers,
  migrationsDir: new URL('./db/migrations', import.meta.url),
  migrations: [...AUDIT_MIGRATIONS, IDEMPOTENCY_MIGRATION],
  serviceScopes: 'revocations:read',
  subscriptions: true,
  stores: ({ database }) => createStores(database),
  services: ({ stores, env, database, logger, onClose }) =>
    createServices({ stores, env, database, logger, onClose }),
  context: ({ stores, services }) => ({ stores, services, loaders: createLoaders(stores) }),
  jobs: ({ services }) => [services.alerts.job()],
});

/** Builds the security service (tests, tools); `security.main()` runs the deployable. */
export const createSecurityService = security.create;
export type SecurityService = Awaited<ReturnType<typeof createSecurityService>>;
