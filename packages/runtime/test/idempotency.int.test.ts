import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db';
import { IDEMPOTENCY_MIGRATION, IdempotencyStore, idempotencyHash } from '../src/idempotency';
import { createTestDatabase } from '../src/testing/database';

// Runs on the Postgres server in the `runtime` project and on PGlite in `runtime:pglite`.
describe('IdempotencyStore', () => {
  let database: Database;
  let store: IdempotencyStore;
  let drop = async () => {};

  beforeAll(async () => {
    const t = await createTestDatabase('idempotency');
    drop = t.drop;
    database = await openDatabase({ url: t.url, dataDir: 'memory://', migrations: [IDEMPOTENCY_MIGRATION] });
    await database.query('create table thing (id uuid primary key, label text not null)');
    store = new IdempotencyStore(database);
  });
  afterAll(async () => {
    await database?.close();
    await drop();
  });

  const user = () => ({ kind: 'user' as const, subject: randomUUID() });

  /** Creates a thing once per key, as a mutation would: claim and write in one transaction. */
  const create = (principal: ReturnType<typeof user>, key: string, label: string) =>
    database.tx(async (q) => {
      const id = randomUUID();
      const claim = await store.claim({
        principal,
        key,
        operation: 'createThing',
        request: { label },
        result: { id },
      });
      if (claim.status === 'mismatch') return { mismatch: true as const };
      if (claim.status === 'replayed') return { id: claim.result.id, replayed: true };
      await q('insert into thing (id, label) values ($1, $2)', [id, label]);
      return { id, replayed: false };
    });

  const count = async (label: string) =>
    Number(
      (
        await database.query<{ n: number }>('select count(*)::int as n from thing where label = $1', [label])
      )[0]!.n,
    );

  it('the same key and request returns the stored result and writes once', async () => {
    const p = user();
    const label = randomUUID();
    const first = await create(p, 'key-1', label);
    const again = await create(p, 'key-1', label);
    expect(first).toMatchObject({ replayed: false });
    expect(again).toEqual({ id: (first as { id: string }).id, replayed: true });
    expect(await count(label)).toBe(1);
  });

  it('the same key with a different request or operation is a mismatch', async () => {
    const p = user();
    await create(p, 'key-2', randomUUID());
    expect(await create(p, 'key-2', randomUUID())).toEqual({ mismatch: true });
    const other = await database.tx(() =>
      store.claim({ principal: p, key: 'key-2', operation: 'deleteThing', request: {}, result: null }),
    );
    expect(other).toEqual({ status: 'mismatch' });
  });

  it('keys are scoped per caller', async () => {
    const label = randomUUID();
    const a = await create(user(), 'shared-key', label);
    const b = await create(user(), 'shared-key', label);
    expect(a).toMatchObject({ replayed: false });
    expect(b).toMatchObject({ replayed: false });
    expect(await count(label)).toBe(2);
  });

  it('a rolled-back request releases its key', async () => {
    const p = user();
    const label = randomUUID();
    await expect(
      database.tx(async () => {
        await store.claim({
          principal: p,
          key: 'key-3',
          operation: 'createThing',
          request: { label },
          result: 1,
        });
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    expect(await create(p, 'key-3', label)).toMatchObject({ replayed: false });
  });

  it('concurrent twins with one key produce one result', async () => {
    const p = user();
    const label = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => create(p, 'key-4', label)));
    const ids = new Set(results.map((r) => (r as { id: string }).id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !(r as { replayed: boolean }).replayed)).toHaveLength(1);
    expect(await count(label)).toBe(1);
  });

  it('refuses to run outside a transaction (the key must commit with the work)', async () => {
    await expect(
      store.claim({ principal: user(), key: 'key-5', operation: 'x', request: {}, result: 1 }),
    ).rejects.toThrow(/inside the transaction/);
  });

  it('refuses a caller without an identity (anonymous callers would share one scope)', async () => {
    await expect(
      database.tx(() =>
        store.claim({
          principal: { kind: 'anonymous', subject: null },
          key: 'key-anon',
          operation: 'x',
          request: {},
          result: 1,
        }),
      ),
    ).rejects.toThrow(/authenticated caller/);
  });

  it('a carried-over row without a request hash replays for the same operation', async () => {
    const p = user();
    await database.query(
      `insert into idempotency (actor, key, operation, request_hash, result) values ($1, 'legacy-key', 'createThing', null, $2::jsonb)`,
      [`user:${p.subject}`, JSON.stringify({ id: 'legacy' })],
    );
    expect(await create(p, 'legacy-key', randomUUID())).toEqual({ id: 'legacy', replayed: true });
  });

  it('hashes requests canonically: key order and absent versus null do not matter', () => {
    expect(idempotencyHash({ a: 1, b: { y: 2, x: null } })).toBe(
      idempotencyHash({ b: { x: undefined, y: 2 }, a: 1 }),
    );
    expect(idempotencyHash({ a: 1 })).not.toBe(idempotencyHash({ a: 2 }));
  });
});
