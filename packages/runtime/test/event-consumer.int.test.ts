import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, migrate, openDatabase } from '../src/db';
import { createEventConsumer } from '../src/events/consumer';
import { type DomainEvent, INBOX_MIGRATIONS } from '../src/events/outbox';
import { createTestDatabase } from '../src/testing/database';

let drop: () => Promise<void>;
let database: Database;
const legacyEvent = randomUUID();

beforeAll(async () => {
  const db = await createTestDatabase('consumer');
  drop = db.drop;
  // A service migrated before consumers had names: one inbox keyed by event id, one row in it.
  database = await openDatabase({ url: db.url, dataDir: 'memory://' });
  await database.query(`create table inbox (event_id uuid primary key, type text not null,
    processed_at timestamptz not null default now())`);
  await database.query(`insert into _migrations (name) values ('0000_inbox.sql')`);
  await database.query('insert into inbox (event_id, type) values ($1, $2)', [
    legacyEvent,
    'appointment.booked',
  ]);
  await database.query('create table effect (event_id uuid not null, consumer text not null)');
  // Its next start applies the consumers' migration.
  await migrate(database, undefined, INBOX_MIGRATIONS);
});
afterAll(async () => {
  await database?.close();
  await drop?.();
});

const event = (type = 'appointment.booked', payload: Record<string, unknown> = {}): DomainEvent => ({
  id: randomUUID(),
  type,
  occurredAt: new Date().toISOString(),
  payload,
});
const consumer = (name: string) =>
  createEventConsumer({
    name,
    database,
    handlers: {
      'appointment.booked': async (e, q) => {
        await q('insert into effect (event_id, consumer) values ($1, $2)', [e.id, name]);
        if (e.payload.fail) throw new Error('handler failed');
      },
    },
  });

describe('event consumers (inbox per consumer, handlers by type)', () => {
  it('applies an event once per consumer: two consumers in one service each take it once', async () => {
    const [care, billing] = [consumer('patient.care'), consumer('patient.billing')];
    const e = event();
    expect(await care.handle(e)).toBe('applied');
    expect(await billing.handle(e)).toBe('applied');
    expect(await care.handle(e)).toBe('duplicate');
    expect(await billing.handle(e)).toBe('duplicate');
    const rows = await database.query<{ consumer: string }>(
      'select consumer from effect where event_id = $1 order by consumer',
      [e.id],
    );
    expect(rows.map((r) => r.consumer)).toEqual(['patient.billing', 'patient.care']);
    expect(care.types).toEqual(['appointment.booked']);
  });

  it('records a type without a handler once, and rolls back the inbox row with a failing handler', async () => {
    const care = consumer('patient.care');
    const other = event('appointment.cancelled');
    expect(await care.handle(other)).toBe('applied');
    expect(await care.handle(other)).toBe('duplicate');
    expect(await database.query('select 1 from effect where event_id = $1', [other.id])).toHaveLength(0);
    const failing = event('appointment.booked', { fail: true });
    await expect(care.handle(failing)).rejects.toThrow('handler failed');
    expect(await database.query('select 1 from inbox where event_id = $1', [failing.id])).toHaveLength(0);
    expect(await database.query('select 1 from effect where event_id = $1', [failing.id])).toHaveLength(0);
  });

  it('takes prefix handlers (`appointment.*`), the most specific entry first', async () => {
    const seen: string[] = [];
    const c = createEventConsumer({
      name: 'patient.prefix',
      database,
      handlers: {
        'appointment.*': async (e) => void seen.push(`any:${e.type}`),
        'appointment.booked': async (e) => void seen.push(`exact:${e.type}`),
      },
    });
    await c.handle(event('appointment.booked'));
    await c.handle(event('appointment.cancelled'));
    await c.handle(event('invoice.paid'));
    expect(seen).toEqual(['exact:appointment.booked', 'any:appointment.cancelled']);
  });

  it('keeps the rows of the old single inbox under the consumer "default"', async () => {
    const rows = await database.query<{ consumer: string }>(
      'select consumer from inbox where event_id = $1',
      [legacyEvent],
    );
    expect(rows).toEqual([{ consumer: 'default' }]);
    expect(() => createEventConsumer({ name: 'care', database, handlers: {} })).toThrow(
      /<service>\.<purpose>/,
    );
  });
});
