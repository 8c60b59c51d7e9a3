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

export type Database = {
  kind: 'postgres' | 'pglite';
  db: Db;
  /** Runs raw SQL with positional parameters and returns rows (same shape on both drivers). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction with raw-SQL access. */
  tx<T>(fn: (q: Database['query']) => Promise<T>): Promise<T>;
  /** LISTEN on a channel; resolves to an unlisten function. Works across processes on Postgres. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /**
   * The underlying driver, for libraries that open their own access to the same database
   * (pg-boss): the server URL, or the PGlite instance (a single connection to share).
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
  const db = drizzlePostgres(client);
  const query = async <T>(text: string, params: unknown[] = []) =>
    (await client.unsafe(text, bind(params))) as unknown as T[];
  return {
    kind: 'postgres',
    db,
    query: query as Database['query'],
    tx: (fn) =>
      client.begin((t) =>
        fn(
          (async (text: string, params: unknown[] = []) =>
            (await t.unsafe(text, bind(params))) as unknown) as Database['query'],
        ),
      ) as never,
    listen: async (channel, onPayload) => {
      const sub = await client.listen(channel, onPayload);
      return () => sub.unlisten();
    },
    close: () => client.end({ timeout: 5 }),
    native: { url },
  };
}

async function openPglite(dataDir = 'memory://'): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: { btree_gist } });
  const db = drizzlePglite(client);
  // PGlite is a single connection: serialise raw transactions so that two requests never interleave.
  let chain: Promise<unknown> = Promise.resolve();
  const query = async <T>(text: string, params: unknown[] = []) =>
    (await client.query(text, params)).rows as T[];
  return {
    kind: 'pglite',
    db,
    query: query as Database['query'],
    tx: (fn) => {
      const run = chain.then(() =>
        client.transaction(async (t) =>
          fn(
            (async (text: string, params: unknown[] = []) =>
              (await t.query(text, params)).rows) as Database['query'],
          ),
        ),
      );
      chain = run.catch(() => {});
      return run as never;
    },
    listen: async (channel, onPayload) => {
      const unlisten = await client.listen(channel, onPayload);
      return () => unlisten();
    },
    close: () => client.close(),
    native: { pglite: client },
  };
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
