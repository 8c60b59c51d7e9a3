import { fileURLToPath } from 'node:url';
import {
  ActionTokens,
  channelsFromEnv,
  NOTIFICATIONS_MIGRATION,
  Notifier,
  ReminderQueue,
} from '@medikamente/notifications';
import {
  AUDIT_MIGRATION,
  AuditLog,
  amqpEventSink,
  type BaseContext,
  connectRedis,
  createLogger,
  createRateLimiter,
  createSubgraph,
  type Database,
  httpEventSink,
  limitsFromEnv,
  OUTBOX_MIGRATION,
  OutboxRelay,
  openDatabase,
  PgPubSub,
  serviceCredentials,
  type TokenVerifier,
  verifierFromEnv,
} from '@medikamente/runtime';
import { loadPolicy } from '@medikamente/schema';
import { broker as brokerService } from './broker';
import { createLoaders, type ScheduleContext, type Services, type Stores } from './context';
import type { ScheduleEnv } from './env';
import { APPOINTMENT_CHANNEL, type LiveAppointmentEvent } from './modules/booking/booking.events';
import { BookingService } from './modules/booking/booking.service';
import { AppointmentStore } from './modules/booking/booking.store';
import { Availability } from './modules/calendar/availability';
import { CalendarStore } from './modules/calendar/calendar.store';
import { CatalogStore } from './modules/catalog/catalog.store';
import { type ReminderChannel, ReminderSettingsStore } from './modules/reminder-settings/settings.store';
import { GraphPatientDirectory, type PatientDirectory } from './modules/reminders/patient-directory';
import { Reminders } from './modules/reminders/reminders.service';
import { resolvers } from './resolvers';
import { scheduleTypeDefs } from './schema';

const MIGRATIONS = fileURLToPath(new URL('./db/migrations', import.meta.url));

export type ScheduleServiceOptions = {
  verifier?: TokenVerifier;
  database?: Database;
  unsafeDisablePolicy?: boolean;
  /** Replaces the HTTP delivery of outbox events (tests). */
  deliverEvents?: (events: unknown[]) => Promise<void>;
  /** Run the outbox relay, the hold sweeper and the reminder scheduler/worker (default true). */
  background?: boolean;
  /** Replaces the patient subgraph as the source of reminder contacts (tests of one subgraph). */
  patients?: PatientDirectory;
};

/** A random secret generated on first start and kept in the service's own database. */
async function serviceSecret(database: Database, name: string): Promise<Uint8Array> {
  const fresh = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64');
  await database.query('insert into service_secret (name, value) values ($1, $2) on conflict do nothing', [
    name,
    fresh,
  ]);
  const [row] = await database.query<{ value: string }>('select value from service_secret where name = $1', [
    name,
  ]);
  return new Uint8Array(Buffer.from(row!.value, 'base64'));
}

