import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  type Database,
  IDEMPOTENCY_MIGRATION,
  IdempotencyStore,
  migrate,
  openDatabase,
} from '@medikamente/runtime';
import { createTestDatabase, migrateUntil } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MIGRATIONS = fileURLToPath(new URL('../src/db/migrations', import.meta.url));

// A database deployed before the shared idempotency table: its registration keys keep working.
describe('forward migration to the shared idempotency table', () => {
  let database: Database;
  let drop = async () => {};
  const account = randomUUID();
  const patientId = randomUUID();

  beforeAll(async () => {
    const t = await createTestDatabase('patient_idem');
    drop = t.drop;
    database = await openDatabase({ url: t.url, dataDir: 'memory://' });
    await migrateUntil(database, MIGRATIONS, '0001_init.sql');
    await database.query(
      `insert into idempotency_key (key, actor_id, operation, result_id) values ('reception-key-1', $1, 'registerPatient', $2)`,
      [account, patientId],
    );
    // The new release starts: what openDatabase applies for the patient service.
    await migrate(database, MIGRATIONS, [IDEMPOTENCY_MIGRATION]);
  });
  afterAll(async () => {
    await database?.close();
    await drop();
  });

  it('carries the old keys over (scoped to the user) and drops the old table', async () => {
    const rows = await database.query<{
      actor: string;
      key: string;
      operation: string;
      request_hash: string | null;
    }>('select actor, key, operation, request_hash from idempotency');
    expect(rows).toEqual([
      { actor: `user:${account}`, key: 'reception-key-1', operation: 'registerPatient', request_hash: null },
    ]);
    const old = await database.query("select to_regclass('idempotency_key') as t");
    expect(old[0]?.t).toBeNull();
  });

  it('a carried-over key replays its patient for a retry of the same operation, as before', async () => {
    const store = new IdempotencyStore(database);
    const principal = { kind: 'user' as const, subject: account };
    const claim = await database.tx(() =>
      store.claim({
        principal,
        key: 'reception-key-1',
        operation: 'registerPatient',
        request: { input: { lastName: 'Любая' } },
        result: randomUUID(),
      }),
    );
    expect(claim).toEqual({ status: 'replayed', result: patientId });
    const other = await database.tx(() =>
      store.claim({ principal, key: 'reception-key-1', operation: 'registerSelf', request: {}, result: 'x' }),
    );
    expect(other).toEqual({ status: 'mismatch' });
  });
});
