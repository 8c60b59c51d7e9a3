import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { loadPolicy, type Policy } from '@medikamente/schema';
import type express from 'express';
import type { DocumentNode } from 'graphql';
import type { Metric } from 'prom-client';
import type { ConditionSources } from '../access';
import type { TokenVerifier } from '../auth';
import type { Database } from '../db';
import { limitsFromEnv, plainBrokerRefusal } from '../env';
import { type AmqpConsumer, startAmqpConsumer } from '../events/amqp';
import type { ClientCredentials } from '../events/client-credentials';
import {
  createEventConsumer,
  type EventConsumer,
  type EventHandlers,
  mountEventInbox,
} from '../events/consumer';
import type { DomainEvent, OutboxRelay } from '../events/outbox';
import { createLogger, type Logger } from '../logger';
import type { RateLimit, RateLimiter } from '../rate-limit';
import { type BaseContext, createSubgraph, type RunningServer, type Subgraph } from '../server';
import { verifierFromEnv } from '../wiring';
import { hasAuditTable, mountAuditFeed } from './audit-feed';
import { type Migration, subgraphDatabase } from './database';
import type { SubgraphEnv } from './env';
import { exitOnSignals, type Job, Lifecycle } from './lifecycle';
import { outboxRelay } from './outbox';
import { sharedRedis } from './rate-limit';
import { subgraphCredentials } from './verifier';

/** Options of `create()` for tests, benchmarks and tools; production passes none. */
export type KitOptions = {
  /** Verifies tokens instead of the one configured from env (a test issuer); the caller keeps owning it. */
  verifier?: TokenVerifier;
  /** Runs on this database (migrated by its owner); the caller keeps owning it. */
  database?: Database;
  /** Benchmarks only: serve without the policy layer (refused in production). */
  unsafeDisablePolicy?: boolean;
  /** Start the background jobs and the outbox relay (default true). */
  background?: boolean;
  /** Replaces the HTTP delivery of outbox events (tests). */
  deliverEvents?: (events: DomainEvent[]) => Promise<void>;
  /** Replaces the platform policy (tests of the kit itself). */
  policy?: Policy;
};

/** What the kit has prepared when the subgraph's own factories run. */
export type KitDeps<Env, Opts = unknown> = {
  name: string;
  env: Env;
  options: KitOptions & Opts;
  database: Database;
  logger: Logger;
  policy: Policy;
  /** This service's machine client (`serviceScopes`), when configured. */
  credentials: ClientCredentials | undefined;
  /** A rate limiter shared by all replicas through REDIS_URL when set, per process otherwise. */
  rateLimiter(name: string, limit: RateLimit, keys?: { plainKeysInProcess?: boolean }): RateLimiter;
  /** Registers a release step for `close()` (run before the database closes, last registered first). */
  onClose(step: () => unknown): void;
};
export type WithStores<Env, Opts, Stores> = KitDeps<Env, Opts> & { stores: Stores };
/** Everything: the stores, the domain services and the token verifier. */
export type SubgraphDeps<Env, Opts, Stores, Services> = WithStores<Env, Opts, Stores> & {
  services: Services;
  verifier: TokenVerifier;
};

/** A subgraph: its schema and domain factories; the kit does the wiring. */
export type SubgraphDefinition<
  N extends string,
  Env extends SubgraphEnv<N>,
  Opts,
  Stores,
  Services,
  Api extends object,
