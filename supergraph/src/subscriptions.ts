import type { IncomingMessage, Server } from 'node:http';
import {
  type Logger,
  type Principal,
  SocketWatch,
  type TokenVerifier,
  WS_INIT_TIMEOUT_MS,
  WS_MAX_PAYLOAD,
} from '@medikamente/runtime';
import {
  type DocumentNode,
  type ExecutionArgs,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type ObjectTypeDefinitionNode,
  parse,
  print,
  specifiedRules,
  type ValidationRule,
  validate,
} from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import WebSocket, { WebSocketServer } from 'ws';

/**
 * Which subgraph serves each root Subscription field, read from the supergraph's
 * `@join__field(graph: …)` / `@join__type(graph: …)` and `@join__graph(name: …)` directives.
 */
export function subscriptionOwners(supergraphSdl: string): Map<string, string> {
  const doc = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  const owners = new Map<string, string>();
  const arg = (d: { arguments?: readonly { name: { value: string }; value: unknown }[] }, name: string) =>
    (d.arguments?.find((a) => a.name.value === name)?.value as { value?: string } | undefined)?.value;
  for (const def of doc.definitions) {
    if (def.kind === Kind.ENUM_TYPE_DEFINITION && def.name.value === 'join__Graph') {
      for (const v of def.values ?? []) {
        const g = v.directives?.find((d) => d.name.value === 'join__graph');
        if (g) graphNames.set(v.name.value, arg(g, 'name') ?? v.name.value.toLowerCase());
      }
    }
  }
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION || def.name.value !== 'Subscription') continue;
    const typeGraphs =
      (def as ObjectTypeDefinitionNode).directives
        ?.filter((d) => d.name.value === 'join__type')
        .map((d) => arg(d, 'graph')!) ?? [];
    for (const field of def.fields ?? []) {
      const fieldGraph = field.directives?.find((d) => d.name.value === 'join__field');
      const graph =
        (fieldGraph && arg(fieldGraph, 'graph')) ?? (typeGraphs.length === 1 ? typeGraphs[0] : undefined);
      if (graph) owners.set(field.name.value, graphNames.get(graph) ?? graph);
    }
  }
  return owners;
}

type Extra = {
  principal?: Principal;
  authorization?: string;
  clients?: Map<string, Client>;
  request: IncomingMessage;
  socket: { close(code: number, reason: string): void };
  clientAddress?: string | null;
  release?: () => void;
};

/** Counts open sockets per key (client address, account). */
class SocketCounts {
  private readonly counts = new Map<string, number>();
  constructor(private readonly max: number) {}
  /** Takes a place for the key; null when the key already has `max` sockets. */
  take(key: string): (() => void) | null {
    const n = this.counts.get(key) ?? 0;
    if (n >= this.max) return null;
    this.counts.set(key, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left <= 0) this.counts.delete(key);
      else this.counts.set(key, left);
    };
  }
}

/**
 * Subscriptions through the gateway's one endpoint (ADR 0005): @apollo/gateway cannot execute
 * them, so the gateway authenticates the socket, validates the operation against the API schema
 * and its limits, then proxies it over graphql-ws to the subgraph that owns the root field,
 * with the caller's token. The subgraph authorises every event itself.
 */
