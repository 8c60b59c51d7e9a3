import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

// postgres.js binds Date parameters only as strings; normalise so both drivers take the same params.
const bind = (params: unknown[]) => params.map((p) => (p instanceof Date ? p.toISOString() : p)) as never[];

/** drizzle database handle; the same table definitions and queries run on both drivers. */
export type Db = ReturnType<typeof drizzlePostgres> | ReturnType<typeof drizzlePglite>;

/** Raw SQL with positional parameters, returning rows (same shape on both drivers). */
export type Query = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

export type Database = {
  kind: 'postgres' | 'pglite';
  /**
   * drizzle handle. It has no access to an open transaction: used inside `tx()` it throws at
   * once (on PGlite it would wait for that very transaction forever).
   */
  db: Db;
  /**
   * Runs raw SQL. Called (directly or through any store) inside `tx()`'s callback, it runs on
   * that transaction — so code that reads "outside" a transaction from inside one can neither
   * deadlock PGlite's single connection nor miss the transaction's own writes on Postgres.
   */
  query: Query;
  /**
   * Runs `fn` in one transaction with raw-SQL access. Nested calls (also through stores) join
   * the open transaction as a savepoint instead of waiting for a second connection.
   */
  tx<T>(fn: (q: Query) => Promise<T>): Promise<T>;
  /** Whether the caller runs inside this database's open transaction. */
  inTransaction(): boolean;
  /** LISTEN on a channel; resolves to an unlisten function. Works across processes on Postgres. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /**
   * The underlying driver, for libraries that open their own access to the same database
   * (pg-boss): the server URL, or the PGlite instance (a single connection to share; it refuses
   * use from inside `tx()` with an error instead of waiting on itself).
   */
  native?: { url: string } | { pglite: PGlite };
};

export type DatabaseOptions = {
  /** postgres:// URL; when absent an embedded PGlite under `dataDir` is used. */
  url?: string | undefined;
  /** PGlite data directory; `memory://` for a throw-away database. */
  dataDir?: string | undefined;
  /** Folder of `NNNN_name.sql` migrations applied in order at start. */
  migrationsDir?: string | undefined;
  /** Migrations supplied in code (e.g. the shared audit table), applied before the folder's. */
  migrations?: Array<{ name: string; sql: string }>;
  maxConnections?: number;
};

/** Thrown when a handle that cannot join the open transaction is used inside it. */
export class OutsideTransactionError extends Error {
  constructor(what: string) {
    super(
      `${what} used inside database.tx(): it cannot join the open transaction and would wait for it; use the transaction's query (or the Database's query, which joins it), or run it after the transaction`,
    );
    this.name = 'OutsideTransactionError';
  }
}

type Scope = { owner: object; q: Query; open: boolean; savepoints: number };

/**
 * The transaction the current async context runs in, per Database. AsyncLocalStorage follows
 * awaits and callbacks started inside `tx()`, so stores called from a transaction's code find it
 * without being handed `q`.
 */
const scopes = new AsyncLocalStorage<Scope>();

const openScope = (owner: object): Scope | undefined => {
  const s = scopes.getStore();
  return s && s.owner === owner && s.open ? s : undefined;
};

/** A proxy that refuses every use while the caller is inside the owner's open transaction. */
function guarded<T extends object>(target: T, owner: object, what: string): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      // The target as receiver: PGlite's getters read private fields a proxy does not have.
      const value = Reflect.get(t, prop);
      if (typeof value !== 'function') return value;
      return function (this: unknown, ...args: unknown[]) {
        if (openScope(owner)) throw new OutsideTransactionError(what);
        return Reflect.apply(value, this === receiver ? t : this, args);
      };
    },
  });
}

/**
 * The driver-independent part: routing of `query` to the open transaction, nested
 * transactions as savepoints, and the guard on `db`.
 */
