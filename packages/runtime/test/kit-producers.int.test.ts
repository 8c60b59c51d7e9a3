import { randomUUID } from 'node:crypto';
import { loadPolicy } from '@medikamente/schema';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AUDIT_MIGRATIONS } from '../src/audit';
import { parseEnv } from '../src/env';
import { INBOX_MIGRATION } from '../src/events/outbox';
import { defineSubgraph, eventConsumers } from '../src/kit';
import { subgraphEnv } from '../src/kit/env';
import { createTestDatabase, createTestIssuer, type TestIssuer } from '../src/testing';

/** A subgraph consuming the events of two producers: one consumer (inbox, queue) per producer. */
const loadEnv = (source?: Record<string, string | undefined>) =>
  parseEnv(z.object({ ...subgraphEnv('twofold', 4998) }), source);

const SEEN_MIGRATION = {
  name: '0001_twofold_seen.sql',
  sql: 'create table if not exists twofold_seen (event_id uuid not null, type text not null)',
};

const twofold = defineSubgraph({
  name: 'twofold',
  env: loadEnv,
  typeDefs: parse('type Query { ok: Boolean }'),
  resolvers: { Query: { ok: () => true } },
  migrations: [...AUDIT_MIGRATIONS, INBOX_MIGRATION, SEEN_MIGRATION],
  stores: () => ({}),
  context: () => ({}),
  events: () => {
    const record = async (event: { id: string; type: string }, q: (sql: string, p: unknown[]) => unknown) => {
      await q('insert into twofold_seen (event_id, type) values ($1, $2)', [event.id, event.type]);
    };
    return { schedule: { 'appointment.*': record }, lab: { 'lab.*': record } };
  },
  eventsFrom: ['schedule', 'lab'],
});

describe('a subgraph consuming from two producers', () => {
  let issuer: TestIssuer;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let service: Awaited<ReturnType<typeof twofold.create>>;
  let base: string;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    db = await createTestDatabase('kit_twofold');
    const env = loadEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: 'memory://',
      ...(db.url ? { TWOFOLD_DATABASE_URL: db.url } : {}),
    });
    service = await twofold.create(env, {
      verifier: issuer.verifier,
      policy: { ...loadPolicy(), operations: {} },
    });
    base = (await service.listen(0)).url;
  });
  afterAll(async () => {
    await service?.close();
    await db?.drop();
  });

  const post = async (events: unknown[], scope?: string) =>
    fetch(`${base}/internal/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await issuer.sign({ role: 'service', ...(scope ? { scope } : {}) })}`,
      },
      body: JSON.stringify({ events }),
    });
  const event = (type: string) => ({
    id: randomUUID(),
    type,
    occurredAt: new Date().toISOString(),
    payload: {},
  });
  const seen = async (id: string) =>
    (
      await service.database.query<{ type: string }>('select type from twofold_seen where event_id = $1', [
        id,
      ])
    ).map((r) => r.type);
  const inboxOf = async (id: string) =>
    (
      await service.database.query<{ consumer: string }>(
        'select consumer from inbox where event_id = $1 order by consumer',
        [id],
      )
    ).map((r) => r.consumer);

  it('keeps <name>.inbox for the first producer and names the others by producer', () => {
    expect(service.inbox?.name).toBe('twofold.inbox');
    expect(service.inboxes.map((c) => [c.name, c.from, c.types])).toEqual([
      ['twofold.inbox', 'schedule', ['appointment.*']],
      ['twofold.inbox.lab', 'lab', ['lab.*']],
    ]);
    expect(service.brokers).toEqual([]);
  });

  it("hands a producer's batch only to that producer's consumer, once", async () => {
    const visit = event('appointment.completed');
    const order = event('lab.order_placed');
    expect(await (await post([visit], 'events:write:schedule')).json()).toEqual({ received: 1, applied: 1 });
    expect(await (await post([visit], 'events:write:schedule')).json()).toEqual({ received: 1, applied: 0 });
    expect(await (await post([order], 'events:write:lab')).json()).toEqual({ received: 1, applied: 1 });
    expect(await seen(visit.id)).toEqual(['appointment.completed']);
    expect(await inboxOf(visit.id)).toEqual(['twofold.inbox']);
    expect(await seen(order.id)).toEqual(['lab.order_placed']);
    expect(await inboxOf(order.id)).toEqual(['twofold.inbox.lab']);
  });

  it("never runs one producer's handlers on another producer's token", async () => {
    // The schedule's token posting a lab type: its consumer has no handler, nothing happens.
    const forged = event('lab.order_placed');
    expect((await post([forged], 'events:write:schedule')).status).toBe(200);
    expect(await seen(forged.id)).toEqual([]);
    expect(await inboxOf(forged.id)).toEqual(['twofold.inbox']);
    // And the lab consumer still takes the same id from the lab.
    expect(await (await post([forged], 'events:write:lab')).json()).toEqual({ received: 1, applied: 1 });
    expect(await seen(forged.id)).toEqual(['lab.order_placed']);
  });

  it('refuses a service token with neither producer scope (403)', async () => {
    const e = event('appointment.completed');
    expect((await post([e])).status).toBe(403);
    expect((await post([e], 'events:write')).status).toBe(403);
    expect((await post([e], 'events:write:record')).status).toBe(403);
    expect(await inboxOf(e.id)).toEqual([]);
  });

  it('refuses definitions whose handlers do not match the producers', () => {
    const noop = { 'x.*': async () => {} };
    expect(
      eventConsumers('svc', ['a', 'b'], { a: noop, b: noop }, service.database).map((c) => c.name),
    ).toEqual(['svc.inbox', 'svc.inbox.b']);
    expect(() => eventConsumers('svc', ['a', 'b'], { a: noop }, service.database)).toThrow(/producer "b"/);
    expect(() => eventConsumers('svc', ['a'], { a: noop, c: noop }, service.database)).toThrow(
      /not in eventsFrom: c/,
    );
    // Flat handlers with several producers: their types are not producers.
    expect(() => eventConsumers('svc', ['a', 'b'], noop, service.database)).toThrow(
      /not in eventsFrom: x\.\*/,
    );
    expect(() => eventConsumers('svc', ['a', 'a'], { a: noop }, service.database)).toThrow(/distinct/);
    expect(() => eventConsumers('svc', 'a', { a: noop }, service.database)).toThrow(/an array/);
  });
});
