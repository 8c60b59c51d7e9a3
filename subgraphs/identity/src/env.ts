import { notificationEnv } from '@medikamente/notifications';
import { parseEnv, parseMasterKey, subgraphEnv } from '@medikamente/runtime';
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

/**
 * Configuration of the identity subgraph.
 *
 * The identity service is the platform's own token issuer (AUTH_ISSUER, EdDSA keys kept in
 * its database, JWKS at /.well-known/jwks.json). The other services only need AUTH_ISSUER,
 * AUTH_AUDIENCE, AUTH_JWKS_URL and AUTH_REVOCATIONS_URL, so they can equally be pointed at
 * an external OpenID provider (a clinic Keycloak, or ESIA through a broker) as long as its
 * tokens carry the same claims (role, pid, bid, sid, typ: "access"). EXTERNAL_OIDC_ISSUER /
 * EXTERNAL_OIDC_JWKS_URL record such a provider for operators; this service does not federate
 * with it yet.
 */
const schema = z
  .object({
    ...subgraphEnv('identity', 4001),
    ACCESS_TOKEN_TTL_SEC: z.coerce.number().int().min(30).max(3600).default(300),
    REFRESH_TOKEN_TTL_SEC: z.coerce
      .number()
      .int()
      .positive()
      .default(30 * 24 * 3600),
    /** Consecutive failed sign-ins (password or TOTP) after which the account is locked. */
    LOCKOUT_THRESHOLD: z.coerce.number().int().positive().default(5),
    LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
    /** Sign-in / token attempts allowed per login (or client) and client address per window. */
    LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(20),
    LOGIN_RATE_WINDOW_SEC: z.coerce.number().int().positive().default(300),
    /**
     * When true, staff accounts without an enrolled TOTP cannot sign in (turn it on once staff
     * have enrolled). When false (development default) they sign in with amr ["pwd"].
     */
    REQUIRE_STAFF_TOTP: flag,
    /** Issuer label shown in authenticator apps. */
    TOTP_ISSUER: z.string().default('Medikamente'),
    EXTERNAL_OIDC_ISSUER: z.string().url().optional(),
    EXTERNAL_OIDC_JWKS_URL: z.string().url().optional(),

    /**
     * Master key (base64, 32 bytes) that wraps the data keys of TOTP secrets and signing keys.
     * Or IDENTITY_MASTER_KEY_FILE: a file holding it (a mounted secret). Required in production;
     * in development a missing file is generated (mode 0600), and without either the file
     * `<DATA_DIR>-master.key` beside the data directory is used (an in-memory DATA_DIR keeps the
     * key in process memory).
     */
    IDENTITY_MASTER_KEY: z
      .string()
      .optional()
      .refine((v) => v === undefined || masterKeyValid(v), 'must be 32 bytes, base64-encoded'),
    IDENTITY_MASTER_KEY_FILE: z.string().min(1).optional(),
    /** Previous master keys (comma-separated base64) still accepted for reading; data is re-wrapped at start. */
    IDENTITY_PREVIOUS_MASTER_KEYS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
      )
      .refine((keys) => keys.every(masterKeyValid), 'each key must be 32 bytes, base64-encoded'),

    /** Signing keys older than this are replaced automatically (0 turns automatic rotation off). */
    SIGNING_KEY_MAX_AGE_DAYS: z.coerce.number().min(0).default(90),
    /** How often each replica re-reads the signing keys (picks up rotations made by another replica). */
    SIGNING_KEY_REFRESH_SEC: z.coerce.number().int().min(1).max(3600).default(60),

    /** Sign-up codes: lifetime, wrong guesses allowed per code, messages per login and hour. */
    SIGNUP_CODE_TTL_SEC: z.coerce.number().int().min(60).max(86_400).default(900),
    SIGNUP_CODE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    SIGNUP_MESSAGES_PER_HOUR: z.coerce.number().int().positive().default(5),
    /** Channels for sign-up codes: e-mail (SMTP) for e-mail logins, SMS for phone logins. */
    NOTIFY_SMTP_URL: notificationEnv.NOTIFY_SMTP_URL,
    NOTIFY_EMAIL_FROM: notificationEnv.NOTIFY_EMAIL_FROM,
    NOTIFY_SMS_URL: notificationEnv.NOTIFY_SMS_URL,
    NOTIFY_SMS_TOKEN: notificationEnv.NOTIFY_SMS_TOKEN,
    NOTIFY_SMS_SENDER: notificationEnv.NOTIFY_SMS_SENDER,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.IDENTITY_MASTER_KEY && !env.IDENTITY_MASTER_KEY_FILE)
      ctx.addIssue({
        code: 'custom',
        path: ['IDENTITY_MASTER_KEY'],
        message: 'IDENTITY_MASTER_KEY or IDENTITY_MASTER_KEY_FILE is required in production',
      });
    if (env.NOTIFY_SMS_URL && !env.NOTIFY_SMS_TOKEN)
      ctx.addIssue({
        code: 'custom',
        path: ['NOTIFY_SMS_TOKEN'],
        message: 'required when NOTIFY_SMS_URL is set',
      });
  });

function masterKeyValid(v: string): boolean {
  try {
    parseMasterKey(v);
    return true;
  } catch {
    return false;
  }
}

export type IdentityEnv = z.infer<typeof schema>;

/** Validated configuration of the identity subgraph (exits with a readable message when invalid). */
export const loadIdentityEnv = (source?: Record<string, string | undefined>): IdentityEnv =>
  parseEnv(schema, source);