export function attachSubscriptionProxy(opts: {
  server: Server;
  apiSchema: () => GraphQLSchema;
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  verifier: TokenVerifier;
  rules: ValidationRule[];
  logger: Logger;
  /** The caller's address (X-Forwarded-For believed only from trusted proxies). */
  clientAddress?: (req: IncomingMessage) => string | null;
  /** The gateway's own service token, so that subgraphs believe the forwarded address. */
  serviceToken?: () => Promise<string | null>;
  maxSocketsPerAddress?: number;
  maxSocketsPerAccount?: number;
  /** A reason to refuse an authenticated caller's socket (logged), or null to accept it. */
  refuse?: (principal: Principal) => string | null;
}): { close(): Promise<void> } {
  const owners = subscriptionOwners(opts.supergraphSdl);
  // Small frames only: a graphql-ws message is a few kB, and frames are read before any check.
  const wss = new WebSocketServer({ server: opts.server, path: '/graphql', maxPayload: WS_MAX_PAYLOAD });
  const watch = new SocketWatch(opts.verifier);
  const perAddress = new SocketCounts(opts.maxSocketsPerAddress ?? 50);
  const perAccount = new SocketCounts(opts.maxSocketsPerAccount ?? 10);
  const downstream = (extra: Extra, subgraph: string): Client => {
    extra.clients ??= new Map();
    let client = extra.clients.get(subgraph);
    if (!client) {
      const url = opts.subgraphUrls[subgraph]!.replace(/^http/, 'ws');
      client = createClient({
        url,
        webSocketImpl: WebSocket,
        lazy: true,
        retryAttempts: 0,
        connectionParams: async () => ({
          authorization: extra.authorization,
          gatewayAuthorization: await opts.serviceToken?.().then((t) => (t ? `Bearer ${t}` : undefined)),
          clientAddress: extra.clientAddress ?? undefined,
        }),
        on: {
          // The subgraph refused the caller's token (expired 4401, revoked 4403): the client's
          // socket ends the same way, whichever side noticed first.
          closed: (e) => {
            const code = (e as { code?: number }).code;
            if (code === 4401 || code === 4403)
              extra.socket.close(code, (e as { reason?: string }).reason ?? '');
          },
        },
      });
      extra.clients.set(subgraph, client);
    }
    return client;
  };
  const cleanup = useServer<Record<string, unknown>, Extra>(
    {
      schema: () => opts.apiSchema(),
      connectionInitWaitTimeout: WS_INIT_TIMEOUT_MS,
      validate: (schema, document) => validate(schema, document, [...specifiedRules, ...opts.rules]),
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.authorization;
        if (typeof header !== 'string') return false;
        const extra = ctx.extra as Extra;
        try {
          extra.principal = await opts.verifier.fromHeader(header);
        } catch {
          return false;
        }
        const refused = opts.refuse?.(extra.principal);
        if (refused) {
          opts.logger.info({ reason: refused, role: extra.principal.role }, 'socket refused');
          return false;
        }
        extra.authorization = header;
        extra.clientAddress = opts.clientAddress?.(extra.request) ?? null;
        // Bounded sockets per client address and per account: refused beyond (4403 from graphql-ws).
        const byAddress = perAddress.take(extra.clientAddress ?? 'unknown');
        const byAccount = byAddress && perAccount.take(`${extra.principal.kind}:${extra.principal.subject}`);
        if (!byAddress || !byAccount) {
          byAddress?.();
          opts.logger.info({ reason: byAddress ? 'account' : 'address' }, 'socket refused: too many open');
          return false;
        }
        const unwatch = watch.add(extra, header.replace(/^Bearer\s+/i, ''), (code, reason) =>
          extra.socket.close(code, reason),
        );
        extra.release = () => {
          byAddress();
          byAccount();
          unwatch();
        };
        return true;
      },
      onClose: async (ctx) => {
        const extra = ctx.extra as Extra;
        extra.release?.();
        for (const c of extra.clients?.values() ?? []) await c.dispose();
      },
      context: (ctx) => ctx.extra as Extra,
      subscribe: (args: ExecutionArgs) => {
        const op = (args.document as DocumentNode).definitions.find(
          (d) => d.kind === Kind.OPERATION_DEFINITION,
        );
        const first = op && op.kind === Kind.OPERATION_DEFINITION ? op.selectionSet.selections[0] : undefined;
        const field = first && first.kind === Kind.FIELD ? first.name.value : undefined;
        const owner = field ? owners.get(field) : undefined;
        if (!owner || !opts.subgraphUrls[owner])
          return {
            errors: [new GraphQLError('Подписка недоступна', { extensions: { code: 'BAD_USER_INPUT' } })],
          };
        const client = downstream(args.contextValue as Extra, owner);
        return reviveErrors(
          client.iterate({
            query: print(args.document),
            variables: (args.variableValues ?? undefined) as Record<string, unknown> | undefined,
            operationName: args.operationName ?? undefined,
          }),
        ) as never;
      },
      onError: (_ctx, _id, _p, errors) => {
        opts.logger.warn(
          { codes: errors.map((e) => e.extensions?.code ?? 'INTERNAL') },
          'subscription rejected',
        );
      },
    },
    wss,
  );
  return {
    async close() {
      watch.stop();
      await cleanup.dispose();
      await new Promise<void>((r) => wss.close(() => r()));
    },
  };
}

type WireError = {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
};

/**
 * Field errors arrive from the subgraph as JSON; graphql-ws serialises results with
 * `GraphQLError#toJSON`, so they are revived as GraphQLErrors (message, path and code only).
 */
async function* reviveErrors(
  source: AsyncIterableIterator<{ data?: unknown; errors?: readonly WireError[] }>,
): AsyncGenerator<{ data?: unknown; errors?: GraphQLError[] }> {
  const revive = (e: WireError) =>
    new GraphQLError(e.message, {
      path: e.path,
      extensions: e.extensions?.code ? { code: e.extensions.code } : {},
    });
  try {
    for await (const result of source) {
      if (!result.errors) {
        yield result as { data?: unknown };
        continue;
      }
      yield { ...result, errors: result.errors.map(revive) };
    }
  } catch (e) {
    // The subgraph refused the subscription itself (graphql-ws rejects with its errors).
    if (Array.isArray(e)) {
      yield { errors: (e as WireError[]).map(revive) };
      return;
    }
    throw e;
  } finally {
    await source.return?.();
  }
}
