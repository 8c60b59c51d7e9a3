import type { Database } from '../db';
import { amqpEventSink } from '../events/amqp';
import { type ClientCredentials, httpEventSink } from '../events/client-credentials';
import { type DomainEvent, OutboxRelay } from '../events/outbox';
import type { Logger } from '../logger';

/**
 * The relay of this service's outbox: to `options.deliverEvents` (tests), else with `amqpUrl`
 * (EVENTS_AMQP_URL) to the broker's `<service>.events` exchange with publisher confirms, else to
 * every consumer's HTTP inbox (`url` and `moreUrls`, with the service's own token; a batch counts
 * as delivered when every inbox took it, and inboxes drop what they already took). Undefined when there is no
 * destination: events then stay in the outbox until one is configured.
 */
export function outboxRelay(o: {
  url: string | undefined;
  /** Further consumers' inboxes (EVENTS_HTTP_CONSUMERS): each receives every event. */
  moreUrls?: readonly string[] | undefined;
  intervalMs: number;
  service: string;
  amqpUrl: string | undefined;
  onClose(step: () => unknown): void;
  database: Database;
  logger: Logger;
  credentials: ClientCredentials | undefined;
  options: { deliverEvents?: (events: DomainEvent[]) => Promise<void> };
}): OutboxRelay | undefined {
  let deliver = o.options.deliverEvents;
  if (!deliver && o.amqpUrl) {
    const sink = amqpEventSink({ url: o.amqpUrl, service: o.service });
    o.onClose(() => sink.close());
    deliver = sink;
  }
  const urls = [...new Set([...(o.url ? [o.url] : []), ...(o.moreUrls ?? [])])];
  if (!deliver && urls.length && o.credentials) deliver = httpEventSink(urls, o.credentials);
  if (!deliver) return undefined;
  return new OutboxRelay({
    database: o.database,
    deliver,
    intervalMs: o.intervalMs,
    onError: (err) => o.logger.warn({ err: (err as Error).message }, 'outbox delivery failed; will retry'),
  });
}
