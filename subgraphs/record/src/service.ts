import { AUDIT_MIGRATION, defineSubgraph, IDEMPOTENCY_MIGRATION } from '@medikamente/runtime';
import { createLoaders, createStores } from './context';
import { loadRecordEnv } from './env';
import { resolvers } from './resolvers';
import { recordTypeDefs } from './schema';

/** The record subgraph. */
export const record = defineSubgraph({
  name: 'record',
  env: loadRecordEnv,
  typeDefs: recordTypeDefs,
  resolvers,
  migrationsDir: new URL('./db/migrations', import.meta.url),
  migrations: [AUDIT_MIGRATION, IDEMPOTENCY_MIGRATION],
  serviceScopes: 'revocations:read',
  stores: ({ database }) => createStores(database),
  context: ({ stores }) => ({ stores, loaders: createLoaders(stores) }),
});

/** Builds the record service (tests, tools); `record.main()` runs the deployable. */
export const createRecordService = record.create;
export type RecordService = Awaited<ReturnType<typeof createRecordService>>;