> = {
  name: N;
  /** The subgraph's env loader (its env.ts): validates `process.env` in `main()`. */
  env: (source?: Record<string, string | undefined>) => Env;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<any>;
  /** Folder of the subgraph's own `NNNN_name.sql` migrations (a path or a file: URL). */
  migrationsDir?: string | URL;
  /** The runtime's shared tables it needs (AUDIT_MIGRATION, INBOX_MIGRATION, OUTBOX_MIGRATION, …), applied first. */
  migrations?: Migration[];
  /** Scopes of this service's machine client (revocation list, events); none: no client. */
  serviceScopes?: string;
  /** Serve subscriptions over graphql-ws on /graphql. */
  subscriptions?: boolean;
  stores(deps: KitDeps<Env, Opts>): Stores | Promise<Stores>;
  /** Domain services built on the stores (exposed as `service.services` and to the hooks below). */
  services?(deps: WithStores<Env, Opts, Stores>): Services | Promise<Services>;
  /** The token verifier, when the subgraph does not verify through the issuer's JWKS (identity). */
  verifier?(deps: WithStores<Env, Opts, Stores> & { services: Services }): TokenVerifier;
  /** Per-request context additions (stores, DataLoaders). */
  context(deps: SubgraphDeps<Env, Opts, Stores, Services>, base: BaseContext): object;
  /** Sources of policy conditions this subgraph can decide (e.g. care relationships). */
  conditions?(deps: SubgraphDeps<Env, Opts, Stores, Services>): ConditionSources;
  /**
   * Handlers of events from other services (one consumer per producer, exactly once per event):
   * served at `POST /internal/events`, and with EVENTS_AMQP_URL taken from each consumer's broker
   * queue bound to its producer's exchange (ADR 0013). With one producer (`eventsFrom` a string)
   * the handlers by type; with several (an array), the handlers of each producer by its name
   * (`{ schedule: { 'appointment.*': … }, lab: { 'lab.*': … } }`), so one producer's token or
   * exchange can never feed another producer's types.
   */
  events?(deps: SubgraphDeps<Env, Opts, Stores, Services>): EventHandlers | Record<string, EventHandlers>;
  /**
   * The service(s) whose events `events` handles. The first producer's consumer is
   * `<name>.inbox`, each further one `<name>.inbox.<producer>` (its inbox key and broker queue).
   */
  eventsFrom?: string | readonly string[];
  /**
   * Where the outbox is relayed: the consumer's HTTP inbox (`url`), or with EVENTS_AMQP_URL the
   * broker's `<name>.events` exchange; no destination: events stay in the outbox.
   */
  outbox?(deps: SubgraphDeps<Env, Opts, Stores, Services>): { url: string | undefined; intervalMs: number };
  /**
   * Extra HTTP routes, mounted before /graphql; `contextFor` builds a request context for a
   * principal exactly as the GraphQL endpoint does (policy decisions, the subgraph's extensions).
   */
  routes?(
    app: express.Express,
    deps: SubgraphDeps<Env, Opts, Stores, Services> & { contextFor: Subgraph['contextFor'] },
  ): void;
  /**
   * The subgraph's own Prometheus metrics (created once per service, e.g. in `stores` so that
   * services and jobs can update them), registered on its registry: served on METRICS_PORT
   * beside the runtime's, with the registry's `service` label unless a metric sets its own.
   */
  metrics?(deps: SubgraphDeps<Env, Opts, Stores, Services>): Metric[];
  /** Background jobs, started unless `background: false`, stopped by `close()`. */
  jobs?(deps: SubgraphDeps<Env, Opts, Stores, Services>): Job[];
  /** Extra members of the service object (tools for tests and seeds). */
  api?(deps: SubgraphDeps<Env, Opts, Stores, Services> & { subgraph: Subgraph }): Api;
  /** Extra fields of the "listening" log line of `main()`. */
  announce?(url: string, env: Env): Record<string, unknown>;
};

/** A running subgraph service as `create()` returns it. */
export type SubgraphService<Env, Stores, Services> = {
  name: string;
  env: Env;
  subgraph: Subgraph;
  database: Database;
  stores: Stores;
  services: Services;
  verifier: TokenVerifier;
  typeDefs: DocumentNode;
  /** The outbox relay, when the subgraph has one and a destination is configured. */
  relay: OutboxRelay | undefined;
  /** The consumer of its (first) broker queue, with EVENTS_AMQP_URL (`ready` once it consumes). */
  broker: AmqpConsumer | undefined;
  /**
   * Its consumer of other services' events (`<name>.inbox`, when it has `events`; with several
   * producers, the first producer's): what the HTTP inbox and the broker queue hand events to;
   * seeds apply events through it, exactly once each.
   */
  inbox: EventConsumer | undefined;
  /** All its consumers, one per producer of `eventsFrom` (`inbox` first). */
  inboxes: EventConsumer[];
  /** The consumers of its broker queues, one per consumer, with EVENTS_AMQP_URL. */
  brokers: AmqpConsumer[];
  /** Starts HTTP; servers opened here are closed by `close()`. */
  listen(port?: number, host?: string): Promise<RunningServer>;
  /** Closes servers, jobs, connections and (when the kit opened it) the database. */
  close(): Promise<void>;
};

