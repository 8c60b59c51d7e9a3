import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Principal } from '@medikamente/runtime';
import { GraphQLError } from 'graphql';

export type GatewayContext = {
  token: string | null;
  principal: Principal;
  requestId: string;
  clientAddress: string | null;
};

/**
 * Forwards the caller's identity to subgraphs (which verify it again) with the request id
 * and client address for their audit trail. A subgraph's coded refusal (401, 503 with
 * AUDIT_UNAVAILABLE, …) is passed on with its own code instead of a generic one.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, timeoutMs: number) {
    // Node's own fetch (undici, keep-alive) instead of the default make-fetch-happen, which costs
    // noticeably more CPU per subgraph call; the timeout is an abort signal.
    super({
      url,
      fetcher: ((input: string, init?: RequestInit) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as never,
    });
  }

  override willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    const h = request.http!.headers;
    if (context.token) h.set('authorization', `Bearer ${context.token}`);
    if (context.requestId) h.set('x-request-id', context.requestId);
    if (context.clientAddress) h.set('x-client-address', context.clientAddress);
  }

  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]) {
    try {
      const body = (await response.clone().json()) as {
        errors?: Array<{ message: string; extensions?: { code?: string } }>;
      };
      const first = body.errors?.[0];
      if (first?.extensions?.code) {
        return new GraphQLError(first.message, { extensions: { code: first.extensions.code } });
      }
    } catch {
      // not JSON: fall through to the generic mapping
    }
    return super.errorFromResponse(response);
  }
}
