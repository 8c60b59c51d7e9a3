import { z } from 'zod';

/**
 * Validates configuration against a zod schema and exits with a readable message when it
 * does not hold. Each deployable calls this once from its own `env.ts`; nothing else reads
 * `process.env`.
 */
export function parseEnv<T extends z.ZodType>(
  schema: T,
  source: Record<string, string | undefined> = process.env,
): z.infer<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  const message = `Invalid configuration:\n${lines.join('\n')}`;
  if (source === process.env) {
    console.error(message);
    process.exit(78);
  }
  throw new Error(message);
}

/**
 * The log level of code that runs before (or without) a deployable's parsed configuration, e.g.
 * a subgraph created by a test: `LOG_LEVEL` from the environment, `info` otherwise.
 */
export const defaultLogLevel = (): string => process.env.LOG_LEVEL ?? 'info';

/** A comma-separated setting as a list of trimmed, non-empty items (e.g. `a, b,` → [a, b]). */
export const commaList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v) =>
      v
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    );

/** Shared settings every subgraph accepts. */
export const commonEnv = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  AUTH_ISSUER: z.string().default('http://127.0.0.1:4001'),
  AUTH_AUDIENCE: z.string().default('medikamente-api'),
  AUTH_JWKS_URL: z.string().url().optional(),
  AUTH_REVOCATIONS_URL: z.string().url().optional(),
  /** External OIDC issuers: claim mapping (see ClaimMapping in auth.ts). */
  AUTH_TOKEN_TYP: z.string().default('access'),
  AUTH_ROLE_CLAIM: z.string().default('role'),
  AUTH_PATIENT_ID_CLAIM: z.string().default('pid'),
  AUTH_BRANCH_IDS_CLAIM: z.string().default('bid'),
  AUTH_REVOCATION_POLL_MS: z.coerce.number().int().positive().default(5000),
  MAX_QUERY_DEPTH: z.coerce.number().int().positive().default(10),
  MAX_QUERY_ALIASES: z.coerce.number().int().positive().default(15),
  MAX_QUERY_COST: z.coerce.number().int().positive().default(20000),
  /** Refused while parsing, before validation (see DocumentLimits). */
  MAX_QUERY_TOKENS: z.coerce.number().int().positive().default(2000),
  MAX_QUERY_DIRECTIVES: z.coerce.number().int().min(0).default(20),
  MAX_QUERY_FIELDS: z.coerce.number().int().positive().default(500),
  MAX_REPEATED_FIELDS: z.coerce.number().int().positive().default(3),
  /** Whole-request deadline of the GraphQL endpoint. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30000),
  /**
   * /metrics is served only on this separate port (for the monitoring stack inside the network;
   * never route it from outside). Unset or 0: not served.
   */
  METRICS_PORT: z.coerce.number().int().min(0).optional(),
  METRICS_HOST: z.string().default('127.0.0.1'),
  /** Shared counters (rate limits) for all replicas; without it, limits are per process. */
  REDIS_URL: z.string().url().optional(),
  /**
   * This deployable's own machine client at identity's token endpoint (AUTH_TOKEN_URL, default
   * AUTH_ISSUER/oauth/token): used to read the revocation list, and by the gateway to vouch for
   * the metadata it forwards.
   */
  SERVICE_CLIENT_ID: z.string().optional(),
  SERVICE_CLIENT_SECRET: z.string().optional(),
  AUTH_TOKEN_URL: z.string().url().optional(),
};

/** Settings of a deployable that produces or consumes events (see ADR 0013). */
export const eventsEnv = {
  /**
   * RabbitMQ for events between services (this service's own broker user and vhost, e.g.
   * amqps://schedule:…@broker:5671/medikamente). Unset or empty: the outbox relay posts over HTTP.
   */
  EVENTS_AMQP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  /** Lets NODE_ENV=production use plain amqp:// (e.g. a broker on the same host); default no. */
  EVENTS_AMQP_ALLOW_PLAIN: z.enum(['true', 'false']).default('false'),
  /** Unacknowledged messages a consumer takes from the broker at once. */
  EVENTS_AMQP_PREFETCH: z.coerce.number().int().positive().max(1000).default(10),
  /**
   * Without the broker: further consumers' HTTP inboxes (comma-separated `…/internal/events`
   * URLs) that receive every event of this service's outbox besides the one its code names.
   */
  EVENTS_HTTP_CONSUMERS: z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean)
        : v,
    z.array(z.string().url()).default([]),
  ),
};

type EventsSettings = {
  NODE_ENV?: string;
  EVENTS_AMQP_URL?: string | undefined;
  EVENTS_AMQP_ALLOW_PLAIN?: string;
};

/** Why these settings may not connect to the broker (plain amqp:// in production), or null. */
export function plainBrokerRefusal(env: EventsSettings): string | null {
  return env.NODE_ENV === 'production' &&
    env.EVENTS_AMQP_URL?.startsWith('amqp:') &&
    env.EVENTS_AMQP_ALLOW_PLAIN !== 'true'
    ? 'production needs TLS to the broker (amqps://); set EVENTS_AMQP_ALLOW_PLAIN=true to accept amqp://'
    : null;
}

/** Refuses an unencrypted broker connection in production unless explicitly allowed. */
export function checkEventsEnv(env: EventsSettings, ctx: z.RefinementCtx): void {
  const refusal = plainBrokerRefusal(env);
  if (refusal) ctx.addIssue({ code: 'custom', path: ['EVENTS_AMQP_URL'], message: refusal });
}

/** The parsed common settings (what every deployable's env.ts contains). */
export type CommonEnv = z.infer<z.ZodObject<typeof commonEnv>>;

/** Depth, alias, cost and parse-time document limits from the common settings. */
export const limitsFromEnv = (env: CommonEnv) => ({
  maxDepth: env.MAX_QUERY_DEPTH,
  maxAliases: env.MAX_QUERY_ALIASES,
  maxCost: env.MAX_QUERY_COST,
  maxTokens: env.MAX_QUERY_TOKENS,
  maxDirectives: env.MAX_QUERY_DIRECTIVES,
  maxFields: env.MAX_QUERY_FIELDS,
  maxRepeatedFields: env.MAX_REPEATED_FIELDS,
});

/** The claim mapping configured through AUTH_* variables. */
export const claimMappingFromEnv = (env: {
  AUTH_TOKEN_TYP: string;
  AUTH_ROLE_CLAIM: string;
  AUTH_PATIENT_ID_CLAIM: string;
  AUTH_BRANCH_IDS_CLAIM: string;
}) => ({
  typ: env.AUTH_TOKEN_TYP,
  role: env.AUTH_ROLE_CLAIM,
  patientId: env.AUTH_PATIENT_ID_CLAIM,
  branchIds: env.AUTH_BRANCH_IDS_CLAIM,
});
