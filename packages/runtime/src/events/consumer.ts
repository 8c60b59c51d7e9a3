import type express from 'express';
import { z } from 'zod';
import type { TokenVerifier } from '../auth';
import type { Database, Query } from '../db';
import { applyOnce, type DomainEvent } from './outbox';

/**
 * Applies one event inside the consumer's transaction (`q`, also joined by stores that use
 * `database.query`). Throwing rolls back the effect and the inbox row: the event stays
 * unapplied and is delivered again (or dead-lettered after the broker consumer's attempts).
 */
export type EventHandler = (event: DomainEvent, q: Query) => Promise<void>;

/** Handlers by event type, e.g. `{ 'appointment.booked': async (event, q) => … }`. */
export type EventHandlers = Record<string, EventHandler>;

export type EventConsumerOptions = {
  /**
   * `<service>.<purpose>`, e.g. `patient.care`: the inbox key, and with a broker the durable
   * queue's name (the service's broker user may read only queues starting with `<service>.`).
   */
  name: string;
  database: Database;
  handlers: EventHandlers;
  /** The producing service (broker: the queue is bound to its exchange `<from>.events`). */
  from?: string;
};

/** What happened to one delivered event. */
export type EventOutcome = 'applied' | 'duplicate' | 'ignored';

export type EventConsumer = {
  readonly name: string;
  /** The service the name starts with (owner of the inbox and of the broker queue). */
  readonly service: string;
  readonly from: string | undefined;
  /** The event types this consumer has handlers for (the queue's bindings). */
  readonly types: string[];
  /**
   * Applies an event exactly once: the inbox insert and the handler run in one transaction.
   * Types without a handler are ignored (not recorded): a shared sink may carry other types.
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
      const handler = Object.hasOwn(handlers, event.type) ? handlers[event.type] : undefined;
      if (!handler) return 'ignored';
      const applied = await applyOnce(opts.database, event, (q) => handler(event, q), opts.name);
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
 * `POST /internal/events`: the HTTP inbox (the embedded default's transport). Only machine
 * clients of role `service` with scope `events:write` may post; the body is validated before
 * anything runs, and each event goes to every consumer. A handler's validation error (zod)
 * answers 400 with the event's id; that event's effects are rolled back.
 */
export function mountEventInbox(
  app: express.Express,
  deps: { verifier: TokenVerifier; consumers: EventConsumer[] },
) {
  app.post('/internal/events', async (req, res) => {
    try {
      const principal = await deps.verifier.fromHeader(req.header('authorization'));
      if (principal.role !== 'service' || !principal.scopes.includes('events:write')) {
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
      for (const consumer of deps.consumers) {
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
