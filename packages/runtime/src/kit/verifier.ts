import type { CommonEnv } from '../env';
import type { ClientCredentials } from '../events/client-credentials';
import { serviceCredentials } from '../wiring';

/**
 * The subgraph's own machine client at identity's token endpoint, asking for `scopes`:
 * SERVICE_CLIENT_ID / SERVICE_CLIENT_SECRET, else `<NAME>_CLIENT_ID` / `<NAME>_CLIENT_SECRET`
 * when the subgraph's env schema declares them. Undefined when not configured or not needed.
 */
export function subgraphCredentials(
  name: string,
  env: CommonEnv,
  scopes: string | undefined,
): ClientCredentials | undefined {
  if (!scopes) return undefined;
  const own = env as Record<string, unknown>;
  const prefix = name.toUpperCase();
  const named = (key: string) => (typeof own[key] === 'string' ? (own[key] as string) : undefined);
  return serviceCredentials(
    {
      ...env,
      SERVICE_CLIENT_ID: env.SERVICE_CLIENT_ID ?? named(`${prefix}_CLIENT_ID`),
      SERVICE_CLIENT_SECRET: env.SERVICE_CLIENT_SECRET ?? named(`${prefix}_CLIENT_SECRET`),
    },
    scopes,
  );
}
