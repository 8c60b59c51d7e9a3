import { randomUUID } from 'node:crypto';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db';
import { type AmqpConsumer, amqpEventSink, deadLetterQueueOf, startAmqpConsumer } from '../src/events/amqp';
import { createEventConsumer } from '../src/events/consumer';
import { addToOutbox, INBOX_MIGRATIONS, OUTBOX_MIGRATION, OutboxRelay } from '../src/events/outbox';
import { createTestBroker, type TestBroker, until } from '../src/testing/broker';
import { createTestDatabase } from '../src/testing/database';

/*
 * The RabbitMQ transport against the real broker (a vhost of its own, deleted afterwards):
 * schedule produces appointment events; patient and record each consume them through their own
 * queue and inbox.
 */

const MAX_ATTEMPTS = 3;
const CARE = {
  name: 'patient.care',
  from: 'schedule',
  types: ['appointment.booked'],
  maxAttempts: MAX_ATTEMPTS,
};
const VISITS = {
  name: 'record.visits',
  from: 'schedule',
  types: ['appointment.booked'],
  maxAttempts: MAX_ATTEMPTS,
};

const broker = await createTestBroker([
  { name: 'schedule', produces: true },
  { name: 'patient', consumers: [CARE] },
  { name: 'record', consumers: [VISITS] },
]);
const skipped = 'unavailable' in broker ? broker.unavailable : undefined;
if (skipped) console.warn(`RabbitMQ tests skipped: ${skipped}`);
const b = broker as TestBroker;

const EFFECT_MIGRATION = {
  name: '0001_effect.sql',
  sql: 'create table effect (event_id uuid not null, consumer text not null)',
};
const drops: Array<() => Promise<void>> = [];
const open = async (label: string, migrations: Array<{ name: string; sql: string }>) => {
  const db = await createTestDatabase(label);
  drops.push(db.drop);
  const database = await openDatabase({ url: db.url, dataDir: 'memory://', migrations });
  drops.unshift(() => database.close());
  return database;
};

let producer: Database;
const inboxes: Record<string, Database> = {};
let relay: OutboxRelay;
let sink: ReturnType<typeof amqpEventSink>;

/** A consumer applying `appointment.booked` into its `effect` table (no unique key: duplicates would show). */
const consumerOf = (name: string) =>
  createEventConsumer({
    name,
    from: 'schedule',
    database: inboxes[name]!,
    handlers: {
      'appointment.booked': async (event, q) => {
        if (event.payload.poisonFor === name) throw new Error('cannot project this appointment');
        await q('insert into effect (event_id, consumer) values ($1, $2)', [event.id, name]);
      },
    },
  });
const running = new Map<string, AmqpConsumer>();
/** Starts (a new instance of) a consumer on its service's own broker user. */
const start = async (name: string) => {
  await running.get(name)?.close();
  const c = startAmqpConsumer({
    url: b.urls[name.split('.')[0]!]!,
    consumer: consumerOf(name),
    maxAttempts: MAX_ATTEMPTS,
    retryDelayMs: 20,
  });
  running.set(name, c);
  await c.ready;
  return c;
};
const ensureRunning = async (name: string) => running.get(name) ?? start(name);

const emit = async (payload: Record<string, unknown> = {}) =>
  producer.tx((q) => addToOutbox(q, 'appointment.booked', { appointmentId: randomUUID(), ...payload }));
const effects = async (name: string, ids: string[]) =>
  (
    await inboxes[name]!.query<{ event_id: string }>(
      'select event_id from effect where event_id = any($1::uuid[])',
      [ids],
    )
  ).map((r) => String(r.event_id));

const allApplied = (name: string, ids: string[]) =>
  until(`${name} applied ${ids.length}`, async () => (await effects(name, ids)).length >= ids.length);

beforeAll(async () => {
  if (skipped) return;
  producer = await open('producer', [OUTBOX_MIGRATION]);
  for (const name of [CARE.name, VISITS.name])
    inboxes[name] = await open(name, [...INBOX_MIGRATIONS, EFFECT_MIGRATION]);
  sink = amqpEventSink({ url: b.urls.schedule!, service: 'schedule' });
  relay = new OutboxRelay({ database: producer, deliver: sink, intervalMs: 50 });
  relay.start();
}, 120_000);
afterAll(async () => {
  await relay?.stop();
  await sink?.close();
  for (const c of running.values()) await c.close();
  for (const drop of drops) await drop();
  if (!skipped) await b.drop();
}, 120_000);

