import { NOTIFICATIONS_MIGRATION } from '@medikamente/notifications';
import {
  AUDIT_MIGRATIONS,
  AUDIT_READ_SCOPE,
  defineSubgraph,
  IDEMPOTENCY_MIGRATION,
  type KitDeps,
  type KitOptions,
} from '@medikamente/runtime';
import { createAlerts, createLoaders, createStores, type Services } from './context';
import { loadSecurityEnv, type SecurityEnv } from './env';
import { createIncidentsService, type IncidentsOptions } from './modules/incidents/incidents.setup';
import { createSecurityMetrics } from './modules/monitoring/metrics';
import { createRequestsService, type RequestsOptions } from './modules/requests/requests.setup';
import { AuditStream } from './modules/stream/audit-stream';
import { resolvers } from './resolvers';
import { securityTypeDefs } from './schema';

/** Options of `create()` beyond the kit's (tests and tools). */
export type SecurityOptions = RequestsOptions &
  IncidentsOptions & {
    /**
     * The token the audit stream shows a source (default: this service's own client, scope
     * audit:read); tests sign one per source with that source's test issuer.
     */
    auditToken?: (source: string) => Promise<string>;
  };

/**
 * The security subgraph: the central audit stream, privacy monitoring, the officer's console,
 * data-subject requests.
 */
export const security = defineSubgraph({
  name: 'security',
  env: loadSecurityEnv,
  typeDefs: securityTypeDefs,
  resolvers,
  migrationsDir: new URL('./db/migrations', import.meta.url),
  migrations: [...AUDIT_MIGRATIONS, IDEMPOTENCY_MIGRATION, NOTIFICATIONS_MIGRATION],
  serviceScopes: `revocations:read ${AUDIT_READ_SCOPE}`,
  stores: ({ database }: KitDeps<SecurityEnv, SecurityOptions>) => createStores(database),
  services: ({ stores, env, options, credentials, logger, database, onClose }): Services => {
    // Its metrics (deploy/monitoring alerts on them): one set per service, for services and jobs.
    const metrics = createSecurityMetrics();
    const token =
      options.auditToken ??
      (async () => {
        if (!credentials) throw new Error('no service client (SERVICE_CLIENT_ID) for the audit stream');
        return credentials.token();
      });
    const stream = new AuditStream({
      store: stores.stream,
      sources: env.AUDIT_SOURCES,
      token,
      logger,
      metrics,
      pullIntervalMs: env.AUDIT_PULL_INTERVAL_MS,
      pageSize: env.AUDIT_PULL_PAGE,
      timeoutMs: env.AUDIT_PULL_TIMEOUT_MS,
      checkpointIntervalMs: env.AUDIT_CHECKPOINT_INTERVAL_MS,
      verifyIntervalMs: env.AUDIT_VERIFY_INTERVAL_MS,
    });
    const { alerts, pubsub } = createAlerts({ stores, env, database, logger, metrics, onClose });
    const requests = createRequestsService({
      env,
      database,
      logger,
      stores: { ...stores, metrics },
      options,
    });
    const incidents = createIncidentsService({ env, database, logger, stores, metrics, options });
    return { stream, alerts, requests, incidents, pubsub, metrics };
  },
  metrics: ({ services }) => services.metrics.all,
  subscriptions: true,
  context: ({ stores, services }) => ({ stores, services, loaders: createLoaders(stores) }),
  jobs: ({ services }) => [
    services.stream,
    services.alerts.job(),
    services.requests.job(),
    services.incidents.job(),
  ],
  announce: (_url, env) => ({ auditSources: env.AUDIT_SOURCES.map((s) => s.name) }),
});

/** Builds the security service (tests, tools); `security.main()` runs the deployable. */
export const createSecurityService = (env: SecurityEnv, options?: KitOptions & SecurityOptions) =>
  security.create(env, options);
export type SecurityService = Awaited<ReturnType<typeof createSecurityService>>;
