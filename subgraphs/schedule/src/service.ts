import { NOTIFICATIONS_MIGRATION } from '@medikamente/notifications';
import {
  AUDIT_MIGRATIONS,
  defineSubgraph,
  IDEMPOTENCY_MIGRATION,
  INBOX_MIGRATIONS,
  type KitOptions,
  OUTBOX_MIGRATION,
} from '@medikamente/runtime';
import { createLoaders, createServices, createStores, type ScheduleOptions } from './context';
import { loadScheduleEnv, type ScheduleEnv } from './env';
import { holdSweeper } from './modules/booking/booking.setup';
import { labResultsHandler } from './modules/reminders/lab-results.events';
import { remindersJob } from './modules/reminders/reminders.setup';
import { resolvers } from './resolvers';
import { scheduleTypeDefs } from './schema';

/** The schedule subgraph: catalogue, calendars, booking, reminders, live appointment events. */
export const schedule = defineSubgraph({
  name: 'schedule',
  env: loadScheduleEnv,
  typeDefs: scheduleTypeDefs,
  resolvers,
  migrationsDir: new URL('./db/migrations', import.meta.url),
  migrations: [
    ...AUDIT_MIGRATIONS,
    ...INBOX_MIGRATIONS,
    OUTBOX_MIGRATION,
    NOTIFICATIONS_MIGRATION,
    IDEMPOTENCY_MIGRATION,
  ],
  // Its own machine client relays events (events:write:schedule) and reads revocations.
  serviceScopes: 'events:write:schedule revocations:read',
  subscriptions: true,
  stores: ({ database }) => createStores(database),
  services: createServices,
  context: ({ stores, services }) => ({ stores, services, loaders: createLoaders(stores) }),
  conditions: ({ stores, env }) => ({
    careRelationship: (doctor, ids) =>
      stores.appointments.careRelationships(doctor, ids, env.CARE_WINDOW_DAYS),
  }),
  // The lab released an order's results: the patient is told through the reminder channels.
  events: ({ services, env }) => ({
    'lab.results_released': labResultsHandler(services.reminders, env.REMINDERS_ENABLED === 'true'),
  }),
  eventsFrom: 'lab',
  // Appointment facts for other services (the patient subgraph's care relationships).
  outbox: ({ env }) => ({ url: env.PATIENT_EVENTS_URL, intervalMs: env.OUTBOX_INTERVAL_MS }),
  jobs: (deps) => [holdSweeper(deps, deps.services.booking), remindersJob(deps.services.reminders, deps.env)],
});

export type ScheduleServiceOptions = KitOptions & ScheduleOptions;
/** Builds the schedule service (tests, tools); `schedule.main()` runs the deployable. */
export const createScheduleService = (env: ScheduleEnv, options?: ScheduleServiceOptions) =>
  schedule.create(env, options);
export type ScheduleService = Awaited<ReturnType<typeof createScheduleService>>;
