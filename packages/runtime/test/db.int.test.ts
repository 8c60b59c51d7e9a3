import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, OutsideTransactionError, openDatabase } from '../src/db';
import { createTestDatabase, postgresAvailable } from '../src/testing/database';

/** Fails with a clear message instead of letting a lock-up run into the test timeout. */
const within = <T>(ms: number, p: Promise<T>, what: string) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms),
    ),
  ]);

const drivers = [
  { name: 'PGlite (the embedded default)', kind: 'pglite' as const },
  { name: 'Postgres', kind: 'postgres' as const },
];

describe.each(drivers)('database.tx() on $name', ({ kind }) => {
  let database: Database;
  let drop = async () => {};
  let skip = false;

  beforeAll(async () => {
    if (kind === 'postgres') {
      if (!(await postgresAvailable())) {
        skip = true;
        return;
      }
      const t = await createTestDatabase('db_tx');
      drop = t.drop;
      database = await openDatabase({ url: t.url });
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'mk-db-'));
      drop = async () => rmSync(dir, { recursive: true, force: true });
      database = await openDatabase({ dataDir: dir });
    }
    await database.query('create table item (id int primary key, label text not null)');
  });
  afterAll(async () => {
    await database?.close();
    await drop();
  });

  it('the outer handle used inside a transaction runs on it: sees its writes, never waits', async (ctx) => {
    if (skip) return ctx.skip();
    const seen = await within(
      3000,
      database.tx(async (q) => {
        await q("insert into item values (1, 'inside')");
        expect(database.inTransaction()).toBe(true);
        // What a store does when it reads "outside" (a cold cache), from inside the transaction.
        return database.query<{ label: string }>('select label from item where id = 1');
      }),
      'outer query inside tx',
    );
    expect(seen).toEqual([{ label: 'inside' }]);
    expect(database.inTransaction()).toBe(false);
  });

  it('a failed transaction leaves nothing, including what the outer handle wrote inside it', async (ctx) => {
    if (skip) return ctx.skip();
    await expect(
      database.tx(async (q) => {
        await q("insert into item values (2, 'tx')");
        await database.query("insert into item values (3, 'outer handle')");
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await database.query('select id from item where id in (2, 3)')).toEqual([]);
  });

  it('a nested tx joins the open one as a savepoint: its failure rolls back only its part', async (ctx) => {
    if (skip) return ctx.skip();
    await within(
      3000,
      database.tx(async (q) => {
        await q("insert into item values (4, 'outer')");
        await expect(
          database.tx(async (inner) => {
            await inner("insert into item values (5, 'inner')");
            throw new Error('inner refused');
          }),
        ).rejects.toThrow('inner refused');
        await database.tx((inner) => inner("insert into item values (6, 'inner ok')"));
      }),
      'nested tx',
    );
    const rows = await database.query<{ id: number }>(
      'select id from item where id in (4, 5, 6) order by id',
    );
    expect(rows.map((r) => r.id)).toEqual([4, 6]);
  });

  it('handles that cannot join the transaction fail at once with a clear error', async (ctx) => {
    if (skip) return ctx.skip();
    await within(
      3000,
      database.tx(async () => {
        expect(() => (database.db as { execute(x: string): unknown }).execute('select 1')).toThrow(
          OutsideTransactionError,
        );
        const native = database.native;
        if (native && 'pglite' in native) {
          expect(() => native.pglite.query('select 1')).toThrow(/inside database\.tx\(\)/);
        }
      }),
      'guarded handles',
    );
    // Outside a transaction the same handles work.
    const native = database.native;
    if (native && 'pglite' in native)
      expect((await native.pglite.query('select 1 as x')).rows).toHaveLength(1);
  });

  it('work started inside a transaction that outlives it uses the plain handle', async (ctx) => {
    if (skip) return ctx.skip();
    let later: Promise<unknown> | undefined;
    await database.tx(async (q) => {
      await q("insert into item values (7, 'committed')");
      later = new Promise((r) => setTimeout(r, 50)).then(() =>
        database.query<{ label: string }>('select label from item where id = 7'),
      );
    });
    expect(await within(3000, later!, 'query after commit')).toEqual([{ label: 'committed' }]);
  });

  it('another request meanwhile waits for the transaction and then proceeds (no lock-up)', async (ctx) => {
    if (skip) return ctx.skip();
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const slow = database.tx(async (q) => {
      await q("insert into item values (8, 'slow')");
      await gate;
    });
    // A query from another async context (another request) than the transaction's.
    const other = (async () => {
      await new Promise((r) => setTimeout(r, 10));
      return database.query<{ n: number }>('select count(*)::int as n from item where id = 8');
    })();
    setTimeout(release, 100);
    await within(3000, slow, 'slow tx');
    const [row] = await within(3000, other, 'other request');
    // PGlite serialises it after the commit; Postgres answers from another connection.
    expect([0, 1]).toContain(row!.n);
  });
});
