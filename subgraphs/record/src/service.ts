import {
  AUDIT_MIGRATIONS,
  defineSubgraph,
  IDEMPOTENCY_MIGRATION,
  INBOX_MIGRATIONS,
  KEYRING_MIGRATION,
  OUTBOX_MIGRATION,
} from '@medikamente/runtime';
import { createLoaders, createServices, createStores } from './context';
import { loadRecordEnv } from './env';
import { appointmentEventHandler } from './modules/care/care.events';
import { checkMasterKey } from './modules/keys/keys';
import { resolvers } from './resolvers';
import { recordTypeDefs } from './schema';

/** The record subgraph: the encrypted medical record (visits, signed versions, drafts, break-glass). */
export const record = defineSubgraph({
  name: 'record',
  env: loadRecordEnv,
  typeDefs: recordTypeDefs,
  resolvers,
  migrationsDir: new URL('./db/migrations', import.meta.url),
  migrations: [
    ...AUDIT_MIGRATIONS,
    ...INBOX_MIGRATIONS,
    OUTBOX_MIGRATION,
    IDEMPOTENCY_MIGRATION,
    KEYRING_MIGRATION,
  ],
  serviceScopes: 'events:write:record revocations:read',
  stores: async ({ database, env }) => {
    const stores = createStores(database, env);
    await checkMasterKey(stores.keyring);
    // A rotation completes at start (as identity's does): every data key still wrapped under a
    // previous master key is re-wrapped under the current one, so the old key can be dropped.
    if (env.RECORD_PREVIOUS_MASTER_KEYS.length > 0) await stores.keyring.rewrapAll();
    // The shipped ICD-10 subset (idempotent; an imported NSI directory is never overwritten).
    await stores.icd10.ensureSubset();
    return stores;
  },
  services: ({ stores, env, database, logger }) => createServices({ stores, env, database, logger }),
  context: ({ stores, services }) => ({ stores, services, loaders: createLoaders(stores) }),
  conditions: ({ stores }) => ({
    careRelationship: (doctor, ids) => stores.care.activeFor(doctor, ids),
    breakGlass: (doctor, ids) => stores.breakGlass.activeFor(doctor, ids),
    // Keyed per draft (policy.yaml conditionKeys): the drafts among `ids` the caller wrote, while
    // the caller may still work on that patient's record — a draft (a correction's is a copy of
    // the signed record) closes with the care relationship or break-glass it was written under.
    author: async (caller, ids) => {
      const drafts = await stores.visits.authoredBy(caller, ids);
      const patients = [...new Set(drafts.values())];
      if (patients.length === 0) return new Set<string>();
      const care = await stores.care.activeFor(caller, patients);
      const glass = await stores.breakGlass.activeFor(caller, patients);
      return new Set([...drafts].filter(([, p]) => care.has(p) || glass.has(p)).map(([id]) => id));
    },
  }),
  // Appointment facts of the schedule subgraph: care relationships, a visit at check-in.
  events: ({ env, stores }) => ({
    'appointment.*': appointmentEventHandler(stores.care, stores.visits, env.CARE_WINDOW_DAYS),
  }),
  eventsFrom: 'schedule',
  // Record facts (visit signed, break-glass) for security operations and later consumers.
  outbox: ({ env }) => ({ url: undefined, intervalMs: env.OUTBOX_INTERVAL_MS }),
});

/** Builds the record service (tests, tools); `record.main()` runs the deployable. */
export const createRecordService = record.create;
export type RecordService = Awaited<ReturnType<typeof createRecordService>>;
