import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import {
  bearerAuth,
  createFormatError,
  createLogger,
  createMetrics,
  limitRules,
  principalOf,
  type QueryLimits,
  type RunningServer,
  type TokenVerifier,
} from '@medikamente/runtime';
import express from 'express';
import { ForwardingDataSource, type GatewayContext } from './data-source';
import { playgroundRouter } from './playground';
import { keepRawBody, publicResponseCache } from './response-cache';
import { attachSubscriptionProxy } from './subscriptions';

export type GatewayOptions = {
  supergraphSdl: string;
  /** Subgraph URL per name, overriding the URLs baked into the supergraph. */
  subgraphUrls: Record<string, string>;
  verifier: TokenVerifier;
  limits: QueryLimits;
  production: boolean;
  subgraphTimeoutMs?: number;
  logLevel?: string;
  /**
   * Addresses of proxies in front of the gateway (the apps' servers, a load balancer) whose
   * `X-Forwarded-For` is believed; from anyone else the header is ignored.
   */
  trustedProxies?: string[];
  /** Reuse responses of PUBLIC fields their subgraph marked cacheable (default on; ADR 0008). */
  responseCache?: boolean;
};

const normalize = (a: string) => a.replace(/^::ffff:/, '');

/**
 * The caller's address for audit and rate limits: the socket's, or — when the socket is a
 * trusted proxy — the right-most address in X-Forwarded-For that is not a trusted proxy.
 */
export function clientAddress(
  socket: string | undefined,
  forwarded: string | undefined,
  trusted: Set<string>,
): string | null {
  let address = socket ? normalize(socket) : null;
  if (!address || !trusted.has(address) || !forwarded) return address;
  const hops = forwarded
    .split(',')
    .map((h) => normalize(h.trim()))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    address = hops[i]!.slice(0, 64);
    if (!trusted.has(address)) break;
  }
  return address;
}

/**
 * The federation gateway: a static supergraph, token verification at the edge (subgraphs
 * verify again), identity forwarding, query limits, masked errors, health and metrics.
 */
export async function createGateway(opts: GatewayOptions) {
  const logger = createLogger('gateway', opts.logLevel);
  const trusted = new Set((opts.trustedProxies ?? []).map(normalize));
  const metrics = createMetrics('gateway');
  // The gateway must never send usage data out of the clinic's network (data residency):
  // @apollo/gateway reads this flag from the process environment itself.
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  const gateway = new ApolloGateway({
    supergraphSdl: opts.supergraphSdl,
    buildService: ({ name, url }) =>
      new ForwardingDataSource(opts.subgraphUrls[name] ?? url!, opts.subgraphTimeoutMs ?? 10000),
    logger: {
      debug: () => {},
      info: () => {},
      warn: (m) => logger.warn(String(m)),
      error: (m) => logger.error(String(m)),
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !opts.production,
    validationRules: limitRules(opts.limits),
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    // Each main.ts closes HTTP and the database in order on SIGTERM/SIGINT; Apollo must not exit first.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      {
        async requestDidStart() {
          const started = process.hrtime.bigint();
          return {
            async willSendResponse({ contextValue, operationName, errors, response }) {
              const seconds = Number(process.hrtime.bigint() - started) / 1e9;
              const respErrors =
                response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
              const all = [...(errors ?? []), ...(respErrors ?? [])];
              metrics.requests.observe(
                { operation: operationName ?? 'anonymous', outcome: all.length ? 'error' : 'ok' },
                seconds,
              );
              logger.info(
                {
                  requestId: contextValue.requestId,
                  operation: operationName ?? null,
                  role: contextValue.principal.role,
                  ms: Math.round(seconds * 1000),
                  codes: all.map((e) => e.extensions?.code),
                },
                'graphql request',
              );
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  opts.verifier.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok', service: 'gateway' }));
  app.get(
    '/metrics',
    async (_req, res) => void res.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  if (!opts.production) app.use('/graphiql', playgroundRouter('/graphql'));
  app.use(
    '/graphql',
    express.json({ limit: '256kb', verify: keepRawBody }),
    bearerAuth(opts.verifier, { allowAnonymous: true, metrics }),
    ...(opts.responseCache === false ? [] : [publicResponseCache({ metrics })]),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const header = req.header('authorization');
        return {
          token: header ? header.replace(/^Bearer\s+/i, '') : null,
          principal: principalOf(req),
          requestId: randomUUID(),
          clientAddress: clientAddress(req.socket.remoteAddress, req.header('x-forwarded-for'), trusted),
        };
      },
    }),
  );

  let httpServer: Server | undefined;
  return {
    app,
    apollo,
    logger,
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise<RunningServer>((resolve) => {
        httpServer = app.listen(port, host, () => {
          const p = (httpServer!.address() as AddressInfo).port;
          const ws = attachSubscriptionProxy({
            server: httpServer!,
            apiSchema: () => gateway.schema!,
            supergraphSdl: opts.supergraphSdl,
            subgraphUrls: opts.subgraphUrls,
            verifier: opts.verifier,
            rules: limitRules(opts.limits),
            logger,
          });
          resolve({
            url: `http://${host}:${p}`,
            port: p,
            close: async () => {
              opts.verifier.stop();
              await ws.close();
              await apollo.stop();
              httpServer!.closeAllConnections();
              await new Promise<void>((r) => httpServer!.close(() => r()));
            },
          });
        });
      }),
  };
}
