import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GATEWAY_AUTH_HEADER, type Principal } from '@medikamente/runtime';
import { GraphQLError } from 'graphql';

export type GatewayContext = {
  token: string | null;
  principal: Principal;
  requestId: string;
  clientAddress: string | null;
};

type Body = {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
};

// Idle sockets are dropped after 4 s, before a subgraph's own keep-alive timeout (5 s) closes them
// under a request (POSTs are not retried).
const agentOptions = { keepAlive: true, timeout: 4_000, maxSockets: 256 };
const agents = { http: new HttpAgent(agentOptions), https: new HttpsAgent(agentOptions) };
/** A subgraph answer larger than this is refused (the gateway must not run out of memory). */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** The codes Apollo's RemoteGraphQLDataSource gives a non-2xx answer without a coded GraphQL error. */
const codeForStatus = (status: number) =>
  status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : 'INTERNAL_SERVER_ERROR';

/**
 * Calls a subgraph over HTTP for the gateway: forwards the caller's token (the subgraph verifies
 * it again), the request id and the client address for its audit trail; passes a subgraph's
 * coded refusal (401, 503 with AUDIT_UNAVAILABLE, …) on with its own code; and hands the
 * subgraph's `Cache-Control` to the response's cache policy (ADR 0008).
 *
 * Written against Apollo's `GraphQLDataSource` interface on node:http with keep-alive instead of
 * extending `RemoteGraphQLDataSource`, which builds node-fetch `Headers` and `Request` objects
 * and goes through `fetch` on every call — measured as a large share of the gateway's CPU per
 * request (docs/benchmarks.md).
 */
export class ForwardingDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly target: URL;

  constructor(
    url: string,
    private readonly timeoutMs: number,
    /** The gateway's own service token; without it subgraphs ignore the forwarded metadata. */
    private readonly serviceToken?: () => Promise<string | null>,
  ) {
    this.target = new URL(url);
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const { request } = options;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
    };
    const context = 'incomingRequestContext' in options ? options.context : undefined;
    if (context?.token) headers.authorization = `Bearer ${context.token}`;
    if (context?.requestId) headers['x-request-id'] = context.requestId;
    if (context?.clientAddress) headers['x-client-address'] = context.clientAddress;
    if ('incomingRequestContext' in options) {
      // The client's own operation name for the subgraphs' audit records ("PatientCard", not the
      // generated "PatientCard__patient__0"); for an unnamed operation, its root fields.
      const incoming = options.incomingRequestContext;
      const name =
        incoming.operationName ??
        (incoming.operation
          ? `${incoming.operation.operation} ${incoming.operation.selectionSet.selections
              .map((s) => (s.kind === 'Field' ? s.name.value : '…'))
              .join(',')}`
          : null);
      if (name) headers['x-operation-name'] = encodeURIComponent(name.slice(0, 128));
    }
    const own = await this.serviceToken?.().catch(() => null);
    if (own) headers[GATEWAY_AUTH_HEADER] = `Bearer ${own}`;
    const payload = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
      extensions: request.extensions,
    });
    const { status, text, cacheControl } = await this.post(payload, headers);
    let body: Body | undefined;
    try {
      body = JSON.parse(text) as Body;
    } catch {
      // not JSON: handled below
    }
    if (status < 200 || status >= 300) {
      const first = body?.errors?.[0];
      if (first?.extensions?.code)
        throw new GraphQLError(first.message, { extensions: { code: String(first.extensions.code) } });
      throw new GraphQLError(`${status}: subgraph error`, { extensions: { code: codeForStatus(status) } });
    }
    if (!body || typeof body !== 'object') throw new Error('Expected a JSON response body from the subgraph');
    if ('incomingRequestContext' in options) {
      // Only an explicitly public answer may be reused; anything else makes the response uncacheable.
      const m = /max-age=(\d+)/.exec(cacheControl);
      const isPublic = /\bpublic\b/.test(cacheControl) && !/\bprivate\b/.test(cacheControl);
      options.incomingRequestContext.overallCachePolicy.restrict(
        m && isPublic ? { maxAge: Number(m[1]), scope: 'PUBLIC' } : { maxAge: 0 },
      );
    }
    return body;
  }

  private post(payload: string, headers: Record<string, string>) {
    const https = this.target.protocol === 'https:';
    return new Promise<{ status: number; text: string; cacheControl: string }>((resolve, reject) => {
      const req = (https ? httpsRequest : httpRequest)(
        {
          protocol: this.target.protocol,
          hostname: this.target.hostname.replace(/^\[(.*)\]$/, '$1'),
          port: this.target.port,
          path: `${this.target.pathname}${this.target.search}`,
          method: 'POST',
          agent: https ? agents.https : agents.http,
          headers: { ...headers, 'content-length': String(Buffer.byteLength(payload)) },
        },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size > MAX_RESPONSE_BYTES) req.destroy(new Error('subgraph response too large'));
            else chunks.push(c);
          });
          res.on('error', fail);
          res.on('end', () => {
            clearTimeout(deadline);
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(chunks).toString('utf8'),
              cacheControl: String(res.headers['cache-control'] ?? ''),
            });
          });
        },
      );
      // A deadline for the whole call (a subgraph trickling bytes does not hold the request).
      const deadline = setTimeout(() => req.destroy(new Error('subgraph timeout')), this.timeoutMs);
      function fail(e: Error) {
        clearTimeout(deadline);
        reject(e);
      }
      req.on('error', fail);
      req.end(payload);
    });
  }
}
