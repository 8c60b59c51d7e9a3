import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import type { GatewayContext } from './data-source';

/** A client asking to revalidate (`Cache-Control: no-cache`) is never answered from the cache. */
const revalidate = (rc: GraphQLRequestContext<GatewayContext>) =>
  /no-cache|no-store/i.test(rc.request.http?.headers.get('cache-control') ?? '');

/**
 * Reuses whole responses made only of PUBLIC fields that their subgraph marked cacheable
 * (`Cache-Control: max-age=N, public` — the schedule's free-slot lists, for a second). Nothing
 * else is ever stored: a field without a hint makes the response uncacheable, PRIVATE hints are
 * refused (no session key), and responses with errors are not kept. Entries are separated by
 * the caller's role, because a subgraph may compute public data per role (reception sees
 * walk-in slots); a hint promises the result depends on nothing else. Tokens are still
 * verified at the edge before the cache is consulted. See ADR 0008.
 */
export function publicResponseCache(): ApolloServerPlugin<GatewayContext> {
  return responseCachePlugin<GatewayContext>({
    sessionId: async () => null,
    extraCacheKeyData: async ({ contextValue }) => contextValue.principal.role ?? 'anonymous',
    shouldReadFromCache: async (rc) => !revalidate(rc),
  });
}
