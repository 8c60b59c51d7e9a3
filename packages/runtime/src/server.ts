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
import {
  applyPolicy,
  type ConditionSources,
  checkConditionSources,
  compilePolicy,
  operationRefusal,
  RequestAccess,
} from './access';
import { AuditLog } from './audit';
import type { Principal, TokenVerifier } from './auth';
import { type Database, ping } from './db';
import { CORE_ERROR_CODES, ErrorCode } from './errors';
import { createFormatError, operationResolution } from './format-error';
import {
  bearerAuth,
  errorBody,
  forwardedMeta,
  hardenServer,
  jsonErrors,
  principalOf,
  requestTimeout,
} from './http';
import { DEFAULT_DOCUMENT_LIMITS, documentGuard, limitRules, type QueryLimits } from './limits';
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
  /** Whole-request deadline (ms) of the GraphQL endpoint; default 30 s. */
  requestTimeoutMs?: number;
  /**
   * Sources of the policy conditions this subgraph's subject types need, keyed by the
   * condition's name in the policy (e.g. `careRelationship`); missing ones refuse the start.
   */
  conditions?: ConditionSources;
  /** Per-request additions (DataLoaders, stores). */
  extendContext?: (base: BaseContext) => Extra;
  /**
   * Extra HTTP routes (JWKS, token endpoint, file downloads, …) mounted before /graphql. `contextFor`
   * builds the same request context (principal, policy decisions, extensions) GraphQL resolvers get.
   */
  routes?: (app: express.Express, tools: { contextFor: Subgraph['contextFor'] }) => void;
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
  /** Whether callers without a token are let through (the policy marks some operation anonymous). */
  allowsAnonymous: boolean;
  listen(port?: number, host?: string): Promise<RunningServer>;
  /** Serves /metrics on its own (internal) port; the public port does not serve it. */
  listenMetrics(port: number, host?: string): Promise<RunningServer>;
};

/** Whether any root operation of the schema is marked `anonymous` in the policy. */
export function policyAllowsAnonymous(policy: Policy, schema: import('graphql').GraphQLSchema): boolean {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].some(
    (root) =>
      root !== null &&
      root !== undefined &&
      Object.keys(root.getFields()).some((f) => policy.operations[`${root.name}.${f}`]?.anonymous === true),
  );
}

/** Serves a metrics registry on its own port (for the monitoring stack, inside the network). */
export function serveMetrics(metrics: Metrics, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return new Promise((resolve) => {
    const server = app.listen(port, host, () => {
      const p = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host}:${p}`,
        port: p,
        close: async () => {
          server.closeAllConnections();
          await new Promise<void>((r) => server.close(() => r()));
        },
      });
    });
  });
}

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
  checkConditionSources(opts.name, compiled, opts.conditions ?? {});
  for (const code of Object.keys(opts.policy.errorCodes))
    if ((CORE_ERROR_CODES as readonly string[]).includes(code))
      throw new Error(`subgraph ${opts.name}: the policy declares ${code}, a core code of the runtime`);
  if (opts.unsafeDisablePolicy && opts.production)
    throw new Error('the policy layer cannot be disabled in production');
  const schema = opts.unsafeDisablePolicy ? bare : applyPolicy(bare, compiled);
  let httpServer: Server | undefined;

  const auditPlugin: ApolloServerPlugin<BaseContext> = {
    async requestDidStart(rc) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ contextValue, response, operationName, errors }) {
          const events =
            contextValue.access?.auditEvents(contextValue.access.meta.operation ?? operationName ?? null) ??
            [];
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
          metrics.requests.observe({ operation: metrics.operationLabel(operationName), outcome }, seconds);
          logger.info(
            {
              requestId: contextValue.requestId,
              operation: operationName?.slice(0, 64) ?? null,
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

  const allowsAnonymous = policyAllowsAnonymous(opts.policy, bare);
  const apollo = new ApolloServer<BaseContext>({
    schema,
    introspection: !opts.production,
    // No "Did you mean …?" in production: suggestions let anyone rebuild the schema.
    hideSchemaDetailsFromClientErrors: !!opts.production,
    validationRules: limitRules(opts.limits),
    formatError: createFormatError(logger, Object.keys(opts.policy.errorCodes)),
    includeStacktraceInErrorResponses: false,
    // Each main.ts closes HTTP and the database in order on SIGTERM/SIGINT; Apollo must not exit first.
    stopOnTerminationSignals: false,
    plugins: [
      operationResolution,
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
  opts.routes?.(app, { contextFor });

  const limits = { ...DEFAULT_DOCUMENT_LIMITS, ...opts.limits };
  app.use(
    '/graphql',
    requestTimeout(opts.requestTimeoutMs ?? 30_000),
    express.json({ limit: '256kb' }),
    // Cheap refusals first: oversized documents, then bad tokens.
    documentGuard(limits, () => metrics.refusedDocuments.inc()),
    bearerAuth(opts.verifier, { allowAnonymous: allowsAnonymous, metrics }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const meta = await forwardedMeta(req, opts.verifier);
        return contextFor(principalOf(req), {
          requestId: meta.requestId ?? randomUUID(),
          clientAddress: meta.clientAddress,
          // The client's operation as the gateway saw it; from direct callers, their own name.
          operation:
            meta.operation ??
            (typeof req.body?.operationName === 'string' ? req.body.operationName.slice(0, 128) : null),
        });
      },
    }),
  );
  app.use((_req, res) => void res.status(404).json(errorBody(ErrorCode.NOT_FOUND, 'Не найдено')));
  app.use(jsonErrors(logger));

  return {
    app,
    schema,
    contextFor,
    apollo,
    metrics,
    audit,
    logger,
    allowsAnonymous,
    listenMetrics: (port, host) => serveMetrics(metrics, port, host),
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise((resolve) => {
        const server = app.listen(port, host, () => {
          httpServer = server;
          hardenServer(server, (opts.requestTimeoutMs ?? 30_000) + 5_000);
          const ws = opts.subscriptions
            ? attachSubscriptions({
                server,
                path: '/graphql',
                schema,
                verifier: opts.verifier,
                rules: limitRules(opts.limits),
                context: (principal, operation, clientAddress) =>
                  contextFor(principal, { operation, clientAddress }),
                authorize: opts.unsafeDisablePolicy
                  ? undefined
                  : (principal, field) => operationRefusal(opts.policy, `Subscription.${field}`, principal),
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
