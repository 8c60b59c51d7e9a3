import { randomUUID } from 'node:crypto';
import { loadPolicy } from '@medikamente/schema';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AUDIT_MIGRATIONS } from '../src/audit';
import { parseEnv } from '../src/env';
import { amqpEventSink } from '../src/events/amqp';
import { INBOX_MIGRATION } from '../src/events/outbox';
import { defineSubgraph } from '../src/kit';
import { subgraphEnv } from '../src/kit/env';
import { createTestDatabase, createTestIssuer } from '../src/testing';
import { createTestBroker, type TestBroker, until } from '../src/testing/broker';

/*
 * A subgraph consuming two producers over the real RabbitMQ: one queue per producer
 * (`twofold.inbox` on schedule.events, `twofold.inbox.lab` on lab.events), each consumed by the kit.
 */
const QUEUES = [
  { name: 'twofold.inbox', from: 'schedule', types: ['appointment.*'] },
  { name: 'twofold.inbox.lab', from: 'lab', types: ['lab.*'] },
];
const broker = await createTestBroker([
  { name: 'schedule', produces: true },
  { name: 'lab', produces: true },
  { name: 'twofold', consumers: QUEUES },
]);
const skipped = 'unavailable' in broker ? broker.unavailable : undefined;
if (skipped) console.warn(`RabbitMQ tests skipped: ${skipped}`);
const b = broker as TestBroker;

const loadEnv = (source?: Record<string, string | undefined>) =>
  parseEnv(z.object({ ...subgraphEnv('twofold', 4997) }), source);

const twofold = defineSubgraph({
  name: 'twofold',
  env: loadEnv,
  typeDefs: parse('type Query { ok: Boolean }'),
  resolvers: { Query: { ok: () => true } },
  migrations: [
    ...AUDIT_MIGRATIONS,
    INBOX_MIGRATION,
    {
      name: '0001_twofold_seen.sql',
      sql: 'create table if not exists twofold_seen (event_id uuid not null, type text not null)',
    },
  ],
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

let service: Awaited<ReturnType<typeof twofold.create>>;
let drop: () => Promise<void>;
const sinks = skipped
  ? undefined
  : {
      schedule: amqpEventSink({ url: b.urls.schedule!, service: 'schedule' }),
      lab: amqpEventSink({ url: b.urls.lab!, service: 'lab' }),
    };

beforeAll(async () => {
  if (skipped) return;
  const db = await createTestDatabase('kit_twofold_amqp');
  drop = db.drop;
  const env = loadEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    EVENTS_AMQP_URL: b.urls.twofold!,
    ...(db.url ? { TWOFOLD_DATABASE_URL: db.url } : {}),
  });
  const issuer = await createTestIssuer();
  service = await twofold.create(env, {
    verifier: issuer.verifier,
    policy: { ...loadPolicy(), operations: {} },
  });
  await Promise.all(service.brokers.map((c) => c.ready));
}, 120_000);
afterAll(async () => {
  await sinks?.schedule.close();
  await sinks?.lab.close();
  await service?.close();
  await drop?.();
  if (!skipped) await b.drop();
}, 120_000);

const event = (type: string) => ({
  id: randomUUID(),
  type,
  occurredAt: new Date().toISOString(),
  payload: {},
});

describe.skipIf(skipped)('a subgraph consuming two producers through RabbitMQ', () => {
  it("takes each producer's events from its own queue into its own inbox", async () => {
    expect(service.brokers).toHaveLength(2);
    expect(service.broker).toBe(service.brokers[0]);
    const visit = event('appointment.completed');
    const order = event('lab.order_placed');
    // The schedule's exchange carrying a lab type: no queue of the subgraph is bound to it there
    // (sent first: a queue bound to it would have applied it before the visit).
    const stray = event('lab.order_placed');
    await sinks!.schedule([stray, visit]);
    await sinks!.lab([order]);
    const inboxOf = async (id: string) =>
      (
        await service.database.query<{ consumer: string }>('select consumer from inbox where event_id = $1', [
          id,
        ])
      ).map((r) => r.consumer);
    await until(
      'both events applied',
      async () => (await inboxOf(visit.id)).length + (await inboxOf(order.id)).length === 2,
    );
    expect(await inboxOf(visit.id)).toEqual(['twofold.inbox']);
    expect(await inboxOf(order.id)).toEqual(['twofold.inbox.lab']);
    const seen = await service.database.query<{ event_id: string; type: string }>(
      'select event_id, type from twofold_seen order by type',
    );
    expect(seen).toEqual([
      { event_id: visit.id, type: 'appointment.completed' },
      { event_id: order.id, type: 'lab.order_placed' },
    ]);
    expect(await inboxOf(stray.id)).toEqual([]);
    // Over the broker the queues are the only way in: no HTTP inbox.
    const url = (await service.listen(0)).url;
    expect((await fetch(`${url}/internal/events`, { method: 'POST' })).status).toBe(404);
  });
});
