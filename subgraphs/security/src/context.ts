import { channelsFromEnv } from '@medikamente/notifications';
import {
  AuditLog,
  type BaseContext,
  type Database,
  IdempotencyStore,
  type Logger,
  PgPubSub,
} from '@medikamente/runtime';
import DataLoader from 'dataloader';
import type { SecurityEnv } from './env';
import { AlertsService } from './modules/alerts/alerts.service';
import { type AlertRecord, type AlertStepRecord, AlertStore } from './modules/alerts/alerts.store';
import { loadRulesConfig } from './modules/alerts/rules.config';
import type { IncidentsService } from './modules/incidents/incidents.service';
import {
  type IncidentRecord,
  type IncidentStepRecord,
  IncidentStore,
} from './modules/incidents/incidents.store';
import type { SecurityMetrics } from './modules/monitoring/metrics';
import type { RequestsService } from './modules/requests/requests.service';
import {
  type DataRequestRecord,
  type DataRequestStepRecord,
  DataRequestStore,
} from './modules/requests/requests.store';
import type { AuditStream } from './modules/stream/audit-stream';
import { StreamStore } from './modules/stream/stream.store';
import { TrailStore } from './modules/trail/trail.store';

export type Stores = {
  audit: AuditLog;
  stream: StreamStore;
  alerts: AlertStore;
  trail: TrailStore;
  requests: DataRequestStore;
  incidents: IncidentStore;
  idempotency: IdempotencyStore;
};

/** The subgraph's stores on its database. */
export const createStores = (database: Database): Stores => ({
  audit: new AuditLog(database),
  stream: new StreamStore(database),
  alerts: new AlertStore(database),
  trail: new TrailStore(database),
  requests: new DataRequestStore(database),
  incidents: new IncidentStore(database),
  idempotency: new IdempotencyStore(database),
});

export type Services = {
  stream: AuditStream;
  alerts: AlertsService;
  pubsub: PgPubSub;
  requests: RequestsService;
  incidents: IncidentsService;
  metrics: SecurityMetrics;
};

/** Privacy monitoring on the stores: the rules, the live channel, the officers' e-mail. */
export function createAlerts(deps: {
  stores: Stores;
  env: SecurityEnv;
  database: Database;
  logger: Logger;
  metrics: SecurityMetrics;
  onClose(step: () => unknown): void;
}): { alerts: AlertsService; pubsub: PgPubSub } {
  const { stores, env, database, logger, metrics } = deps;
  const pubsub = new PgPubSub(database);
  deps.onClose(() => pubsub.close());
  const email = channelsFromEnv({
    NOTIFY_SMTP_URL: env.NOTIFY_SMTP_URL,
    NOTIFY_EMAIL_FROM: env.NOTIFY_EMAIL_FROM,
  }).find((c) => c.channel === 'email');
  const alerts = new AlertsService({
    database,
    store: stores.alerts,
    rules: loadRulesConfig(env.MONITORING_RULES_FILE),
    pubsub,
    logger,
    email,
    metrics,
    settings: { intervalMs: env.ALERTS_INTERVAL_MS, officerEmail: env.SECURITY_ALERT_EMAIL },
  });
  return { alerts, pubsub };
}

export type SecurityContext = BaseContext & {
  stores: Stores;
  services: Services;
  loaders: ReturnType<typeof createLoaders>;
};

const byKey =
  <V>(load: (ids: readonly string[]) => Promise<Map<string, V>>) =>
  async (ids: readonly string[]) => {
    const found = await load(ids);
    return ids.map((id) => found.get(id) ?? null);
  };

/** Per-request loaders on top of the stores (no N+1 for lists and _entities). */
export function createLoaders(stores: Stores) {
  return {
    alert: new DataLoader<string, AlertRecord | null>(byKey((ids) => stores.alerts.byIds(ids))),
    alertSteps: new DataLoader<string, AlertStepRecord[]>(async (ids) => {
      const found = await stores.alerts.stepsOf(ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
    dataRequest: new DataLoader<string, DataRequestRecord | null>(async (ids) => {
      const found = await stores.requests.byIds(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    dataRequestSteps: new DataLoader<string, DataRequestStepRecord[]>(async (ids) => {
      const steps = await stores.requests.stepsOf(ids);
      return ids.map((id) => steps.filter((s) => s.requestId === id));
    }),
    incident: new DataLoader<string, IncidentRecord | null>(byKey((ids) => stores.incidents.byIds(ids))),
    incidentSteps: new DataLoader<string, IncidentStepRecord[]>(async (ids) => {
      const found = await stores.incidents.stepsOf(ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
    incidentAlerts: new DataLoader<string, string[]>(async (ids) => {
      const found = await stores.incidents.alertIdsOf(ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
  };
}
