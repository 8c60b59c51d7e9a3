import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { expressMiddleware } from '@as-integrations/express5';
import type { Policy } from '@medikamente/schema';
import express from 'express';
import type { DocumentNode } from 'graphql';
import { applyPolicy, type ConditionSources, compilePolicy, RequestAccess } from './access';
import { AuditLog } from './audit';
import { ANONYMOUS, type Principal, type TokenVerifier } from './auth';
import { type Database, ping } from './db';
import { AuthError, ErrorCode } from './errors';
import { createFormatError } from './format-error';
import { limitRules, type QueryLimits } from './limits';
import { createLogger, type Logger } from './logger';
import { createMetrics, type Metrics } from './metrics';
import { attachSubscriptions } from './ws';

/** Context every resolver receives; subgraphs extend it through `extendContext`. */
export type BaseContext = {
  principal: Principal;
  access: RequestAccess;
  requestId: string;
  clientAddress: string | null;
};

export type SubgraphOptions<Extra extends object> = {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<any>;
  policy: Policy;
  database: Database;
  verifier: TokenVerifier;
  limits: QueryLimits;
  production?: boolean;
  /** Only the identity service lets callers without a token reach operations marked anonymous. */
  allowAnonymous?: boolean;
  conditions?: ConditionSources;
  /** Per-request additions (DataLoaders, stores). */
  extendContext?: (base: BaseContext) => Extra;
  /** Extra HTTP routes (JWKS, token endpoint, …) mounted before /graphql. */
  routes?: (app: express.Express) => void;
  logger?: Logger;
  /** Log level when no logger is given (from the deployable's env.ts). */
  logLevel?: string;
  /**
   * Benchmarks only: serve the bare schema without the policy layer, to measure its cost.
   * Refused in production.
   */
  unsafeDisablePolicy?: boolean;
  /** Serve subscriptions over graphql-ws on /graphql (authenticated on connect). */
  subscriptions?: boolean;
};

/**
 * Express middleware: verifies the bearer token (if any) and puts the principal on the
 * request; refuses with HTTP 401 and a coded error when the token is bad, or when there is
 * none and anonymous callers are not allowed.
 */
export function bearerAuth(
  verifier: TokenVerifier,
  opts: { allowAnonymous: boolean; metrics?: Metrics },
): express.RequestHandler {
  return async (req, res, next) => {
    try {
      const principal = await verifier.fromHeader(req.header('authorization'));
      if (principal === ANONYMOUS && !opts.allowAnonymous) {
        throw new AuthError(ErrorCode.UNAUTHENTICATED, 'Требуется токен доступа');
      }
      (req as any).principal = principal;
      next();
    } catch (e) {
      const code = e instanceof AuthError ? e.code : ErrorCode.UNAUTHENTICATED;
      opts.metrics?.authFailures.inc({ code });
      res.status(401).json({
        errors: [
          {
            message: e instanceof AuthError ? e.message : 'Требуется вход в систему',
            extensions: { code },
          },
        ],
      });
    }
  };
}

/** The principal established by `bearerAuth`. */
export const principalOf = (req: express.Request): Principal => (req as any).principal ?? ANONYMOUS;

export type RunningServer = { url: string; port: number; close(): Promise<void> };

export type Subgraph = {
  app: express.Express;
  /** The executable schema as served (with the policy layer unless disabled). */
  schema: import('graphql').GraphQLSchema;
  /** Builds a request context for a principal, as the HTTP path does (benchmarks, tools). */
  contextFor(
    principal: Principal,
    meta?: Partial<{ requestId: string; operation: string | null; clientAddress: string | null }>,
  ): BaseContext;
  apollo: ApolloServer<any>;
  metrics: Metrics;
  audit: AuditLog;
  logger: Logger;
  listen(port?: number, host?: string): Promise<RunningServer>;
};

/**
 * Builds a subgraph deployable: Apollo Server 5 on express with the policy layer, query
 * limits, error masking, audit-before-response, token verification, health and metrics.
 */
