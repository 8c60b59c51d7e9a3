import { notificationEnv } from '@medikamente/notifications';
import { parseEnv, subgraphEnv } from '@medikamente/runtime';
import { z } from 'zod';

const SERVICE_NAME = /^[a-z][a-z0-9-]{0,39}$/;

/** "name=baseUrl,name=baseUrl" → the audit stream's sources in order (AUDIT_SOURCES). */
const auditSources = z
  .string()
  .default('')
  .transform((s, ctx) => {
    const out: Array<{ name: string; baseUrl: string }> = [];
    for (const part of s
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const at = part.indexOf('=');
      const name = part.slice(0, at);
      const baseUrl = part.slice(at + 1).replace(/\/+$/, '');
      const url = z.url({ protocol: /^https?$/ }).safeParse(baseUrl);
      if (at < 1 || !SERVICE_NAME.test(name) || !url.success) {
        ctx.addIssue({ code: 'custom', message: `"${part}" is not name=http(s)://host:port` });
        continue;
      }
      if (out.some((o) => o.name === name)) {
        ctx.addIssue({ code: 'custom', message: `source "${name}" is listed twice` });
        continue;
      }
      out.push({ name, baseUrl });
    }
    return out;
  });

const schema = z.object({
  ...subgraphEnv('security', 4007),
  /**
   * The services whose audit chains the stream pulls (ADR 0018): `name=baseUrl` per source,
   * comma-separated, e.g. `patient=http://patient:4002`. Each serves /internal/audit/events to
   * this service's client (scope audit:read). Empty: the stream copies nothing.
   */
  AUDIT_SOURCES: auditSources,
  /** How often each source is pulled when it answers (a failing one backs off to 5 minutes). */
  AUDIT_PULL_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  /** Events asked per page (the sources serve at most 1000). */
  AUDIT_PULL_PAGE: z.coerce.number().int().min(1).max(1000).default(1000),
  /** How long a source may take to answer one page. */
  AUDIT_PULL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** How often a source's chain head is recorded as a checkpoint (when it moved). */
  AUDIT_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(300_000),
  /** How often every chain is verified against the copies and the checkpoints. */
  AUDIT_VERIFY_INTERVAL_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(3_600_000),
  /** The monitoring rules file (thresholds, windows, working hours); default config/monitoring-rules.yaml. */
  MONITORING_RULES_FILE: z.string().min(1).optional(),
  /** How often the rules read the audit stream. */
  ALERTS_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** The security officers' mailbox: every alert is mailed there (ids and the rule only). */
  SECURITY_ALERT_EMAIL: z.string().email().optional(),
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
