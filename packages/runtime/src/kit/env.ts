import { resolve } from 'node:path';
import { z } from 'zod';
import { type CommonEnv, commonEnv, eventsEnv } from '../env';

/** The setting that names a subgraph's Postgres server, e.g. `PATIENT_DATABASE_URL`. */
export type DatabaseUrlKey<N extends string> = `${Uppercase<N>}_DATABASE_URL`;

/** The parsed settings every subgraph has; its own env.ts adds the rest. */
export type SubgraphEnv<N extends string = string> = CommonEnv & {
  PORT: number;
  DATA_DIR: string;
  /** Events through RabbitMQ (see `eventsEnv`); unset: over HTTP. */
  EVENTS_AMQP_URL?: string | undefined;
  EVENTS_AMQP_PREFETCH?: number;
  /** Further HTTP consumers of the outbox (see `eventsEnv`). */
  EVENTS_HTTP_CONSUMERS?: string[];
} & { [K in DatabaseUrlKey<N>]?: string | undefined };

/** The name of a subgraph's database URL setting. */
export const databaseUrlKey = <N extends string>(name: N) =>
  `${name.toUpperCase()}_DATABASE_URL` as DatabaseUrlKey<N>;

/**
 * The base env schema of a subgraph, to spread into its own `z.object({...})`: the common
 * settings, `PORT` (default `port`), `<NAME>_DATABASE_URL` (postgres://; when absent the
 * subgraph runs on an embedded PGlite), `DATA_DIR` (PGlite's directory, `.data/<name>`) and the
 * broker settings (`eventsEnv`; add `.superRefine(checkEventsEnv)` to refuse plain amqp:// in
 * production).
 */
export function subgraphEnv<N extends string>(name: N, port: number) {
  const databaseUrl = { [databaseUrlKey(name)]: z.string().url().optional() } as {
    [K in DatabaseUrlKey<N>]: z.ZodOptional<z.ZodString>;
  };
  return {
    ...commonEnv,
    PORT: z.coerce.number().int().min(0).default(port),
    ...databaseUrl,
    DATA_DIR: z.string().default(resolve(process.cwd(), `.data/${name}`)),
    ...eventsEnv,
  };
}
