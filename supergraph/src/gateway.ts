import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import {
  bearerAuth,
  CORE_ERROR_CODES,
  connectRedis,
  createFormatError,
  createLogger,
  createMetrics,
  createRateLimiter,
  DEFAULT_DOCUMENT_LIMITS,
  deadlines,
  documentGuard,
  ErrorCode,
  errorBody,
  hardenServer,
  jsonErrors,
  limitRules,
  operationResolution,
  principalOf,
  type QueryLimits,
  type RateDecision,
  type RateLimit,
  type RateLimiter,
  type RunningServer,
  serveMetrics,
  type TokenVerifier,
} from '@medikamente/runtime';
import { loadPolicy } from '@medikamente/schema';
import express from 'express';
import { ForwardingDataSource, type GatewayContext } from './data-source';
import { disableApolloTelemetry } from './env';
import { fileProxy } from './file-proxy';
import { playgroundRouter } from './playground';
import { registerReleaseMetrics, releaseFacts } from './release-metrics';
import { keepRawBody, publicResponseCache } from './response-cache';
import { attachSubscriptionProxy } from './subscriptions';
import { isPartner, type TrustedDocuments, trustedDocumentsGate } from './trusted-documents';

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
  /**
   * The gateway's own service token (role service, scope gateway), sent to subgraphs beside the
   * caller's token so that they believe the request id and client address it forwards.
   */
  serviceToken?: () => Promise<string | null>;
  /** Per-client limits; counters shared by every replica when `redisUrl` is set. */
  rateLimits?: {
    /** Every request from one client address. */
    perAddress: RateLimit;
    /** Requests without a token, per client address. */
    anonymousPerAddress: RateLimit;
    /** Requests of one signed-in account (or machine client). */
    perAccount: RateLimit;
  };
  redisUrl?: string | undefined;
  /** Whole-request deadline (ms); default 30 s. */
  requestTimeoutMs?: number;
  /**
   * Benchmarks only: without the edge guards (rate limits, parse-time document limits, request
   * deadline), to measure what they cost. Refused in production.
   */
  unsafeDisableEdgeGuards?: boolean;
  /** Benchmarks only: requests with `x-bench-guards: off` skip the guards (ignored in production). */
  unsafeEdgeGuardSwitch?: boolean;
  /** Live sockets: at most this many per client address and per account. */
  maxSocketsPerAddress?: number;
  maxSocketsPerAccount?: number;
  /**
   * Partner allowlists (ADR 0015): a partner token runs only the persisted documents of the
   * manifest its `documents:<id>` scope names. Without it every partner request is refused.
   */
  trustedDocuments?: TrustedDocuments;
  /**
   * Tests only: partner tokens may send document text (the authorization matrix asks the
   * subgraphs' policy for lab_partner through the gateway). Refused in production.
   */
  unsafePartnerFreeText?: boolean;
};

