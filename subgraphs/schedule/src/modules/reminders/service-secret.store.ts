import type { Database } from '@medikamente/runtime';

/** A random secret generated on first start and kept in the service's own database. */
export async function serviceSecret(database: Database, name: string): Promise<Uint8Array> {
  const fresh = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64');
  await database.query('insert into service_secret (name, value) values ($1, $2) on conflict do nothing', [
    name,
    fresh,
  ]);
  const [row] = await database.query<{ value: string }>('select value from service_secret where name = $1', [
    name,
  ]);
  return new Uint8Array(Buffer.from(row!.value, 'base64'));
}
