import { resolve } from 'node:path';
import { commaList, commonEnv, parseEnv } from '@medikamente/runtime';
import { z } from 'zod';
import { loadSubgraphManifest, type Subgraph } from './manifest';
import { TRUSTED_DOCUMENTS_DIR } from './trusted-documents/manifests';

const schema = z.object({
  ...commonEnv,
  PORT: z.coerce.number().int().min(0).default(4000),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10000),
  /** Comma-separated proxy addresses whose X-Forwarded-For is trusted (e.g. the apps' servers). */
  TRUSTED_PROXIES: commaList(''),
  /** Reuse responses of PUBLIC fields a subgraph marked cacheable (ADR 0008). */
  RESPONSE_CACHE: z.enum(['on', 'off']).default('on'),
  /** Requests per minute: from one client address, without a token per address, per account. */
  RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().positive().default(3000),
  RATE_LIMIT_ANONYMOUS_PER_ADDRESS: z.coerce.number().int().positive().default(600),
  RATE_LIMIT_PER_ACCOUNT: z.coerce.number().int().positive().default(1200),
  /**
   * Benchmarks only: `off` runs without rate limits, document limits and deadline; `switch` skips
   * them for requests with `x-bench-guards: off` (both refused or ignored in production).
   */
  EDGE_GUARDS: z.enum(['on', 'off', 'switch']).default('on'),
  /** Open live-event sockets per client address and per account. */
  MAX_SOCKETS_PER_ADDRESS: z.coerce.number().int().positive().default(50),
  MAX_SOCKETS_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  /**
   * Folder of the partners' trusted-document manifests (ADR 0015), loaded at start; an invalid
   * manifest stops the gateway. Relative paths are taken from the working directory.
   */
  TRUSTED_DOCUMENTS_DIR: z
    .string()
    .min(1)
    .default(TRUSTED_DOCUMENTS_DIR)
    .transform((dir) => resolve(dir)),
});
export type GatewayEnv = z.infer<typeof schema> & {
  /** Subgraph name → URL: each subgraph's `urlEnv` of the manifest, by default its development port. */
  subgraphUrls: Record<string, string>;
};

/** The settings of the manifest's subgraphs (IDENTITY_URL, …) added to the gateway's own. */
const withSubgraphUrls = (subgraphs: Subgraph[]) => {
  const urls: Record<string, z.ZodType<string>> = Object.fromEntries(
    subgraphs.map((s) => [s.urlEnv, z.string().url().default(s.defaultUrl)]),
  );
  return z.intersection(schema, z.object(urls)).transform(
    (env): GatewayEnv => ({
      ...env,
      subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, env[s.urlEnv]!])),
    }),
  );
};

/** Validated gateway configuration. */
export const loadGatewayEnv = (
  source?: Record<string, string | undefined>,
  subgraphs: Subgraph[] = loadSubgraphManifest({ checkFiles: false }),
): GatewayEnv => parseEnv(withSubgraphUrls(subgraphs), source);

/**
 * The gateway must never send usage data out of the clinic's network (data residency):
 * @apollo/gateway reads this flag from the process environment itself, so it is set there.
 */
export function disableApolloTelemetry(): void {
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
}