export async function createSubgraph<Extra extends object>(opts: SubgraphOptions<Extra>): Promise<Subgraph> {
  const logger = opts.logger ?? createLogger(opts.name, opts.logLevel);
  const metrics = createMetrics(opts.name);
  const audit = new AuditLog(opts.database);
  const bare = buildSubgraphSchema([{ typeDefs: opts.typeDefs, resolvers: opts.resolvers }]);
  const compiled = compilePolicy(opts.policy, bare);
  if (opts.unsafeDisablePolicy && opts.production)
    throw new Error('the policy layer cannot be disabled in production');
  const schema = opts.unsafeDisablePolicy ? bare : applyPolicy(bare, compiled);
  let httpServer: Server | undefined;

  const auditPlugin: ApolloServerPlugin<BaseContext> = {
    async requestDidStart(rc) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ contextValue, response, operationName, errors }) {
          const events = contextValue.access?.auditEvents(operationName ?? null) ?? [];
          if (events.length > 0) {
            try {
              await audit.append(events);
              metrics.auditEvents.inc(events.length);
            } catch (err) {
              metrics.auditFailures.inc();
              logger.error(
                { requestId: contextValue.requestId, err: (err as Error).message },
                'audit write failed; data withheld',
              );
              if (response.body.kind === 'single') {
                response.body.singleResult = {
                  errors: [
                    {
                      message: 'Журнал доступа недоступен, данные не выданы',
                      extensions: { code: ErrorCode.AUDIT_UNAVAILABLE },
                    },
                  ],
                };
              }
              response.http.status = 503;
            }
          }
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const outcome = errors?.length ? 'error' : 'ok';
          metrics.requests.observe({ operation: operationName ?? 'anonymous', outcome }, seconds);
          logger.info(
            {
              requestId: contextValue.requestId,
              operation: operationName ?? null,
              role: contextValue.principal?.role ?? null,
              ms: Math.round(seconds * 1000),
              codes: errors?.map((e) => e.extensions?.code ?? 'INTERNAL'),
              audited: events.length,
            },
            'graphql request',
          );
          void rc;
        },
      };
    },
  };

  const apollo = new ApolloServer<BaseContext>({
    schema,
    introspection: !opts.production,
    validationRules: limitRules(opts.limits),
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    // Each main.ts closes HTTP and the database in order on SIGTERM/SIGINT; Apollo must not exit first.
    stopOnTerminationSignals: false,
    plugins: [
      auditPlugin,
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              if (httpServer) httpServer.closeAllConnections();
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  opts.verifier.start();

  const contextFor: Subgraph['contextFor'] = (principal, meta = {}) => {
    const m = {
      requestId: meta.requestId ?? randomUUID(),
      operation: meta.operation ?? null,
      clientAddress: meta.clientAddress ?? null,
    };
    const access = new RequestAccess(compiled, principal, opts.conditions ?? {}, m);
    const base: BaseContext = { principal, access, requestId: m.requestId, clientAddress: m.clientAddress };
    return { ...base, ...(opts.extendContext?.(base) ?? {}) };
  };

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: opts.name });
  });
  app.get('/readyz', async (_req, res) => {
    const ok = await ping(opts.database);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'database unavailable', service: opts.name });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  opts.routes?.(app);

  app.use(
    '/graphql',
    express.json({ limit: '256kb' }),
    bearerAuth(opts.verifier, { allowAnonymous: !!opts.allowAnonymous, metrics }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        contextFor(principalOf(req), {
          requestId: (req.header('x-request-id') ?? '').slice(0, 64) || randomUUID(),
          clientAddress:
            (req.header('x-client-address') ?? req.socket.remoteAddress ?? '').slice(0, 64) || null,
          operation:
            typeof req.body?.operationName === 'string' ? req.body.operationName.slice(0, 128) : null,
        }),
    }),
  );

  return {
    app,
    schema,
    contextFor,
    apollo,
    metrics,
    audit,
    logger,
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise((resolve) => {
        const server = app.listen(port, host, () => {
          httpServer = server;
          const ws = opts.subscriptions
            ? attachSubscriptions({
                server,
                path: '/graphql',
                schema,
                verifier: opts.verifier,
                rules: limitRules(opts.limits),
                context: (principal, operation) => contextFor(principal, { operation }),
                logger,
                audit,
              })
            : undefined;
          const p = (server.address() as AddressInfo).port;
          resolve({
            url: `http://${host}:${p}`,
            port: p,
            close: async () => {
              opts.verifier.stop();
              await ws?.close();
              await apollo.stop();
              server.closeAllConnections();
              await new Promise<void>((r) => server.close(() => r()));
            },
          });
        });
      }),
  };
}