/** Wires the schedule subgraph: database, stores, booking rules, events, server. */
export async function createScheduleService(env: ScheduleEnv, opts: ScheduleServiceOptions = {}) {
  const database =
    opts.database ??
    (await openDatabase({
      url: env.SCHEDULE_DATABASE_URL,
      dataDir: env.DATA_DIR,
      migrationsDir: MIGRATIONS,
      migrations: [AUDIT_MIGRATION, OUTBOX_MIGRATION, NOTIFICATIONS_MIGRATION],
    }));
  const catalog = new CatalogStore(database);
  const calendar = new CalendarStore(database);
  const appointments = new AppointmentStore(database);
  const stores: Stores = {
    catalog,
    calendar,
    appointments,
    reminderSettings: new ReminderSettingsStore(database),
    audit: new AuditLog(database),
  };
  const pubsub = new PgPubSub(database);
  const availability = new Availability(catalog, calendar, env.PUBLIC_SLOTS_MAX_AGE);
  const redis = env.REDIS_URL ? connectRedis(env.REDIS_URL) : undefined;
  const booking = new BookingService({
    database,
    appointments,
    catalog,
    availability,
    audit: stores.audit,
    maxActiveHolds: env.MAX_ACTIVE_HOLDS_PER_PATIENT,
    holdLimiter: createRateLimiter(
      'schedule-holds',
      { points: env.HOLD_RATE_LIMIT, durationSec: env.HOLD_RATE_WINDOW_SEC },
      redis,
    ),
  });
  const logger = createLogger('schedule', env.LOG_LEVEL);
  // The service's own machine client: relays events (events:write), reads revocations.
  const credentials = serviceCredentials(
    {
      ...env,
      SERVICE_CLIENT_ID: env.SERVICE_CLIENT_ID ?? env.SCHEDULE_CLIENT_ID,
      SERVICE_CLIENT_SECRET: env.SERVICE_CLIENT_SECRET ?? env.SCHEDULE_CLIENT_SECRET,
    },
    'events:write revocations:read',
  );
  const patients: PatientDirectory =
    opts.patients ??
    new GraphPatientDirectory(
      env.PATIENT_URL,
      credentials ?? { token: async () => Promise.reject(new Error('no service credentials configured')) },
    );
  const channels = channelsFromEnv(env);
  const reminders = new Reminders({
    database,
    appointments,
    catalog,
    booking,
    queue: new ReminderQueue({
      database,
      connectionString: env.SCHEDULE_DATABASE_URL,
      queue: 'schedule-reminders',
    }),
    notifier: new Notifier({ database, channels, logger }),
    settings: stores.reminderSettings,
    tokens: new ActionTokens({ database, secret: await serviceSecret(database, 'reminder-links') }),
    patients,
    portalUrl: env.PORTAL_URL,
    quietHours: { start: env.QUIET_HOURS_START, end: env.QUIET_HOURS_END },
    doctorListAt: env.DOCTOR_LIST_AT,
    logger,
  });
  const services: Services = {
    availability,
    booking,
    reminders,
    pubsub,
    reminderChannels: {
      enabled: channels.map((c) => c.channel.toUpperCase() as ReminderChannel),
      webPushPublicKey: env.NOTIFY_PUSH_PUBLIC_KEY ?? null,
      pushHosts: env.PUSH_ENDPOINT_HOSTS.map((h) => h.toLowerCase()),
    },
  };
  // Every replica drops cached availability of a doctor whose appointments changed anywhere.
  const changes = pubsub.subscribe<LiveAppointmentEvent>(APPOINTMENT_CHANNEL);
  void (async () => {
    for await (const e of changes) availability.invalidate(e.specialistId);
  })();

  const verifier = opts.verifier ?? verifierFromEnv(env, Object.keys(loadPolicy().roles), credentials);

  const subgraph = await createSubgraph<Omit<ScheduleContext, keyof BaseContext>>({
    name: 'schedule',
    logger,
    typeDefs: scheduleTypeDefs,
    resolvers: resolvers as never,
    policy: loadPolicy(),
    database,
    verifier,
    production: env.NODE_ENV === 'production',
    subscriptions: true,
    limits: limitsFromEnv(env),
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    conditions: {
      careRelationships: (doctor, ids) => appointments.careRelationships(doctor, ids, env.CARE_WINDOW_DAYS),
    },
    extendContext: () => ({ stores, services, loaders: createLoaders(stores) }),
    unsafeDisablePolicy: opts.unsafeDisablePolicy,
  });

  // Appointment facts for other services (the patient subgraph's care relationships): to the
  // broker's `schedule.events` exchange when configured, else over HTTP to the patient subgraph.
  const broker =
    !opts.deliverEvents && env.EVENTS_AMQP_URL
      ? amqpEventSink({ url: env.EVENTS_AMQP_URL, service: brokerService.name })
      : undefined;
  let deliver = opts.deliverEvents ?? broker;
  if (!deliver && env.PATIENT_EVENTS_URL && credentials)
    deliver = httpEventSink(env.PATIENT_EVENTS_URL, credentials);
  const relay = deliver
    ? new OutboxRelay({
        database,
        deliver,
        intervalMs: env.OUTBOX_INTERVAL_MS,
        onError: (err) =>
          subgraph.logger.warn({ err: (err as Error).message }, 'outbox delivery failed; will retry'),
      })
    : undefined;
  const sweeper = setInterval(() => {
    database
      .tx((q) => booking.releaseExpired(q))
      .catch((err) => subgraph.logger.warn({ err: (err as Error).message }, 'hold sweep failed'));
  }, env.HOLD_SWEEP_MS);
  sweeper.unref();
  if (opts.background === false) clearInterval(sweeper);
  else {
    relay?.start();
    if (env.REMINDERS_ENABLED === 'true') await reminders.start(env.REMINDER_TICK_MS);
  }

  return {
    subgraph,
    database,
    stores,
    services,
    relay,
    verifier,
    async close() {
      clearInterval(sweeper);
      await reminders.stop();
      await changes.return?.();
      await relay?.stop();
      await broker?.close();
      await pubsub.close();
      redis?.disconnect();
      await database.close();
    },
  };
}
export type ScheduleService = Awaited<ReturnType<typeof createScheduleService>>;
