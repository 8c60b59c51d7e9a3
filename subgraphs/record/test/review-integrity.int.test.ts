/**
 * Security review: what the database itself refuses (append-only evidence, a consistent chain of
 * signed versions), whatever SQL the application role sends.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecordHarness, startRecordSubgraph } from './harness';
import { actors, care, signedVisit } from './record-helpers';

let h: RecordHarness;
beforeAll(async () => {
  h = await startRecordSubgraph();
});
afterAll(async () => h?.stop());

const count = async (table: string) =>
  Number((await h.service.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n);

const BREAK = /* GraphQL */ `
  mutation ($p: ID!, $reason: String!) {
    breakGlass(input: { patientId: $p, reason: $reason }) { ok }
  }`;

/** A signed visit of a fresh patient, and the columns a forged version row would copy. */
async function signed() {
  const a = await actors(h);
  await care(h, a.doctorId, a.patientId);
  const v = await signedVisit(h, a.doctor, a.patientId);
  const [row] = await h.service.database.query<Record<string, unknown>>(
    'select * from visit_version where id = $1',
    [v.version.id],
  );
  return { ...a, ...v, row: row! };
}

/** Inserts a copy of `row` as a new version with the given changes. */
const forge = (row: Record<string, unknown>, changes: Record<string, unknown>) => {
  const r: Record<string, unknown> = { ...row, id: randomUUID(), ...changes };
  return h.service.database.query(
    `insert into visit_version (id, visit_id, patient_id, number, status, replaces_version_id, reason_sealed,
       content_sealed, content_hash, signed_by, signed_at, signature_method, signature)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      r.id,
      r.visit_id,
      r.patient_id,
      r.number,
      r.status,
      r.replaces_version_id,
      r.reason_sealed,
      r.content_sealed,
      r.content_hash,
      r.signed_by,
      r.signed_at,
      r.signature_method,
      r.signature,
    ],
  );
};

describe('review: the database keeps the evidence', () => {
  it('refuses TRUNCATE of the diagnosis index, break-glass grants and attachments', async () => {
    const a = await signed();
    const stranger = await actors(h);
    const opened = await h.query(
      BREAK,
      { p: a.patientId, reason: 'Пациент без сознания в процедурном кабинете, нужны аллергии' },
      stranger.doctor,
    );
    expect(opened.data.breakGlass.ok).toBe(true);
    const db = h.service.database;
    const before = { index: await count('diagnosis_index'), grants: await count('break_glass') };
    await expect(db.query('truncate diagnosis_index')).rejects.toThrow(/append-only/);
    await expect(db.query('truncate break_glass cascade')).rejects.toThrow(/append-only/);
    await expect(db.query('truncate attachment cascade')).rejects.toThrow(/append-only/);
    expect(await count('diagnosis_index')).toBe(before.index);
    expect(await count('break_glass')).toBe(before.grants);
  });

  it('keeps the security officer\u2019s alerts: no DELETE or TRUNCATE; the e-mail outcome may be recorded', async () => {
    const a = await actors(h);
    const stranger = await actors(h);
    await h.query(
      BREAK,
      { p: a.patientId, reason: 'Пациент без сознания в процедурном кабинете, нужны аллергии' },
      stranger.doctor,
    );
    const [alert] = await h.service.stores.breakGlass.alerts(1);
    const db = h.service.database;
    await expect(db.query('delete from security_alert where id = $1', [alert!.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query('truncate security_alert')).rejects.toThrow(/append-only/);
    await h.service.stores.breakGlass.markEmailed(alert!.id, null);
    expect((await h.service.stores.breakGlass.alerts(1))[0]!.emailedAt).not.toBeNull();
  });

  it('refuses a forged version: a chain pointing at another visit, a skipped number, another patient', async () => {
    const a = await signed();
    const b = await signed();
    // "Replaces" a version of another visit.
    await expect(
      forge(a.row, { number: 2, status: 'AMENDED', replaces_version_id: b.version.id }),
    ).rejects.toThrow(/version chain/);
    // Skips a number / replaces nothing after version 1.
    await expect(
      forge(a.row, { number: 3, status: 'AMENDED', replaces_version_id: a.version.id }),
    ).rejects.toThrow(/version chain/);
    await expect(forge(a.row, { number: 2, status: 'AMENDED', replaces_version_id: null })).rejects.toThrow(
      /version chain/,
    );
    // Claims another patient than the visit's.
    await expect(
      forge(a.row, {
        number: 2,
        status: 'AMENDED',
        replaces_version_id: a.version.id,
        patient_id: b.patientId,
      }),
    ).rejects.toThrow(/version chain/);
    // Only the newest version may be replaced (version 1 once version 2 exists).
    await forge(a.row, { number: 2, status: 'AMENDED', replaces_version_id: a.version.id });
    await expect(
      forge(a.row, { number: 3, status: 'AMENDED', replaces_version_id: a.version.id }),
    ).rejects.toThrow(/version chain/);
    // An addendum of another patient's visit.
    await expect(
      h.service.database.query(
        `insert into visit_addendum (id, visit_id, patient_id, text_sealed, content_hash, signed_by, signed_at, signature_method, signature)
         values ($1, $2, $3, 'dk1.x', 'h', 'd', now(), 'm', 's')`,
        [randomUUID(), a.visitId, b.patientId],
      ),
    ).rejects.toThrow(/another patient/);
  });
});
