import { channelsFromEnv, Notifier } from '@medikamente/notifications';
import type { Database, IdempotencyStore, Logger } from '@medikamente/runtime';
import type { SecurityEnv } from '../../env';
import { ProductionCalendar } from '../calendar/calendar';
import type { SecurityMetrics } from '../monitoring/metrics';
import { type OwnerEmails, RequestsService } from './requests.service';
import type { DataRequestStore } from './requests.store';

/** Options of `createSecurityService` for the requests module (tests, tools). */
export type RequestsOptions = {
  /** Looks up an owner's e-mail by staff account id; default none (the officers' mailbox is used). */
  ownerEmails?: OwnerEmails;
  /** The clock of deadlines and reminders (tests). */
  now?: () => Date;
};

/** The requests service from the subgraph's env: calendar file, e-mail channel, reminder settings. */
export function createRequestsService(deps: {
  env: SecurityEnv;
  database: Database;
  logger: Logger;
  stores: { requests: DataRequestStore; idempotency: IdempotencyStore; metrics: SecurityMetrics };
  options: RequestsOptions;
}): RequestsService {
  const { env, database, logger, stores, options } = deps;
  const calendar = ProductionCalendar.load(env.PRODUCTION_CALENDAR_FILE);
  const year = Number(calendar.localDate(options.now?.() ?? new Date()).slice(0, 4));
  for (const y of [year, year + 1])
    if (!calendar.isConfigured(y)) logger.warn({ year: y }, 'production calendar: year not configured');
    else if (!calendar.isVerified(y))
      logger.warn({ year: y }, 'production calendar: year has unverified entries');
  const email = channelsFromEnv({
    NOTIFY_SMTP_URL: env.NOTIFY_SMTP_URL,
    NOTIFY_EMAIL_FROM: env.NOTIFY_EMAIL_FROM,
  }).find((c) => c.channel === 'email');
  return new RequestsService({
    database,
    store: stores.requests,
    idempotency: stores.idempotency,
    calendar,
    email,
    notifier: new Notifier({
      database,
      channels: email ? [email] : [],
      logger,
      maxAttemptsPerChannel: 2,
      backoffMs: () => 1000,
    }),
    ownerEmails: options.ownerEmails ?? (async () => undefined),
    metrics: stores.metrics,
    logger,
    now: options.now,
    settings: {
      remindWithin: env.DSR_REMIND_WITHIN_DAYS,
      officersEmail: env.DSR_OFFICERS_EMAIL,
      consoleUrl: env.DSR_CONSOLE_URL,
      checkEveryMs: env.DSR_CHECK_MS,
    },
  });
}
