import type { Database } from '../db';
import { type ClientCredentials, httpEventSink } from '../events/client-credentials';
import { type DomainEvent, OutboxRelay } from '../events/outbox';
import type { Logger } from '../logger';

/**
 * The relay of this service's outbox to the consumer's HTTP inbox (`url`, with the service's
 * own token), or to `options.deliverEvents` (tests). Undefined when there is no destination:
 * events then stay in the outbox until one is configured.
 */
export function outboxRelay(o: {
  url: string | undefined;
  intervalMs: number;
  database: Database;
  logger: Logger;
  credentials: ClientCredentials | undefined;
  options: { deliverEvents?: (events: DomainEvent[]) => Promise<void> };
}): OutboxRelay | undefined {
  let deliver = o.options.deliverEvents;
  if (!deliver && o.url && o.credentials) deliver = httpEventSink(o.url, o.credentials);
  if (!deliver) return undefined;
  return new OutboxRelay({
    database: o.database,
    deliver,
    intervalMs: o.intervalMs,
    onError: (err) => o.logger.warn({ err: (err as Error).message }, 'outbox delivery failed; will retry'),
  });
}