/**
 * Defines a subgraph from its schema and domain factories. The kit does the rest: env,
 * database and migrations, token verifier and service credentials, policy, query limits,
 * request timeout, audit (and its feed to the audit stream, `/internal/audit/events`, when the
 * migrations hold the audit table), health (/healthz, /readyz), event inbox and outbox relay,
 * metrics port, background jobs and graceful shutdown.
 *
 * `create(env, options)` builds a service (tests, tools); `main()` is the deployable's entry.
 */
export function defineSubgraph<
  N extends string,
  Env extends SubgraphEnv<N>,
  Opts,
  Stores,
  Services,
  Api extends object = Record<never, never>,
>(def: SubgraphDefinition<N, Env, Opts, Stores, Services, Api>) {
  type Service = SubgraphService<Env, Stores, Services> & Api;

  async function create(env: Env, options: KitOptions & Opts = {} as KitOptions & Opts): Promise<Service> {
    // Every subgraph of the kit, whether or not its env.ts adds checkEventsEnv.
    const brokerRefusal = plainBrokerRefusal(env);
    if (brokerRefusal) throw new Error(`${def.name}: EVENTS_AMQP_URL: ${brokerRefusal}`);
    const life = new Lifecycle();
    const logger = createLogger(def.name, env.LOG_LEVEL);
    const policy = options.policy ?? loadPolicy();
    const { database, owned } = await subgraphDatabase(def.name, env, def, options.database);
    if (owned) life.onClose(() => database.close());
    try {
      const base: KitDeps<Env, Opts> = {
        name: def.name,
        env,
        options,
        database,
        logger,
        policy,
        credentials: subgraphCredentials(def.name, env, def.serviceScopes),
        rateLimiter: sharedRedis(env.REDIS_URL, life),
        onClose: (step) => life.onClose(step),
      };
      const withStores = { ...base, stores: await def.stores(base) };
      const services = (def.services ? await def.services(withStores) : {}) as Services;
      const verifier =
        options.verifier ??
        def.verifier?.({ ...withStores, services }) ??
        verifierFromEnv(env, Object.keys(policy.roles), base.credentials);
      if (!options.verifier) life.onClose(() => verifier.stop());
      const deps: SubgraphDeps<Env, Opts, Stores, Services> = { ...withStores, services, verifier };
      const consumers = def.events
        ? eventConsumers(def.name, def.eventsFrom, def.events(deps), database)
        : [];
      const consumer = consumers[0];

      const subgraph = await createSubgraph({
        name: def.name,
        logger,
        typeDefs: def.typeDefs,
        resolvers: def.resolvers,
        policy,
        database,
        verifier,
        production: env.NODE_ENV === 'production',
        subscriptions: def.subscriptions,
        limits: limitsFromEnv(env),
        requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
        conditions: def.conditions?.(deps),
        extendContext: (ctx) => def.context(deps, ctx),
        unsafeDisablePolicy: options.unsafeDisablePolicy,
        routes: (app, { contextFor }) => {
          // Over the broker the queue is the only way in: no HTTP inbox beside it.
          if (consumers.length && !env.EVENTS_AMQP_URL) mountEventInbox(app, { verifier, consumers });
          // The audit table is its own outbox: the security subgraph pulls it (ADR 0018).
          if (hasAuditTable(def.migrations)) mountAuditFeed(app, { service: def.name, database, verifier });
          def.routes?.(app, { ...deps, contextFor });
        },
      });
      life.onClose(() => subgraph.apollo.stop());
      for (const metric of def.metrics?.(deps) ?? []) subgraph.metrics.registry.registerMetric(metric);
      const outbox =
        def.outbox?.(deps) ??
        (env.EVENTS_HTTP_CONSUMERS?.length ? { url: undefined, intervalMs: 1000 } : undefined);
      const relay =
        outbox &&
        outboxRelay({
          ...outbox,
          moreUrls: env.EVENTS_HTTP_CONSUMERS,
          service: def.name,
          amqpUrl: env.EVENTS_AMQP_URL,
          database,
          logger,
          options,
          credentials: base.credentials,
          onClose: (step) => life.onClose(step),
        });
      if (options.background !== false)
        await life.start([...(relay ? [relay] : []), ...(def.jobs?.(deps) ?? [])]);
      const amqpUrl = options.background !== false ? env.EVENTS_AMQP_URL : undefined;
      const brokers = amqpUrl
        ? consumers.map((c) =>
            startAmqpConsumer({
              url: amqpUrl,
              consumer: c,
              prefetch: env.EVENTS_AMQP_PREFETCH,
              onError: (err, context) =>
                logger.warn({ err: (err as Error)?.message, consumer: c.name }, context),
            }),
          )
        : [];
      for (const b of brokers) life.onClose(() => b.close());

      return {
        ...(def.api?.({ ...deps, subgraph }) ?? ({} as Api)),
        name: def.name,
        env,
        subgraph,
        database,
        stores: deps.stores,
        services,
        verifier,
        typeDefs: def.typeDefs,
        relay,
        broker: brokers[0],
        brokers,
        inbox: consumer,
        inboxes: consumers,
        listen: async (port, host) => life.track(await subgraph.listen(port, host)),
        close: () => life.close(),
      } as Service;
    } catch (err) {
      await life.close().catch(() => {});
      throw err;
    }
  }

  /** The deployable: env from `process.env`, HTTP on PORT, /metrics on METRICS_PORT, stop on SIGTERM/SIGINT. */
  async function main(): Promise<Service> {
    const env = def.env();
    const service = await create(env);
    const running = await service.listen(env.PORT, env.HOST);
    // /metrics only on its own port (for the monitoring stack), never on the public one.
    const metrics = env.METRICS_PORT
      ? await service.subgraph.listenMetrics(env.METRICS_PORT, env.METRICS_HOST)
      : undefined;
    const { logger } = service.subgraph;
    logger.info(
      { url: `${running.url}/graphql`, ...def.announce?.(running.url, env), metrics: metrics?.url ?? null },
      `${def.name} subgraph listening`,
    );
    exitOnSignals(async () => {
      await metrics?.close();
      await service.close();
    }, logger);
    return service;
  }

  return { name: def.name, definition: def, create, main };
}

