import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type Database, openDatabase } from '@medikamente/runtime';
import { createTestDatabase } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOneCEmulator } from '../src/modules/accounting/onec-emulator';
import { exportBatch } from '../src/modules/accounting/onec-export';
import { OneCExportStore } from '../src/modules/accounting/onec-export.store';
import { createOneCODataClient } from '../src/modules/accounting/onec-odata.client';

let database: Database;
let drop: () => Promise<void>;
let store: OneCExportStore;
beforeAll(async () => {
  const db = await createTestDatabase('onec');
  drop = db.drop;
  // The billing migrations folder, as the service applies it (Postgres when a server answers).
  database = await openDatabase({
    url: db.url,
    dataDir: 'memory://',
    migrationsDir: fileURLToPath(new URL('../src/db/migrations', import.meta.url)),
  });
  store = new OneCExportStore(database);
});
afterAll(async () => {
  await database?.close();
  await drop?.();
});

describe('OneCExportStore (SQL)', () => {
  it('records failures with attempts and backoff, then the Ref_Key for good', async () => {
    const id = randomUUID();
    expect(await store.get('payment', id)).toBeNull();
    const t1 = new Date('2025-01-01T10:01:00Z');
    const t2 = new Date('2025-01-01T10:03:00Z');
    await store.markFailed('payment', id, '1C POST: 500', t1);
    await store.markFailed('payment', id, '1C did not answer', t2);
    expect(await store.get('payment', id)).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastError: '1C did not answer',
      nextAttemptAt: t2,
      refKey: null,
    });
    expect((await store.failures(1000)).some((f) => f.ourId === id)).toBe(true);

    const ref = randomUUID();
    await store.put('payment', id, ref);
    const exported = await store.get('payment', id);
    expect(exported).toMatchObject({
      status: 'exported',
      refKey: ref,
      attempts: 2,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(exported?.exportedAt).toBeInstanceOf(Date);

    // Exported is final: a late failure report or another Ref_Key changes nothing.
    await store.markFailed('payment', id, 'late', t2);
    await store.put('payment', id, randomUUID());
    expect(await store.get('payment', id)).toMatchObject({ status: 'exported', refKey: ref, attempts: 2 });
    expect((await store.failures(1000)).some((f) => f.ourId === id)).toBe(false);
  });

  it('the database itself refuses to change or delete an exported row', async () => {
    const id = randomUUID();
    await store.put('refund', id, randomUUID());
    await expect(
      database.query(`update onec_export set ref_key = $1 where kind = 'refund' and our_id = $2`, [
        randomUUID(),
        id,
      ]),
    ).rejects.toThrow(/exported and cannot change/);
    await expect(
      database.query(`delete from onec_export where kind = 'refund' and our_id = $1`, [id]),
    ).rejects.toThrow(/exported and cannot change/);
    await expect(
      database.query(`insert into onec_export (kind, our_id, status) values ('payment', $1, 'exported')`, [
        randomUUID(),
      ]),
    ).rejects.toThrow();
  });

  it('drives the exporter: a re-run after a failure resumes and exports each payment once', async () => {
    const emu = await startOneCEmulator({ user: 'u', password: 'p' });
    try {
      const client = createOneCODataClient({ baseUrl: emu.url, user: 'u', password: 'p' });
      const t0 = new Date('2025-02-01T08:00:00Z');
      const deps = { client, map: store, config: { organizationKey: randomUUID() }, now: () => t0 };
      const patientId = randomUUID();
      const items = Array.from({ length: 3 }, (_, i) => ({
        kind: 'payment' as const,
        id: randomUUID(),
        method: 'cash' as const,
        amountKopecks: 1000 + i,
        at: t0,
        payer: { patientId },
      }));
      emu.failNext(1, 502);
      const first = await exportBatch(items, deps);
      expect(first.failed).toBe(1);
      expect(first.exported).toBe(2);
      const failed = (await store.get('payment', items[0]!.id))!;
      expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
      expect(failed.lastError).toMatch(/502/);

      const later = await exportBatch(items, { ...deps, now: () => new Date(t0.getTime() + 120_000) });
      expect([later.exported, later.skipped]).toEqual([1, 2]);
      expect(await exportBatch(items, deps)).toMatchObject({ exported: 0, skipped: 3 });
      expect(emu.documents()).toHaveLength(3);
      expect(emu.catalog()).toHaveLength(1);
      expect((await store.get('counterparty', patientId))?.refKey).toBe(emu.catalog()[0]!.Ref_Key);
    } finally {
      await emu.close();
    }
  });
});
