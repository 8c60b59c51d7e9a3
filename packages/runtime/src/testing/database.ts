import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { type Database, migrate } from '../db';
import { testEnv } from './env';

const ADMIN_URL = testEnv.adminUrl;
let serverAvailable: Promise<boolean> | undefined;

/** Whether a real Postgres server answers (tests prefer it; PGlite is the fallback). */
export function postgresAvailable(): Promise<boolean> {
  if (testEnv.forcePglite) return Promise.resolve(false);
  serverAvailable ??= (async () => {
    const sql = postgres(ADMIN_URL, { max: 1, connect_timeout: 2, onnotice: () => {} });
    try {
      await sql`select 1`;
      return true;
    } catch {
      return false;
    } finally {
      await sql.end({ timeout: 1 });
    }
  })();
  return serverAvailable;
}

/**
 * A fresh, uniquely named database on the running Postgres server (dropped by `drop`), or
 * `url: undefined` meaning "use embedded PGlite" when no server answers.
 */
export async function createTestDatabase(
  label: string,
): Promise<{ url: string | undefined; drop(): Promise<void> }> {
  if (!(await postgresAvailable())) return { url: undefined, drop: async () => {} };
  const name = `mk_t_${label.replace(/\W/g, '_').slice(0, 20)}_${randomBytes(5).toString('hex')}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/**
 * Applies a migrations folder only up to `last` (inclusive), as a database deployed before the
 * later migrations existed: tests of forward migrations seed rows in the old shape, then open the
 * database with the full folder.
 */
export async function migrateUntil(database: Database, dir: string, last: string): Promise<string[]> {
  const partial = mkdtempSync(join(tmpdir(), 'mk-migrations-'));
  try {
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.sql') && f <= last))
      copyFileSync(join(dir, f), join(partial, f));
    return await migrate(database, partial);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}