export const DEFAULT_RATE_LIMITS: NonNullable<GatewayOptions['rateLimits']> = {
  perAddress: { points: 3000, durationSec: 60 },
  anonymousPerAddress: { points: 600, durationSec: 60 },
  perAccount: { points: 1200, durationSec: 60 },
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
  // What this replica serves, from the release check's own code (published once, at start).
  registerReleaseMetrics(metrics.registry, releaseFacts(loadPolicy(), opts.supergraphSdl));
  disableApolloTelemetry();
  const gateway = new ApolloGateway({
    supergraphSdl: opts.supergraphSdl,
    buildService: ({ name, url }) =>
      new ForwardingDataSource(
        opts.subgraphUrls[name] ?? url!,
        opts.subgraphTimeoutMs ?? 10000,
        opts.serviceToken,
      ),
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
    // No "Did you mean …?" in production: suggestions let anyone rebuild the schema.
    hideSchemaDetailsFromClientErrors: opts.production,
    validationRules: limitRules(opts.limits),
    formatError: createFormatError(
      logger,
      Object.keys(loadPolicy({ coreErrorCodes: CORE_ERROR_CODES }).errorCodes),
    ),
    includeStacktraceInErrorResponses: false,
    // Each main.ts closes HTTP and the database in order on SIGTERM/SIGINT; Apollo must not exit first.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      operationResolution,
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
                { operation: metrics.operationLabel(operationName), outcome: all.length ? 'error' : 'ok' },
                seconds,
              );
              logger.info(
                {
                  requestId: contextValue.requestId,
                  operation: operationName?.slice(0, 64) ?? null,
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

  const redis = opts.redisUrl ? connectRedis(opts.redisUrl) : undefined;
  const limits = opts.rateLimits ?? DEFAULT_RATE_LIMITS;
  const limiters = {
    address: createRateLimiter('gw-address', limits.perAddress, redis, { plainKeysInProcess: true }),
    anonymous: createRateLimiter('gw-anonymous', limits.anonymousPerAddress, redis, {
      plainKeysInProcess: true,
    }),
    account: createRateLimiter('gw-account', limits.perAccount, redis, { plainKeysInProcess: true }),
  };
  const addressOf = (req: express.Request) =>
    clientAddress(req.socket.remoteAddress, req.header('x-forwarded-for'), trusted);
  const refuse = (res: express.Response, name: string, d: RateDecision) => {
    metrics.rateLimited.inc({ limit: name });
    res.setHeader('retry-after', String(d.retryAfterSec));
    res.status(429).json(errorBody(ErrorCode.RATE_LIMITED, 'Слишком много запросов, повторите позже'));
  };
  /** Counts the request on a limiter, at once when counted in this process, else through Redis. */
  const count = (
    limiter: RateLimiter,
    name: string,
    key: string,
    res: express.Response,
    onAllowed: () => void,
  ): void => {
    if (limiter.hitNow) {
      const d = limiter.hitNow(key);
      if (d.allowed) onAllowed();
      else refuse(res, name, d);
      return;
    }
    limiter.hit(key).then(
      (d) => (d.allowed ? onAllowed() : refuse(res, name, d)),
      () => onAllowed(),
    );
  };
  const startDeadline = deadlines(opts.requestTimeoutMs ?? 30_000);
  /** The first guard (one middleware, the hot path): the deadline, the per-address limits. */
  const admit: express.RequestHandler = (req, res, next) => {
    startDeadline(res);
    const address = addressOf(req);
    (req as express.Request & { clientAddress?: string | null }).clientAddress = address;
    const key = address ?? 'unknown';
    const anonymous = !req.header('authorization');
    count(limiters.address, 'address', key, res, () =>
      anonymous ? count(limiters.anonymous, 'anonymous', key, res, next) : next(),
    );
  };
  const authenticate = bearerAuth(opts.verifier, { allowAnonymous: true, metrics });
  if (opts.unsafePartnerFreeText && opts.production)
    throw new Error('partner tokens cannot send document text in production');
  const partnerGate: express.RequestHandler = opts.unsafePartnerFreeText
    ? (_req, _res, next) => next()
    : trustedDocumentsGate(opts.trustedDocuments ?? { dir: '', manifests: new Map() }, {
        onRefused: (r, p) => {
          metrics.refusedDocuments.inc();
          logger.info({ client: p.subject, code: r.code, reason: r.reason }, 'partner request refused');
        },
      });
  const checkDocument = documentGuard({ ...DEFAULT_DOCUMENT_LIMITS, ...opts.limits }, () =>
    metrics.refusedDocuments.inc(),
  );
  /** The token, then partners' allowlist: before any GraphQL parsing (ADR 0015). */
  const authenticateAndGate: express.RequestHandler = (req, res, next) =>
    authenticate(req, res, () => partnerGate(req, res, next));
  /**
   * After the body is read (one middleware): the token and a partner's allowlist, the document's
   * limits, the account's limit.
   */
  const checkAndAuthenticate: express.RequestHandler = (req, res, next) =>
    authenticateAndGate(req, res, () =>
      checkDocument(req, res, () => {
        const p = principalOf(req);
        if (!p.subject) return next();
        count(limiters.account, 'account', `${p.kind}:${p.subject}`, res, next);
      }),
    );

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok', service: 'gateway' }));
  if (!opts.production) app.use('/graphiql', playgroundRouter('/graphql'));
  if (opts.unsafeDisableEdgeGuards && opts.production)
    throw new Error('the edge guards cannot be disabled in production');
  const guards = !opts.unsafeDisableEdgeGuards;
  // Benchmarks: one process serves both ways, `x-bench-guards: off` skipping the guards, so the
  // comparison is not skewed by two processes' different JIT and heap states.
  const switchable = opts.unsafeEdgeGuardSwitch === true && !opts.production;
  const skip = (req: express.Request) => switchable && req.headers['x-bench-guards'] === 'off';
  const guard = (h: express.RequestHandler): express.RequestHandler[] =>
    guards ? [switchable ? (req, res, next) => (skip(req) ? next() : h(req, res, next)) : h] : [];
  app.use(
    '/graphql',
    // Cheap refusals first: deadline and per-address limits, a bad body; the token and a
    // partner's allowlist; an oversized document; the account's limit.
    ...guard(admit),
    express.json({ limit: '256kb', verify: keepRawBody }),
    guards
      ? switchable
        ? (req, res, next) =>
            skip(req) ? authenticateAndGate(req, res, next) : checkAndAuthenticate(req, res, next)
        : checkAndAuthenticate
      : authenticateAndGate,
    ...(opts.responseCache === false ? [] : [publicResponseCache({ metrics })]),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const header = req.header('authorization');
        return {
          token: header ? header.replace(/^Bearer\s+/i, '') : null,
          principal: principalOf(req),
          requestId: randomUUID(),
          clientAddress:
            (req as express.Request & { clientAddress?: string | null }).clientAddress ?? addressOf(req),
        };
      },
    }),
  );
  // File uploads and downloads of subgraphs (links the record issues): a token is required at the
  // edge too, then the bytes stream through to the subgraph, which authorises the link again.
  const authenticateFiles = bearerAuth(opts.verifier, { allowAnonymous: false, metrics });
  app.use(
    '/files',
    ...guard(admit),
    (req, res, next) =>
      authenticateFiles(req, res, () => {
        const p = principalOf(req);
        count(limiters.account, 'account', `${p.kind}:${p.subject}`, res, next);
      }),
    fileProxy({
      subgraphUrls: opts.subgraphUrls,
      serviceToken: opts.serviceToken,
      clientAddress: (req) =>
        (req as express.Request & { clientAddress?: string | null }).clientAddress ?? addressOf(req),
      idleTimeoutMs: opts.subgraphTimeoutMs ?? 10000,
      logger,
    }),
  );
  app.use((_req, res) => void res.status(404).json(errorBody(ErrorCode.NOT_FOUND, 'Не найдено')));
  app.use(jsonErrors(logger));

  let httpServer: Server | undefined;
  return {
    app,
    apollo,
    logger,
    metrics,
    /** Serves /metrics on its own (internal) port; the public port does not serve it. */
    listenMetrics: (port: number, host?: string) => serveMetrics(metrics, port, host),
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise<RunningServer>((resolve) => {
        httpServer = app.listen(port, host, () => {
          hardenServer(httpServer!, (opts.requestTimeoutMs ?? 30_000) + 5_000);
          const p = (httpServer!.address() as AddressInfo).port;
          const ws = attachSubscriptionProxy({
            server: httpServer!,
            apiSchema: () => gateway.schema!,
            supergraphSdl: opts.supergraphSdl,
            subgraphUrls: opts.subgraphUrls,
            verifier: opts.verifier,
            rules: limitRules(opts.limits),
            logger,
            clientAddress: (req) =>
              clientAddress(
                req.socket.remoteAddress,
                req.headers['x-forwarded-for'] as string | undefined,
                trusted,
              ),
            serviceToken: opts.serviceToken,
            maxSocketsPerAddress: opts.maxSocketsPerAddress ?? 50,
            maxSocketsPerAccount: opts.maxSocketsPerAccount ?? 10,
            // Partners get no socket: subscriptions are never in their allowlist (ADR 0015).
            refuse: (p) => (isPartner(p) && !opts.unsafePartnerFreeText ? 'partner' : null),
          });
          resolve({
            url: `http://${host}:${p}`,
            port: p,
            close: async () => {
              opts.verifier.stop();
              redis?.disconnect();
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
