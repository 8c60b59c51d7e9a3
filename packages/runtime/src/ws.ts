import type { Server } from 'node:http';
import {
  type GraphQLError,
  type GraphQLSchema,
  Kind,
  parse,
  specifiedRules,
  type ValidationRule,
  validate,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { RequestAccess } from './access';
import type { AuditLog } from './audit';
import type { Principal, TokenVerifier } from './auth';
import { ErrorCode } from './errors';
import { GATEWAY_SCOPE } from './http';
import type { Logger } from './logger';
import { SocketWatch } from './socket-watch';

type Extra = { principal?: Principal; clientAddress?: string | null; unwatch?: () => void };

/** Largest frame a socket may send (graphql-ws messages are small; `ws` would take 100 MiB). */
export const WS_MAX_PAYLOAD = 64 * 1024;
/** How long a socket may stay open without a valid connection_init. */
export const WS_INIT_TIMEOUT_MS = 3000;

/**
 * GraphQL over WebSocket (graphql-ws) on the same HTTP server and path as queries:
 * authenticated on connect (connectionParams.authorization = "Bearer …"; no token, a bad
 * token → the socket closes with 4403), validated with the same limits, executed on the
 * policy-wrapped schema with a per-operation context like HTTP requests.
 */
export function attachSubscriptions(opts: {
  server: Server;
  path: string;
  schema: GraphQLSchema;
  verifier: TokenVerifier;
  rules: ValidationRule[];
  context: (principal: Principal, operation: string | null, clientAddress: string | null) => object;
  logger: Logger;
  /** Audit log of the service: staff reads carried by each event are written before it is sent. */
  audit?: AuditLog;
  /**
   * Decides the root field before the subscription starts (the generated rules guard only the
   * resolution of each event): a coded error refuses the subscription.
   */
  authorize?: (principal: Principal, rootField: string) => GraphQLError | null;
}): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server: opts.server, path: opts.path, maxPayload: WS_MAX_PAYLOAD });
  const watch = new SocketWatch(opts.verifier);
  const cleanup = useServer<Record<string, unknown>, Extra>(
    {
      schema: opts.schema,
      connectionInitWaitTimeout: WS_INIT_TIMEOUT_MS,
      validate: (schema, document) => validate(schema, document, [...specifiedRules, ...opts.rules]),
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const header = params.authorization ?? params.Authorization;
        if (typeof header !== 'string') return false;
        const extra = ctx.extra as Extra & { socket: { close(code: number, reason: string): void } };
        try {
          extra.principal = await opts.verifier.fromHeader(header);
        } catch {
          return false;
        }
        // The caller's address, as for HTTP: believed only from the gateway's own credential.
        extra.clientAddress = null;
        if (typeof params.gatewayAuthorization === 'string') {
          try {
            const gw = await opts.verifier.fromHeader(params.gatewayAuthorization);
            if (gw.kind === 'client' && gw.role === 'service' && gw.scopes.includes(GATEWAY_SCOPE))
              extra.clientAddress =
                typeof params.clientAddress === 'string' ? params.clientAddress.slice(0, 64) : null;
          } catch {
            // not the gateway: the address stays unknown
          }
        }
        // Re-checked while open: closed at expiry, sign-out or dismissal.
        extra.unwatch = watch.add(extra, header.replace(/^Bearer\s+/i, ''), (code, reason) =>
          extra.socket.close(code, reason),
        );
        return true;
      },
      onClose: (ctx) => {
        (ctx.extra as Extra).unwatch?.();
      },
      onSubscribe: (ctx, _id, payload) => {
        if (!opts.authorize) return;
        let field: string | undefined;
        try {
          const doc = parse(payload.query);
          const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
          const first = op?.kind === Kind.OPERATION_DEFINITION ? op.selectionSet.selections[0] : undefined;
          field = first?.kind === Kind.FIELD ? first.name.value : undefined;
        } catch {
          return; // graphql-ws reports the syntax error itself
        }
        const refused = field ? opts.authorize((ctx.extra as Extra).principal!, field) : null;
        return refused ? [refused] : undefined;
      },
      context: (ctx, _id, payload) =>
        opts.context(
          (ctx.extra as Extra).principal!,
          typeof payload.operationName === 'string'
            ? payload.operationName.slice(0, 128)
            : (/^\s*subscription\s+(\w{1,128})/.exec(payload.query)?.[1] ?? null),
          (ctx.extra as Extra).clientAddress ?? null,
        ),
      // Every event is a read: its audit events are written before it leaves (as for HTTP);
      // when the write fails the event is replaced by an error.
      onNext: async (_ctx, _id, _payload, args, result) => {
        const access = (args.contextValue as { access?: RequestAccess } | undefined)?.access;
        if (!access || !opts.audit) return result;
        const events = access.auditEvents();
        access.pendingAudit.clear();
        if (events.length === 0) return result;
        try {
          await opts.audit.append(events);
          return result;
        } catch {
          opts.logger.error({ events: events.length }, 'audit write failed; event withheld');
          return {
            errors: [
              {
                message: 'Журнал доступа недоступен, данные не выданы',
                extensions: { code: ErrorCode.AUDIT_UNAVAILABLE },
              },
            ],
          } as never;
        }
      },
      onError: (_ctx, _id, _payload, errors) => {
        opts.logger.warn(
          { codes: errors.map((e) => e.extensions?.code ?? 'INTERNAL') },
          'subscription error',
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
