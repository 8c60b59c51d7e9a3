import express from 'express';
import { z } from 'zod';
import type { TokenVerifier } from '../auth';
import type { Database, Query } from '../db';
import { applyOnce, type DomainEvent } from './outbox';

/**
 * Applies one event inside the consumer's inbox transaction (`q`, also joined by stores that use
 * `database.query`): the effect commits together with the inbox row, so a redelivered event
 * changes nothing. Throwing rolls both back: over HTTP a zod error refuses the batch with 400
 * (malformed payload), any other error fails it with 500 and the producer retries; from a broker
 * queue the event is retried and dead-lettered after its attempts.
 */
export type EventHandler = (event: DomainEvent, q: Query) => Promise<void>;

/** Handlers by event type: an exact type (`appointment.booked`) or a prefix (`appointment.*`). */
export type EventHandlers = Record<string, EventHandler>;

/** The handler for an event type: its exact entry, else the longest matching `prefix.*` entry. */
export function handlerFor(handlers: EventHandlers, type: string): EventHandler | undefined {
  if (Object.hasOwn(handlers, type)) return handlers[type];
  let best: { prefix: string; handler: EventHandler } | undefined;
  for (const [key, handler] of Object.entries(handlers)) {
    if (!key.endsWith('.*')) continue;
    const prefix = key.slice(0, -1);
    if (type.startsWith(prefix) && (!best || prefix.length > best.prefix.length)) best = { prefix, handler };
  }
  return best?.handler;
}

export type EventConsumerOptions = {
  /**
   * `<service>.<purpose>`, e.g. `patient.inbox`: the inbox key, and with a broker the durable
   * queue's name (the service's broker user may read only queues starting with `<service>.`).
   */
  name: string;
  database: Database;
  handlers: EventHandlers;
  /** The producing service (broker: the queue is bound to its exchange `<from>.events`). */
  from?: string;
};

/** What happened to one delivered event. */
export type EventOutcome = 'applied' | 'duplicate';

export type EventConsumer = {
  readonly name: string;
  /** The service the name starts with (owner of the inbox and of the broker queue). */
  readonly service: string;
  readonly from: string | undefined;
  /** The handlers' keys (`appointment.booked`, `appointment.*`): the broker queue's bindings. */
  readonly types: string[];
  /**
   * Applies an event exactly once: the inbox insert and the handler run in one transaction.
   * An event of a type without a handler is recorded too and changes nothing.
   */
  handle(event: DomainEvent): Promise<EventOutcome>;
};

const NAME = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9.-]*$/;

/**
 * A consumer of other services' events with its own inbox (deduplicated by event id) and
 * handlers registered by type. The same consumer serves the HTTP inbox (`mountEventInbox`) and
 * a broker queue (`startAmqpConsumer`); several consumers may take the same event type.
 */
export function createEventConsumer(opts: EventConsumerOptions): EventConsumer {
  if (!NAME.test(opts.name))
    throw new Error(`consumer name "${opts.name}" must look like <service>.<purpose>`);
  const handlers = { ...opts.handlers };
  return {
    name: opts.name,
    service: opts.name.slice(0, opts.name.indexOf('.')),
    from: opts.from,
    types: Object.keys(handlers).sort(),
    async handle(event) {
      const handler = handlerFor(handlers, event.type);
      const applied = await applyOnce(opts.database, event, async (q) => handler?.(event, q), opts.name);
      return applied ? 'applied' : 'duplicate';
    },
  };
}

/** The envelope every transport carries (validated before any handler runs). */
export const domainEventSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1).max(100),
  occurredAt: z.string().max(40),
  payload: z.record(z.string(), z.unknown()),
});

const batch = z.object({ events: z.array(domainEventSchema).max(500) });

/**
 * The scope a producer's service client needs to post to a consumer's HTTP inbox:
 * `events:write:<producer>` when the consumer names its producer (`from`), so a service client of
 * another service — or one minted for an integration — cannot feed it forged events; plain
 * `events:write` only for consumers that name none.
 */
export const writeScope = (consumer: Pick<EventConsumer, 'from'>) =>
  consumer.from ? `events:write:${consumer.from}` : 'events:write';

/**
 * `POST /internal/events`: the HTTP inbox (the embedded default's transport). Only machine
 * clients of role `service` holding the write scope (`writeScope`) of at least one consumer may
 * post; the body is validated before anything runs, and each event goes to every consumer whose
 * write scope the poster holds (a service consuming from several producers keeps one consumer
 * per producer, so a producer's batch reaches only its own). A handler's validation error (zod)
 * answers 400 with the event's id; that event's effects are rolled back.
 */
export function mountEventInbox(
  app: express.Express,
  deps: { verifier: TokenVerifier; consumers: EventConsumer[] },
) {
  app.use('/internal/events', express.json({ limit: '1mb' }));
  app.post('/internal/events', async (req, res) => {
    let consumers: EventConsumer[];
    try {
      const principal = await deps.verifier.fromHeader(req.header('authorization'));
      consumers =
        principal.role === 'service'
          ? deps.consumers.filter((c) => principal.scopes.includes(writeScope(c)))
          : [];
      if (!consumers.length) {
        res
          .status(principal.role ? 403 : 401)
          .json({ error: principal.role ? 'FORBIDDEN' : 'UNAUTHENTICATED' });
        return;
      }
    } catch {
      res.status(401).json({ error: 'UNAUTHENTICATED' });
      return;
    }
    const parsed = batch.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'BAD_USER_INPUT' });
      return;
    }
    let applied = 0;
    for (const event of parsed.data.events) {
      for (const consumer of consumers) {
        try {
          if ((await consumer.handle(event)) === 'applied') applied++;
        } catch (err) {
          if (err instanceof z.ZodError) {
            res.status(400).json({ error: 'BAD_USER_INPUT', eventId: event.id });
            return;
          }
          throw err;
        }
      }
    }
    res.json({ received: parsed.data.events.length, applied });
  });
}
