import { resolve } from 'node:path';
import { commonEnv, parseEnv } from '@medikamente/runtime';
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
const schema = z.object({
  ...commonEnv,
  PORT: z.coerce.number().int().min(0).default(4001),
  /** postgres:// URL; when absent the service runs on an embedded PGlite under DATA_DIR. */
  IDENTITY_DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(resolve(process.cwd(), '.data/identity')),
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
});

export type IdentityEnv = z.infer<typeof schema>;

/** Validated configuration of the identity subgraph (exits with a readable message when invalid). */
export const loadIdentityEnv = (source?: Record<string, string | undefined>): IdentityEnv =>
  parseEnv(schema, source);
