import { resolve } from 'node:path';
import { commonEnv, parseEnv } from '@medikamente/runtime';
import { z } from 'zod';

const schema = z.object({
  ...commonEnv,
  PORT: z.coerce.number().int().min(0).default(4003),
  SCHEDULE_DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(resolve(process.cwd(), '.data/schedule')),
  /** Where appointment events go (the patient subgraph's inbox); unset = kept in the outbox. */
  PATIENT_EVENTS_URL: z.string().url().optional(),
  /** Client credentials of this service (role service, scope events:write) at identity's /oauth/token. */
  SCHEDULE_CLIENT_ID: z.string().optional(),
  SCHEDULE_CLIENT_SECRET: z.string().optional(),
  AUTH_TOKEN_URL: z.string().url().optional(),
  OUTBOX_INTERVAL_MS: z.coerce.number().int().positive().default(500),
  /** How often expired holds are released. */
  HOLD_SWEEP_MS: z.coerce.number().int().positive().default(15000),
  /** Days after an appointment during which its doctor keeps the care relationship. */
  CARE_WINDOW_DAYS: z.coerce.number().int().min(0).default(30),
  /** Base URL of the patient portal, for reminder links. */
  PORTAL_URL: z.string().url().default('http://127.0.0.1:3000'),
});

export type ScheduleEnv = z.infer<typeof schema>;

/** Validated configuration of the schedule subgraph. */
export const loadScheduleEnv = (source?: Record<string, string | undefined>) => parseEnv(schema, source);
