import {
  AUDIT_MIGRATIONS,
  defineSubgraph,
  IDEMPOTENCY_MIGRATION,
  INBOX_MIGRATIONS,
  KEYRING_MIGRATION,
  type KitDeps,
  type KitOptions,
  OUTBOX_MIGRATION,
  type SubjectKeyring,
} from '@medikamente/runtime';
import { createLoaders, createServices, createStores } from './context';
import { loadRecordEnv, type RecordEnv } from './env';
import { mountUploadRoute } from './modules/attachment/attachment.routes';
import { recordBlobStorage } from './modules/attachment/attachment.service';
import { appointmentEventHandler } from './modules/care/care.events';
import { mountDownloadRoute } from './modules/download/download.routes';
import { checkMasterKey } from './modules/keys/keys';
import { resolvers } from './resolvers';
import { recordTypeDefs } from './schema';

/** Options of `createRecordService` beyond the kit's (benchmarks). */
export type RecordOptions = {
  /**
   * Benchmarks only: seal clinical content with this keyring instead of the one under
   * RECORD_MASTER_KEY (the unencrypted control of `pnpm bench:record`). Refused in production.
   */
  unsafeKeyring?: SubjectKeyring;
};

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
  stores: async ({ database, env, options }: KitDeps<RecordEnv, RecordOptions>) => {
    if (options.unsafeKeyring && env.NODE_ENV === 'production')
      throw new Error('record: unsafeKeyring is for benchmarks only and refused in production');
    const stores = createStores(database, env, options.unsafeKeyring);
    await checkMasterKey(stores.keyring);
    // A rotation completes at start (as identity's does): every data key still wrapped under a
    // previous master key is re-wrapped under the current one, so the old key can be dropped.
    if (env.RECORD_PREVIOUS_MASTER_KEYS.length > 0) await stores.keyring.rewrapAll();
    // The shipped ICD-10 subset (idempotent; an imported NSI directory is never overwritten).
    await stores.icd10.ensureSubset();
    return stores;
  },
  services: async ({ stores, env, database, logger, onClose }) =>
    createServices({ stores, env, database, logger, blobs: await recordBlobStorage(env, onClose) }),
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
  // Attachment uploads and file downloads through short-lived links bound to the caller.
  routes: (app, { verifier, policy, contextFor, services, logger, env }) => {
    const deps = { verifier, policy, contextFor, services, logger };
    mountUploadRoute(app, deps, env);
    mountDownloadRoute(app, deps, env);
  },
  // Record facts (visit signed, break-glass) for security operations and later consumers.
  outbox: ({ env }) => ({ url: undefined, intervalMs: env.OUTBOX_INTERVAL_MS }),
});

/** Builds the record service (tests, tools); `record.main()` runs the deployable. */
export const createRecordService = (env: RecordEnv, options?: KitOptions & RecordOptions) =>
  record.create(env, options);
export type RecordService = Awaited<ReturnType<typeof createRecordService>>;
