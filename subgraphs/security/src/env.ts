import { notificationEnv } from '@medikamente/notifications';
import { parseEnv, subgraphEnv } from '@medikamente/runtime';
import { z } from 'zod';

const schema = z.object({
  ...subgraphEnv('security', 4007),
  /** The monitoring rules file (thresholds, windows, working hours); default config/monitoring-rules.yaml. */
  MONITORING_RULES_FILE: z.string().min(1).optional(),
  /** How often the rules read the audit stream. */
  ALERTS_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** The security officers' mailbox: every alert is mailed there (ids and the rule only). */
  SECURITY_ALERT_EMAIL: z.string().email().optional(),
  NOTIFY_SMTP_URL: notificationEnv.NOTIFY_SMTP_URL,
  NOTIFY_EMAIL_FROM: notificationEnv.NOTIFY_EMAIL_FROM,
});

export type SecurityEnv = z.infer<typeof schema>;

/** Validated configuration of the security subgraph. */
export const loadSecurityEnv = (source?: Record<string, string | undefined>) => parseEnv(schema, source);