describe.skipIf(skipped)('events through RabbitMQ', () => {
  it('reaches every consumer exactly once across a consumer restart, a dropped broker connection and a resend', async () => {
    let care = await start(CARE.name);
    const visits = await start(VISITS.name);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await emit());
    await allApplied(CARE.name, ids);
    await allApplied(VISITS.name, ids);

    // Consumer restart: while patient's consumer is down its queue keeps the events.
    await care.close();
    for (let i = 0; i < 5; i++) ids.push(await emit());
    await allApplied(VISITS.name, ids);
    expect(await effects(CARE.name, ids)).toHaveLength(5);
    care = await start(CARE.name);
    await allApplied(CARE.name, ids);

    // The broker closes every connection of the vhost (what its restart does to clients).
    for (let i = 0; i < 5; i++) ids.push(await emit());
    await b.admin.closeConnections(b.vhost, 'test: broker restart');
    for (let i = 0; i < 5; i++) ids.push(await emit());
    await allApplied(CARE.name, ids);
    await allApplied(VISITS.name, ids);
    expect(care.connections).toBeGreaterThan(1);
    expect(visits.connections).toBeGreaterThan(1);

    // A relay that crashed before recording delivery sends everything again; one more event
    // after the resent ones shows when the queues have passed them.
    await producer.query('update outbox set delivered_at = null, next_attempt_at = now()');
    const last = await emit();
    ids.push(last);
    await allApplied(CARE.name, [last]);
    await allApplied(VISITS.name, [last]);

    for (const name of [CARE.name, VISITS.name]) {
      const applied = await effects(name, ids);
      expect(applied).toHaveLength(ids.length);
      expect(new Set(applied).size).toBe(ids.length);
      const [inbox] = await inboxes[name]!.query<{ n: number }>(
        'select count(*)::int as n from inbox where consumer = $1 and event_id = any($2::uuid[])',
        [name, ids],
      );
      expect(inbox!.n).toBe(ids.length);
    }
    const [pending] = await producer.query<{ n: number }>(
      'select count(*)::int as n from outbox where delivered_at is null',
    );
    expect(pending!.n).toBe(0);
  }, 120_000);

  it('refuses a service publishing to another service’s exchange or reading another’s queue', async () => {
    const conn = await amqp.connect(b.urls.patient!);
    conn.on('error', () => {});
    try {
      const ch = await conn.createConfirmChannel();
      const closed = new Promise<Error>((r) => ch.once('error', r));
      ch.publish('schedule.events', 'appointment.booked', Buffer.from('{}'), { persistent: true });
      await expect(ch.waitForConfirms()).rejects.toThrow();
      expect((await closed).message).toMatch(/ACCESS_REFUSED - access to exchange 'schedule.events'/);

      const reader = await conn.createChannel();
      const refused = new Promise<Error>((r) => reader.once('error', r));
      await expect(reader.consume(VISITS.name, () => {})).rejects.toThrow();
      expect((await refused).message).toMatch(/ACCESS_REFUSED - access to queue 'record.visits'/);
    } finally {
      await conn.close().catch(() => {});
    }
    // The relay's sink with patient's credentials cannot even declare schedule's exchange.
    const foreign = amqpEventSink({ url: b.urls.patient!, service: 'schedule' });
    await expect(
      foreign([
        { id: randomUUID(), type: 'appointment.booked', occurredAt: new Date().toISOString(), payload: {} },
      ]),
    ).rejects.toThrow(/ACCESS_REFUSED/);
    await foreign.close();
  });

  it('dead-letters a poison event after its attempts and an unparsable message at once, with the reason', async () => {
    await ensureRunning(CARE.name);
    await ensureRunning(VISITS.name);
    const poison = await emit({ poisonFor: CARE.name });
    // A malformed message published by schedule itself (allowed to write to its exchange).
    const conn = await amqp.connect(b.urls.schedule!);
    const ch = await conn.createConfirmChannel();
    ch.publish('schedule.events', 'appointment.booked', Buffer.from('{"not": "an event"'), {
      messageId: 'garbled',
    });
    await ch.waitForConfirms();
    await conn.close();
    const after = await emit();
    await allApplied(CARE.name, [after]);

    const admin = await amqp.connect(b.adminUrl);
    try {
      const inspect = await admin.createChannel();
      const dead: amqp.GetMessage[] = [];
      await until('two dead letters', async () => {
        const m = await inspect.get(deadLetterQueueOf(CARE.name), { noAck: true });
        if (m) dead.push(m);
        return dead.length >= 2;
      });
      const byId = Object.fromEntries(dead.map((m) => [m.properties.messageId, m.properties.headers ?? {}]));
      expect(byId[poison]).toMatchObject({
        'x-dead-letter-reason': 'cannot project this appointment',
        'x-attempts': MAX_ATTEMPTS,
        'x-consumer': CARE.name,
        'x-original-exchange': 'schedule.events',
      });
      expect(byId.garbled?.['x-dead-letter-reason']).toMatch(/^unparsable: /);
    } finally {
      await admin.close();
    }
    // Nothing of the poison event was applied; the other consumer applied it normally.
    expect(await effects(CARE.name, [poison])).toEqual([]);
    const [claimed] = await inboxes[CARE.name]!.query<{ n: number }>(
      'select count(*)::int as n from inbox where consumer = $1 and event_id = $2',
      [CARE.name, poison],
    );
    expect(claimed!.n).toBe(0);
    await allApplied(VISITS.name, [poison]);
  }, 60_000);
});
