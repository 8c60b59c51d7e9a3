import { notificationEnv } from '@medikamente/notifications';
import { checkEventsEnv, commaList, parseEnv, subgraphEnv } from '@medikamente/runtime';
import { z } from 'zod';

const schema = z
  .object({
    ...subgraphEnv('schedule', 4003),
    /**
     * Where appointment events go over HTTP (the patient subgraph's inbox) when no broker is
     * configured (EVENTS_AMQP_URL); unset = kept in the outbox.
     */
    PATIENT_EVENTS_URL: z.string().url().optional(),
    /** Client credentials of this service (role service, scope events:write:schedule) at identity's /oauth/token. */
    SCHEDULE_CLIENT_ID: z.string().optional(),
    SCHEDULE_CLIENT_SECRET: z.string().optional(),
    OUTBOX_INTERVAL_MS: z.coerce.number().int().positive().default(500),
    /** Unexpired holds one patient may have at once (TOO_MANY_HOLDS beyond). */
    MAX_ACTIVE_HOLDS_PER_PATIENT: z.coerce.number().int().positive().default(2),
    /** New holds per patient per HOLD_RATE_WINDOW_SEC (RATE_LIMITED beyond; shared through REDIS_URL). */
    HOLD_RATE_LIMIT: z.coerce.number().int().positive().default(10),
    HOLD_RATE_WINDOW_SEC: z.coerce.number().int().positive().default(600),
    /** How often expired holds are released. */
    HOLD_SWEEP_MS: z.coerce.number().int().positive().default(15000),
    /** Days after an appointment during which its doctor keeps the care relationship. */
    CARE_WINDOW_DAYS: z.coerce.number().int().min(0).default(30),
    /** Base URL of the patient portal, for reminder links. */
    PORTAL_URL: z.string().url().default('http://127.0.0.1:3000'),
    /** The patient subgraph, for reminder contacts (read as a service client). */
    PATIENT_URL: z.string().url().default('http://127.0.0.1:4002/graphql'),
    /**
     * How long (seconds) a public free-slot list may be reused by the gateway's response cache;
     * 0 = never. Bookings always re-check in the database, so a list at most this old is safe.
     */
    PUBLIC_SLOTS_MAX_AGE: z.coerce.number().int().min(0).max(60).default(1),
    /**
     * Push services a browser subscription may point to (host or parent domain, comma-separated):
     * the server later POSTs to the endpoint, so anything else (internal hosts) is refused.
     */
    PUSH_ENDPOINT_HOSTS: commaList(
      'fcm.googleapis.com,push.services.mozilla.com,notify.windows.com,push.apple.com',
    ),
    REMINDERS_ENABLED: z.enum(['true', 'false']).default('true'),
    REMINDER_TICK_MS: z.coerce.number().int().positive().default(30000),
    /** Quiet hours in the patient's (branch's) time zone: no reminders between these local times. */
    QUIET_HOURS_START: z
      .string()
      .regex(/^\d{2}:\d{2}$/)
      .default('22:00'),
    QUIET_HOURS_END: z
      .string()
      .regex(/^\d{2}:\d{2}$/)
      .default('08:00'),
    /** Local time (branch zone) when doctors get the next day's list. */
    DOCTOR_LIST_AT: z
      .string()
      .regex(/^\d{2}:\d{2}$/)
      .default('18:00'),
    ...notificationEnv,
  })
  .superRefine(checkEventsEnv);

export type ScheduleEnv = z.infer<typeof schema>;

/** Validated configuration of the schedule subgraph. */
export const loadScheduleEnv = (source?: Record<string, string | undefined>) => parseEnv(schema, source);
