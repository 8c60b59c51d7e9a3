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
    ...subgraphEnv('record', 4004),
    /**
     * Master key (base64, 32 bytes) wrapping the patients' data keys; or RECORD_MASTER_KEY_FILE.
     * Required in production; in development `<DATA_DIR>-master.key` is generated on first start.
     */
    ...masterKeyEnv('RECORD'),
    /** A doctor's care relationship lasts this many days after the appointment's end. */
    CARE_WINDOW_DAYS: z.coerce.number().int().min(0).max(3650).default(365),
    /** How long break-glass access to one patient's record lasts. */
    BREAK_GLASS_HOURS: z.coerce.number().positive().max(72).default(4),
    /** Who receives break-glass alerts by e-mail (the security officer's mailbox); unset: stored only. */
    SECURITY_ALERT_EMAIL: z.string().email().optional(),
    NOTIFY_SMTP_URL: notificationEnv.NOTIFY_SMTP_URL,
    NOTIFY_EMAIL_FROM: notificationEnv.NOTIFY_EMAIL_FROM,
    /** Outbox relay period (record events for security operations). */
    OUTBOX_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    /** Attachments: largest accepted file. */
    ATTACHMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .max(100 * 1024 * 1024)
      .default(20 * 1024 * 1024),
    /**
     * Attachment files: RECORD_STORAGE (`fs` | `s3`), RECORD_S3_* (see blobStorageEnv). Files are
     * sealed under the patient's data key before they reach the storage.
     */
    ...blobStorageEnv('RECORD'),
    /** Directory of the `fs` storage; default `<DATA_DIR>-blobs` (a temporary one for memory://). */
    RECORD_STORAGE_DIR: z.string().min(1).optional(),
    /** Lifetime of a download or upload link (it is bound to the caller who asked for it). */
    DOWNLOAD_LINK_TTL_SEC: z.coerce.number().int().min(10).max(3600).default(120),
    /**
     * Public base of file links: `<base>/download/<token>`, `<base>/upload/<token>`. Behind the
     * gateway `<gateway>/files/record` (it forwards to this service's /files); default
     * `http://HOST:PORT/files` (this service itself).
     */
    FILES_PUBLIC_URL: z.string().url().optional(),
    /** Clinic details printed on visit summaries. */
    CLINIC_NAME: z.string().default('Клиника «Медикаменте»'),
    CLINIC_ADDRESS: z.string().optional(),
    CLINIC_LICENCE: z.string().optional(),
    CLINIC_TIME_ZONE: z.string().default('Europe/Moscow'),
  })
  .superRefine(checkEventsEnv)
  .superRefine(checkBlobStorageEnv('RECORD'))
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.RECORD_MASTER_KEY && !env.RECORD_MASTER_KEY_FILE)
      ctx.addIssue({
        code: 'custom',
        path: ['RECORD_MASTER_KEY'],
        message: 'RECORD_MASTER_KEY or RECORD_MASTER_KEY_FILE is required in production',
      });
  });

export type RecordEnv = z.infer<typeof schema>;

/** Validated configuration of the record subgraph. */
export const loadRecordEnv = (source?: Record<string, string | undefined>) => parseEnv(schema, source);
