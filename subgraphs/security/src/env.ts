import { notificationEnv } from '@medikamente/notifications';
import { parseEnv, subgraphEnv } from '@medikamente/runtime';
import { z } from 'zod';

const schema = z.object({
  ...subgraphEnv('security', 4007),
  /** The production calendar (YAML); default: config/production-calendar.yaml of the subgraph. */
  PRODUCTION_CALENDAR_FILE: z.string().min(1).optional(),
  /** Data-subject requests: remind this many working days before the deadline (comma-separated thresholds). */
  DSR_REMIND_WITHIN_DAYS: z
    .string()
    .default('3,1')
    .transform((s) => s.split(',').map((x) => Number(x.trim())))
    .pipe(z.array(z.number().int().min(0).max(15)).min(1)),
  /** The security officers' mailbox: reminders without a known owner address, and escalations. */
  DSR_OFFICERS_EMAIL: z.string().email().optional(),
  /** Base URL of a request in the staff console, put in e-mails as `<base>/<id>`. */
  DSR_CONSOLE_URL: z.string().url().optional(),
  /** How often the reminder job looks at open requests. */
  DSR_CHECK_MS: z.coerce.number().int().min(50).max(3_600_000).default(60_000),
  NOTIFY_SMTP_URL: notificationEnv.NOTIFY_SMTP_URL,
  NOTIFY_EMAIL_FROM: notificationEnv.NOTIFY_EMAIL_FROM,
});

export type SecurityEnv = z.infer<typeof schema>;

/** Validated configuration of the security subgraph. */
export const loadSecurityEnv = (source?: Record<string, string | undefined>) => parseEnv(schema, source);
