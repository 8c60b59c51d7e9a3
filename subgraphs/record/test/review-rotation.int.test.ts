/**
 * Security review: master-key rotation must complete. An operator sets the new key with the old
 * one in RECORD_PREVIOUS_MASTER_KEYS (as the start-up message says), restarts, then drops the old
 * key — a compromised key must be retirable.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateMasterKey } from '@medikamente/runtime';
import { createTestDatabase, createTestIssuer } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveRecord } from './harness';
import { CONTENT, OPEN, SAVE, SIGN, VISIT } from './record-helpers';

type Issuer = Awaited<ReturnType<typeof createTestIssuer>>;
let issuer: Issuer;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let dir: string;

beforeAll(async () => {
  issuer = await createTestIssuer();
  db = await createTestDatabase('record_rotation');
  dir = mkdtempSync(join(tmpdir(), 'record-rotation-'));
});
afterAll(async () => {
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** The record service on the same database each time (Postgres, or PGlite under `dir`). */
const start = (keys: { current: string; previous?: string[] }) =>
  serveRecord(
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: join(dir, 'record'),
      RECORD_MASTER_KEY: keys.current,
      RECORD_PREVIOUS_MASTER_KEYS: (keys.previous ?? []).join(','),
      ...(db.url ? { RECORD_DATABASE_URL: db.url } : {}),
    },
    issuer.verifier,
  );

describe('review: master-key rotation', () => {
  it('a restart with the old key in RECORD_PREVIOUS_MASTER_KEYS re-wraps every data key; then the old key can go', async () => {
    const doctorId = `doctor-${randomUUID()}`;
    const patientId = randomUUID();
    const doctor = await issuer.sign({ role: 'doctor', sub: doctorId });
    const patient = await issuer.sign({ role: 'patient', sub: `acc-${randomUUID()}`, pid: patientId });
    const oldKey = generateMasterKey();
    const newKey = generateMasterKey();

    const first = await start({ current: oldKey });
    await first.service.stores.care.grant(
      doctorId,
      patientId,
      `appointment:${randomUUID()}`,
      new Date(Date.now() + 86_400_000),
    );
    const opened = await first.query(OPEN, { patientId }, doctor);
    const visitId = opened.data.openVisit.visit.id;
    await first.query(SAVE, { visitId, content: CONTENT, rev: 0 }, doctor);
    expect((await first.query(SIGN, { visitId, key: randomUUID() }, doctor)).data.signVisit.ok).toBe(true);
    await first.stop();

    const rotating = await start({ current: newKey, previous: [oldKey] });
    expect((await rotating.query(VISIT, { id: visitId }, patient)).data.visit.current.conclusion).toBe(
      CONTENT.conclusion,
    );
    await rotating.stop();

    // The old key is dropped: the service starts and opens what was written under it.
    const after = await start({ current: newKey });
    try {
      expect((await after.query(VISIT, { id: visitId }, patient)).data.visit.current.conclusion).toBe(
        CONTENT.conclusion,
      );
    } finally {
      await after.stop();
    }
  });
});