function withTransactions(
  base: Omit<Database, 'query' | 'tx' | 'inTransaction'> & {
    run: Query;
    begin<T>(fn: (q: Query) => Promise<T>): Promise<T>;
  },
): Database {
  const owner = {};
  const query: Query = (text, params) => {
    const s = openScope(owner);
    return s ? s.q(text, params) : base.run(text, params);
  };
  const tx = async <T>(fn: (q: Query) => Promise<T>): Promise<T> => {
    const outer = openScope(owner);
    if (outer) {
      // Joins the open transaction; a failure rolls back only its own part.
      const name = `sp_${++outer.savepoints}`;
      await outer.q(`savepoint ${name}`);
      try {
        const result = await fn(outer.q);
        await outer.q(`release savepoint ${name}`);
        return result;
      } catch (e) {
        await outer.q(`rollback to savepoint ${name}`).catch(() => {});
        throw e;
      }
    }
    return base.begin(async (q) => {
      const scope: Scope = { owner, q, open: true, savepoints: 0 };
      try {
        return await scopes.run(scope, () => fn(q));
      } finally {
        // Work that outlives the transaction (fire-and-forget) falls back to the plain handle.
        scope.open = false;
      }
    });
  };
  const { run: _run, begin: _begin, ...rest } = base;
  return {
    ...rest,
    db: guarded(base.db as object, owner, 'database.db (drizzle)') as Db,
    native:
      base.native && 'pglite' in base.native
        ? { pglite: guarded(base.native.pglite, owner, 'database.native.pglite') }
        : base.native,
    query,
    tx,
    inTransaction: () => openScope(owner) !== undefined,
  };
}

/**
 * Opens the subgraph's own database (postgres.js when a URL is configured, PGlite otherwise)
 * and applies pending migrations.
 */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  const database = opts.url
    ? openPostgres(opts.url, opts.maxConnections ?? 10)
    : await openPglite(opts.dataDir);
  await migrate(database, opts.migrationsDir, opts.migrations ?? []);
  return database;
}

function openPostgres(url: string, max: number): Database {
  const client = postgres(url, { max, onnotice: () => {}, prepare: true });
  const on =
    (sql: { unsafe: typeof client.unsafe }): Query =>
    async (text, params = []) =>
      (await sql.unsafe(text, bind(params))) as never;
  return withTransactions({
    kind: 'postgres',
    db: drizzlePostgres(client),
    run: on(client),
    begin: (fn) => client.begin((t) => fn(on(t))) as never,
    listen: async (channel, onPayload) => {
      const sub = await client.listen(channel, onPayload);
      return () => sub.unlisten();
    },
    close: () => client.end({ timeout: 5 }),
    native: { url },
  });
}

async function openPglite(dataDir = 'memory://'): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: { btree_gist } });
  return withTransactions({
    kind: 'pglite',
    db: drizzlePglite(client),
    run: async (text, params = []) => (await client.query(text, params)).rows as never,
    // PGlite is a single connection: its transaction lock serialises transactions and queries.
    begin: (fn) =>
      client.transaction((t) =>
        fn(async (text, params = []) => (await t.query(text, params)).rows as never),
      ) as never,
    listen: async (channel, onPayload) => {
      const unlisten = await client.listen(channel, onPayload);
      return () => unlisten();
    },
    close: () => client.close(),
    native: { pglite: client },
  });
}

/** Applies `*.sql` files of a folder once each, in name order, recording them in `_migrations`. */
export async function migrate(
  database: Database,
  dir: string | undefined,
  inline: Array<{ name: string; sql: string }> = [],
): Promise<string[]> {
  const files = [
    ...inline.map((m) => ({ name: m.name, read: () => m.sql })),
    ...(dir ? readdirSync(dir) : [])
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .map((f) => ({ name: f, read: () => readFileSync(join(dir!, f), 'utf8') })),
  ];
  const applied: string[] = [];
  await database.tx(async (q) => {
    await q('select pg_advisory_xact_lock(727001)');
    await q(
      'create table if not exists _migrations (name text primary key, applied_at timestamptz not null default now())',
    );
    const done = new Set((await q<{ name: string }>('select name from _migrations')).map((r) => r.name));
    for (const { name: f, read } of files) {
      if (done.has(f)) continue;
      const text = read();
      // Split on a marker line so that function bodies with semicolons stay intact.
      for (const stmt of text.split(/^--\s*statement-break\s*$/m)) {
        if (stmt.trim()) await q(stmt);
      }
      await q('insert into _migrations (name) values ($1)', [f]);
      applied.push(f);
    }
  });
  return applied;
}

/** The PGlite data directory of one service under a base directory (`memory://` stays in memory). */
export const serviceDataDir = (base: string, service: string) =>
  base.startsWith('memory://') ? 'memory://' : join(base, service);

/** Checks a database is reachable (used by /readyz). */
export async function ping(database: Database): Promise<boolean> {
  try {
    await database.query('select 1');
    return true;
  } catch {
    return false;
  }
}
