import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  type Database,
  IDEMPOTENCY_MIGRATION,
  IdempotencyStore,
  idempotencyHash,
  migrate,
  openDatabase,
} from '@medikamente/runtime';
import { createTestDatabase, migrateUntil } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MIGRATIONS = fileURLToPath(new URL('../src/db/migrations', import.meta.url));

// A database deployed before the shared idempotency table: booking retries keep replaying.
describe('forward migration to the shared idempotency table', () => {
  let database: Database;
  let drop = async () => {};
  const account = randomUUID();
  const appointmentId = randomUUID();
  // A booking request as the old code hashed it (sorted top-level keys; the same function now).
  const request = {
    mode: 'book',
    specialistId: randomUUID(),
    startsAt: '2030-01-01T10:00',
    idempotencyKey: 'k-12345678',
  };

  beforeAll(async () => {
    const t = await createTestDatabase('schedule_idem');
    drop = t.drop;
    database = await openDatabase({ url: t.url, dataDir: 'memory://' });
    await migrateUntil(database, MIGRATIONS, '0003_reminder_settings.sql');
    await database.query(
      `insert into idempotency_key (actor, key, operation, request_hash, appointment_id) values ($1, 'k-12345678', 'book', $2, $3)`,
      [`user:${account}`, idempotencyHash(request), appointmentId],
    );
    // The new release starts: its openDatabase applies the shared table, then this folder.
    await migrate(database, MIGRATIONS, [IDEMPOTENCY_MIGRATION]);
  });
  afterAll(async () => {
    await database?.close();
    await drop();
  });

  it('carries the old keys over with their request hash and drops the old table', async () => {
    const rows = await database.query('select actor, key, operation, request_hash from idempotency');
    expect(rows).toEqual([
      {
        actor: `user:${account}`,
        key: 'k-12345678',
        operation: 'book',
        request_hash: idempotencyHash(request),
      },
    ]);
    expect((await database.query("select to_regclass('idempotency_key') as t"))[0]?.t).toBeNull();
  });

  it('the same request replays its appointment; a different one is a mismatch', async () => {
    const store = new IdempotencyStore(database);
    const principal = { kind: 'user' as const, subject: account };
    const claim = (req: Record<string, unknown>) =>
      database.tx(() =>
        store.claim({ principal, key: 'k-12345678', operation: 'book', request: req, result: randomUUID() }),
      );
    expect(await claim(request)).toEqual({ status: 'replayed', result: appointmentId });
    expect(await claim({ ...request, startsAt: '2030-01-01T11:00' })).toEqual({ status: 'mismatch' });
  });
});