/**
 * The consumers of a subgraph's `events`: one per producer, the first named `<name>.inbox` (the
 * name before several producers were possible, so its inbox rows and broker queue stay valid),
 * each further one `<name>.inbox.<producer>` with that producer's handlers only.
 */
export function eventConsumers(
  name: string,
  eventsFrom: string | readonly string[] | undefined,
  handlers: EventHandlers | Record<string, EventHandlers>,
  database: Database,
): EventConsumer[] {
  if (typeof eventsFrom !== 'object') {
    if (Object.values(handlers).some((h) => typeof h !== 'function'))
      throw new Error(`${name}: handlers per producer need eventsFrom to name the producers (an array)`);
    return [
      createEventConsumer({
        name: `${name}.inbox`,
        from: eventsFrom,
        database,
        handlers: handlers as EventHandlers,
      }),
    ];
  }
  if (!eventsFrom.length || new Set(eventsFrom).size !== eventsFrom.length)
    throw new Error(`${name}: eventsFrom needs distinct producers`);
  const byProducer = handlers as Record<string, EventHandlers>;
  const unknown = Object.keys(byProducer).filter((p) => !eventsFrom.includes(p));
  if (unknown.length)
    throw new Error(`${name}: events of producers not in eventsFrom: ${unknown.join(', ')}`);
  return eventsFrom.map((from, i) => {
    const own = byProducer[from];
    if (!own || typeof own !== 'object' || Object.values(own).some((h) => typeof h !== 'function'))
      throw new Error(`${name}: events needs the handlers of producer "${from}" by type`);
    return createEventConsumer({
      name: i === 0 ? `${name}.inbox` : `${name}.inbox.${from}`,
      from,
      database,
      handlers: own,
    });
  });
}
