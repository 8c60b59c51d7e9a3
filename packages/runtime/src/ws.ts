import type { Server } from 'node:http';
import { type GraphQLSchema, specifiedRules, type ValidationRule, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Principal, TokenVerifier } from './auth';
import type { Logger } from './logger';

type Extra = { principal?: Principal };

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
  context: (principal: Principal, operation: string | null) => object;
  logger: Logger;
}): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server: opts.server, path: opts.path });
  const cleanup = useServer<Record<string, unknown>, Extra>(
    {
      schema: opts.schema,
      validate: (schema, document) => validate(schema, document, [...specifiedRules, ...opts.rules]),
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        if (typeof header !== 'string') return false;
        try {
          (ctx.extra as Extra).principal = await opts.verifier.fromHeader(header);
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx, _id, payload) =>
        opts.context(
          (ctx.extra as Extra).principal!,
          typeof payload.operationName === 'string' ? payload.operationName : null,
        ),
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
      await cleanup.dispose();
      await new Promise<void>((r) => wss.close(() => r()));
    },
  };
}
