import { notificationEnv } from '@medikamente/notifications';
import {
  blobStorageEnv,
  checkBlobStorageEnv,
  checkEventsEnv,
  masterKeyEnv,
  parseEnv,
  subgraphEnv,
} from '@medikamente/runtime';
import { z } from 'zod';

const schema = z
  .object({
    ...subgraphEnv('lab', 4005),
    /**
     * Master key (base64, 32 bytes) wrapping the patients' data keys of lab reports; or
     * LAB_MASTER_KEY_FILE. Required in production; generated in development on first start.
     */
    ...masterKeyEnv('LAB'),
    /** A doctor's care relationship lasts this many days after the appointment's end or the order's close. */
    CARE_WINDOW_DAYS: z.coerce.number().int().min(0).max(3650).default(365),
    /** Partner PDF reports: the largest accepted file. */
    LAB_REPORT_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .max(20 * 1024 * 1024)
      .default(180 * 1024),
    /** Report files: LAB_STORAGE (`fs` | `s3`), LAB_S3_*; sealed under the patient's data key before storage. */
    ...blobStorageEnv('LAB'),
    /** Directory of the `fs` storage; default `<DATA_DIR>-blobs` (a temporary one for memory://). */
    LAB_STORAGE_DIR: z.string().min(1).optional(),
    /** A critical alert not acknowledged within this many seconds is escalated. */
    CRITICAL_ESCALATION_SEC: z.coerce.number().int().min(1).max(86_400).default(900),
    /** The colleague (account id) critical alerts escalate to; unset: the escalation e-mail only. */
    CRITICAL_ESCALATION_ACCOUNT_ID: z.string().min(1).max(100).optional(),
    /** The on-call mailbox told of every critical value (no names, no values in the e-mail). */
    LAB_ALERT_EMAIL: z.string().email().optional(),
    /** Where escalations are e-mailed (the head of department, the duty doctor). */
    LAB_ESCALATION_EMAIL: z.string().email().optional(),
    /** How often unacknowledged alerts are checked for escalation. */
    ALERT_CHECK_MS: z.coerce.number().int().min(50).max(60_000).default(5000),
    NOTIFY_SMTP_URL: notificationEnv.NOTIFY_SMTP_URL,
    NOTIFY_EMAIL_FROM: notificationEnv.NOTIFY_EMAIL_FROM,
    /**
     * Where lab events go over HTTP when no broker is configured (EVENTS_AMQP_URL): the schedule
     * subgraph's inbox, which tells the patient that results are ready; unset = kept in the outbox.
     */
    SCHEDULE_EVENTS_URL: z.string().url().optional(),
    /** Outbox relay period (lab.results_released for the patient's notification). */
    OUTBOX_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  })
  .superRefine(checkEventsEnv)
  .superRefine(checkBlobStorageEnv('LAB'))
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.LAB_MASTER_KEY && !env.LAB_MASTER_KEY_FILE)
      ctx.addIssue({
        code: 'custom',
        path: ['LAB_MASTER_KEY'],
        message: 'LAB_MASTER_KEY or LAB_MASTER_KEY_FILE is required in production',
      });
  });

export type LabEnv = z.infer<typeof schema>;

/** Validated configuration of the lab subgraph. */
export const loadLabEnv = (source?: Record<string, string | undefined>) => parseEnv(schema, source);
