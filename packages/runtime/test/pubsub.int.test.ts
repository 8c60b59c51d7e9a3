import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db';
import { filterEvents, PgPubSub } from '../src/events/pubsub';
import { createTestDatabase } from '../src/testing/database';

let a: Database;
let b: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  const db = await createTestDatabase('pubsub');
  drop = db.drop;
  a = await openDatabase({ url: db.url, dataDir: 'memory://' });
  // Two connection pools on one server stand for two replicas; PGlite has one process only.
  b = db.url ? await openDatabase({ url: db.url }) : a;
});
afterAll(async () => {
  if (b !== a) await b?.close();
  await a?.close();
  await drop?.();
});

const next = <T>(it: AsyncIterator<T>, ms = 3000) =>
  Promise.race([it.next(), new Promise<never>((_, rej) => setTimeout(() => rej(new Error('timeout')), ms))]);

describe('PgPubSub (LISTEN/NOTIFY)', () => {
  it('delivers what one replica publishes to subscribers on another, only after commit', async () => {
    const subA = new PgPubSub(a);
    const pubB = new PgPubSub(b);
    const channel = `t_${Math.random().toString(36).slice(2, 8)}`;
    const events = subA.subscribe<{ n: number }>(channel);
    const first = next(events);
    await subA.ready(channel);
    await expect(
      b.tx(async (q) => {
        await pubB.publish(channel, { n: 0 }, q);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await pubB.publish(channel, { n: 1 });
    expect((await first).value).toEqual({ n: 1 });
    await events.return?.();
    expect(await events.next()).toEqual({ value: undefined, done: true });
    await subA.close();
  });

  it('filters events per subscriber', async () => {
    const ps = new PgPubSub(a);
    const channel = `t_${Math.random().toString(36).slice(2, 8)}`;
    const source = ps.subscribe<{ branch: string }>(channel);
    const mine = filterEvents(source, (e) => e.branch === 'mine');
    const got = mine.next();
    await ps.ready(channel);
    await ps.publish(channel, { branch: 'other' });
    await ps.publish(channel, { branch: 'mine' });
    expect((await got).value).toEqual({ branch: 'mine' });
    await mine.return(undefined);
    await ps.close();
  });

  it('refuses payloads NOTIFY cannot carry', async () => {
    await expect(new PgPubSub(a).publish('x', { big: 'x'.repeat(9000) })).rejects.toThrow(/too large/);
  });
});
