import {
  AUDIT_MIGRATIONS,
  defineSubgraph,
  IDEMPOTENCY_MIGRATION,
  INBOX_MIGRATIONS,
  KEYRING_MIGRATION,
  OUTBOX_MIGRATION,
  subgraphBlobStorage,
} from '@medikamente/runtime';
import { createLoaders, createServices, createStores } from './context';
import { loadLabEnv } from './env';
import { appointmentEventHandler } from './modules/care/care.events';
import { resolvers } from './resolvers';
import { labTypeDefs } from './schema';

/**
 * The lab subgraph: the test catalogue, orders with pseudonymous specimens, the partner API,
 * platform-computed flags, the doctor's review gate and critical-value alerts.
 */
export const lab = defineSubgraph({
  name: 'lab',
  env: loadLabEnv,
  typeDefs: labTypeDefs,
  resolvers,
  migrationsDir: new URL('./db/migrations', import.meta.url),
  migrations: [
    ...AUDIT_MIGRATIONS,
    ...INBOX_MIGRATIONS,
    OUTBOX_MIGRATION,
    IDEMPOTENCY_MIGRATION,
    KEYRING_MIGRATION,
  ],
  serviceScopes: 'events:write:lab revocations:read',
  subscriptions: true,
  stores: ({ database, env }) => createStores(database, env),
  services: async ({ stores, env, database, logger, onClose }) =>
    createServices({
      stores,
      env,
      database,
      logger,
      onClose,
      blobs: await subgraphBlobStorage('LAB', env, onClose),
    }),
  context: ({ stores, services }) => ({ stores, services, loaders: createLoaders(stores) }),
  conditions: ({ stores }) => ({
    careRelationship: (doctor, ids) => stores.care.activeFor(doctor, ids),
    // Keyed per order (policy.yaml conditionKeys): the orders among `ids` the calling partner performs.
    partnerOwns: (partner, ids) => stores.orders.ownedBy(partner, ids),
    // Keyed per result: the released results among `ids` of the calling patient.
    resultReleased: (_subject, ids, principal) => stores.results.releasedTo(principal.patientId, ids),
  }),
  // Appointment facts of the schedule subgraph: care relationships.
  events: ({ env, stores }) => ({
    'appointment.*': appointmentEventHandler(stores.care, env.CARE_WINDOW_DAYS),
  }),
  eventsFrom: 'schedule',
  jobs: ({ services }) => [services.alerts.job()],
  // lab.results_released: the patient is told that results are ready (no values in the event);
  // lab.order_placed / lab.order_cancelled: billing invoices the order (EVENTS_HTTP_CONSUMERS).
  outbox: ({ env }) => ({ url: env.SCHEDULE_EVENTS_URL, intervalMs: env.OUTBOX_INTERVAL_MS }),
});

/** Builds the lab service (tests, tools); `lab.main()` runs the deployable. */
export const createLabService = lab.create;
export type LabService = Awaited<ReturnType<typeof createLabService>>;
