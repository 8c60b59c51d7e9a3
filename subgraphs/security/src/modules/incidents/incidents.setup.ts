import { channelsFromEnv, Notifier } from '@medikamente/notifications';
import type { Database, Logger } from '@medikamente/runtime';
import type { SecurityEnv } from '../../env';
import type { AlertStore } from '../alerts/alerts.store';
import type { SecurityMetrics } from '../monitoring/metrics';
import { IncidentsService } from './incidents.service';
import type { IncidentStore } from './incidents.store';

/** Options of `createSecurityService` for the incidents module (tests, tools). */
export type IncidentsOptions = {
  /** How often the overdue job looks at incidents (default one minute). */
  incidentCheckMs?: number;
  /** The clock of deadlines and the overdue job (tests). */
  now?: () => Date;
};

/**
 * The incidents service from the subgraph's env: the same e-mail channel as the alerts and the
 * requests (NOTIFY_SMTP_URL, NOTIFY_EMAIL_FROM); overdue notices go to the officers' mailbox
 * (SECURITY_ALERT_EMAIL, else DSR_OFFICERS_EMAIL).
 */
export function createIncidentsService(deps: {
  env: SecurityEnv;
  database: Database;
  logger: Logger;
  stores: { incidents: IncidentStore; alerts: AlertStore };
  metrics: SecurityMetrics;
  options: IncidentsOptions;
}): IncidentsService {
  const { env, database, logger, stores, metrics, options } = deps;
  const email = channelsFromEnv({
    NOTIFY_SMTP_URL: env.NOTIFY_SMTP_URL,
    NOTIFY_EMAIL_FROM: env.NOTIFY_EMAIL_FROM,
  }).find((c) => c.channel === 'email');
  return new IncidentsService({
    database,
    store: stores.incidents,
    alerts: stores.alerts,
    email,
    notifier: new Notifier({
      database,
      channels: email ? [email] : [],
      logger,
      maxAttemptsPerChannel: 2,
      backoffMs: () => 1000,
    }),
    metrics,
    logger,
    now: options.now,
    settings: {
      officersEmail: env.SECURITY_ALERT_EMAIL ?? env.DSR_OFFICERS_EMAIL,
      checkEveryMs: options.incidentCheckMs ?? 60_000,
    },
  });
}
