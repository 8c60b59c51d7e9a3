import { fileURLToPath } from 'node:url';
import { type Database, openDatabase } from '../db';
import { databaseUrlKey, type SubgraphEnv } from './env';

export type Migration = { name: string; sql: string };

/**
 * The subgraph's own database: the one handed in (tests, benchmarks; the caller keeps owning
 * it), else Postgres at `<NAME>_DATABASE_URL` or PGlite under DATA_DIR, migrated at start —
 * the runtime's shared tables (`migrations`, e.g. AUDIT/INBOX/OUTBOX) before the subgraph's folder.
 */
export async function subgraphDatabase(
  name: string,
  env: SubgraphEnv,
  schema: { migrationsDir?: string | URL | undefined; migrations?: Migration[] | undefined },
  given: Database | undefined,
): Promise<{ database: Database; owned: boolean }> {
  if (given) return { database: given, owned: false };
  const url = (env as Record<string, unknown>)[databaseUrlKey(name)];
  const database = await openDatabase({
    url: typeof url === 'string' ? url : undefined,
    dataDir: env.DATA_DIR,
    migrationsDir:
      schema.migrationsDir instanceof URL ? fileURLToPath(schema.migrationsDir) : schema.migrationsDir,
    migrations: schema.migrations ?? [],
  });
  return { database, owned: true };
}
