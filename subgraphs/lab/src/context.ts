import { channelsFromEnv } from '@medikamente/notifications';
import {
  AuditLog,
  type BaseContext,
  type BlobStorage,
  type Database,
  type Logger,
  loadMasterEnvelope,
  PgPubSub,
  SubjectKeyring,
} from '@medikamente/runtime';
import DataLoader from 'dataloader';
import type { LabEnv } from './env';
import { AlertsService } from './modules/alerts/alerts.service';
import { type AlertRecord, type AlertStepRecord, AlertStore } from './modules/alerts/alerts.store';
import { CareStore } from './modules/care/care.store';
import { CatalogueStore, type LabTestRecord } from './modules/catalogue/catalogue.store';
import { OrdersService } from './modules/orders/orders.service';
import { type OrderRecord, OrderStore, type OrderTest } from './modules/orders/orders.store';
import { PartnerService } from './modules/partner/partner.service';
import { ReportService } from './modules/reports/reports.service';
import { type ReportRecord, ReportStore } from './modules/reports/reports.store';
import { ResultIngest } from './modules/results/results.ingest';
import { type ResultRecord, ResultStore } from './modules/results/results.store';

export type Stores = {
  keyring: SubjectKeyring;
  care: CareStore;
  catalogue: CatalogueStore;
  orders: OrderStore;
  results: ResultStore;
  alerts: AlertStore;
  reports: ReportStore;
  audit: AuditLog;
};

/** The subgraph's stores on its database. */
export const createStores = (database: Database, env: LabEnv): Stores => ({
  keyring: new SubjectKeyring(database, loadMasterEnvelope('LAB', env)),
  care: new CareStore(database, env.CARE_WINDOW_DAYS),
  catalogue: new CatalogueStore(database),
  orders: new OrderStore(database),
  results: new ResultStore(database),
  alerts: new AlertStore(database),
  reports: new ReportStore(database),
  audit: new AuditLog(database),
});

export type Services = {
  orders: OrdersService;
  partner: PartnerService;
  ingest: ResultIngest;
  reports: ReportService;
  alerts: AlertsService;
  pubsub: PgPubSub;
};

/** Domain services on the stores. */
export function createServices(deps: {
  stores: Stores;
  env: LabEnv;
  database: Database;
  logger: Logger;
  blobs: BlobStorage;
  onClose(step: () => unknown): void;
}): Services {
  const { stores, env, database, logger } = deps;
  const pubsub = new PgPubSub(database);
  deps.onClose(() => pubsub.close());
  const email = channelsFromEnv({
    NOTIFY_SMTP_URL: env.NOTIFY_SMTP_URL,
    NOTIFY_EMAIL_FROM: env.NOTIFY_EMAIL_FROM,
  }).find((c) => c.channel === 'email');
  const alerts = new AlertsService({
    database,
    store: stores.alerts,
    pubsub,
    logger,
    email,
    settings: {
      escalateAfterSec: env.CRITICAL_ESCALATION_SEC,
      escalateTo: env.CRITICAL_ESCALATION_ACCOUNT_ID,
      alertEmail: env.LAB_ALERT_EMAIL,
      escalationEmail: env.LAB_ESCALATION_EMAIL,
      checkEveryMs: env.ALERT_CHECK_MS,
    },
  });
  return {
    orders: new OrdersService({
      database,
      orders: stores.orders,
      catalogue: stores.catalogue,
      care: stores.care,
    }),
    partner: new PartnerService({ database, orders: stores.orders }),
    ingest: new ResultIngest({
      database,
      orders: stores.orders,
      catalogue: stores.catalogue,
      results: stores.results,
      alerts,
    }),
    reports: new ReportService({
      database,
      orders: stores.orders,
      results: stores.results,
      reports: stores.reports,
      keyring: stores.keyring,
      blobs: deps.blobs,
      maxBytes: env.LAB_REPORT_MAX_BYTES,
    }),
    alerts,
    pubsub,
  };
}

export type LabContext = BaseContext & {
  stores: Stores;
  services: Services;
  loaders: ReturnType<typeof createLoaders>;
};

const byIds =
  <T>(load: (ids: readonly string[]) => Promise<Map<string, T>>) =>
  async (ids: readonly string[]) => {
    const found = await load(ids);
    return ids.map((id) => found.get(id) ?? null);
  };
const grouped =
  <T>(load: (ids: readonly string[]) => Promise<Map<string, T[]>>) =>
  async (ids: readonly string[]) => {
    const found = await load(ids);
    return ids.map((id) => found.get(id) ?? []);
  };

/** Per-request loaders on top of the stores (no N+1 for lists and _entities). */
export function createLoaders(stores: Stores) {
  return {
    order: new DataLoader<string, OrderRecord | null>(byIds((ids) => stores.orders.byIds(ids))),
    orderTests: new DataLoader<string, OrderTest[]>(grouped((ids) => stores.orders.testsOf(ids))),
    test: new DataLoader<string, LabTestRecord | null>(byIds((ids) => stores.catalogue.byIds(ids))),
    result: new DataLoader<string, ResultRecord | null>(byIds((ids) => stores.results.byIds(ids))),
    resultsOfOrder: new DataLoader<string, ResultRecord[]>(grouped((ids) => stores.results.forOrders(ids))),
    reportsOfOrder: new DataLoader<string, ReportRecord[]>(grouped((ids) => stores.reports.forOrders(ids))),
    alert: new DataLoader<string, AlertRecord | null>(byIds((ids) => stores.alerts.byIds(ids))),
    alertSteps: new DataLoader<string, AlertStepRecord[]>(grouped((ids) => stores.alerts.stepsOf(ids))),
  };
}
