import express from 'express';
import { z } from 'zod';
import type { TokenVerifier } from '../auth';
import type { Database, Query } from '../db';
import { applyOnce, type DomainEvent } from '../events/outbox';

/**
 * Applies one event inside the inbox transaction (`q`): the effect commits together with the
 * inbox row, so a redelivered event changes nothing. Throwing a zod error refuses the batch
 * with 400 (malformed payload); any other error fails it with 500 and the producer retries.
 */
export type EventHandler = (event: DomainEvent, q: Query) => Promise<void>;

/** Handlers by event type: an exact type (`appointment.booked`) or a prefix (`appointment.*`). */
export type EventHandlers = Record<string, EventHandler>;

const batch = z.object({
  events: z
    .array(
      z.object({
        id: z.uuid(),
        type: z.string().max(100),
        occurredAt: z.string().max(40),
        payload: z.record(z.string(), z.unknown()),
      }),
    )
    .max(500),
});

/** The handler for an event type: its exact entry, else the longest matching `prefix.*` entry. */
export function handlerFor(handlers: EventHandlers, type: string): EventHandler | undefined {
  if (handlers[type]) return handlers[type];
  let best: { prefix: string; handler: EventHandler } | undefined;
  for (const [key, handler] of Object.entries(handlers)) {
    if (!key.endsWith('.*')) continue;
    const prefix = key.slice(0, -1);
    if (type.startsWith(prefix) && (!best || prefix.length > best.prefix.length)) best = { prefix, handler };
  }
  return best?.handler;
}

/**
 * `POST /internal/events`: the inbox of events from other services. Only machine clients of
 * role `service` with scope `events:write` may post; the body is validated before anything
 * runs. Every event is recorded once in `inbox` (also types without a handler, which change
 * nothing), so redelivery is harmless.
 */
export function mountEventInbox(
  app: express.Express,
  deps: { database: Database; verifier: TokenVerifier; handlers: EventHandlers },
) {
  app.use('/internal/events', express.json({ limit: '1mb' }));
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
      const handler = handlerFor(deps.handlers, event.type);
      try {
        if (await applyOnce(deps.database, event, async (q) => handler?.(event, q))) applied++;
      } catch (err) {
        if (err instanceof z.ZodError) {
          res.status(400).json({ error: 'BAD_USER_INPUT', eventId: event.id });
          return;
        }
        throw err;
      }
    }
    res.json({ received: parsed.data.events.length, applied });
  });
}
