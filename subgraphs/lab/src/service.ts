import { AUDIT_MIGRATIONS, defineSubgraph, IDEMPOTENCY_MIGRATION } from '@medikamente/runtime';
import { createLoaders, createStores } from './context';
import { loadLabEnv } from './env';
import { resolvers } from './resolvers';
import { labTypeDefs } from './schema';

/** The lab subgraph. */
export const lab = defineSubgraph({
  name: 'lab',
  env: loadLabEnv,
  typeDefs: labTypeDefs,
  resolvers,
  migrationsDir: new URL('./db/migrations', import.meta.url),
  migrations: [...AUDIT_MIGRATIONS, IDEMPOTENCY_MIGRATION],
  serviceScopes: 'revocations:read',
  stores: ({ database }) => createStores(database),
  context: ({ stores }) => ({ stores, loaders: createLoaders(stores) }),
});

/** Builds the lab service (tests, tools); `lab.main()` runs the deployable. */
export const createLabService = lab.create;
export type LabService = Awaited<ReturnType<typeof createLabService>>;
