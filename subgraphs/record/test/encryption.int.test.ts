import { Envelope, EnvelopeError, generateMasterKey, SubjectKeyring } from '@medikamente/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecordHarness, startRecordSubgraph } from './harness';
import { actors, CONTENT, care, signedVisit, VISIT } from './record-helpers';

let h: RecordHarness;
beforeAll(async () => {
  h = await startRecordSubgraph();
});
afterAll(async () => h?.stop());

/** Every text column of the record's clinical tables, as stored. */
async function rawText(): Promise<string> {
  const db = h.service.database;
  const tables = [
    'visit_version',
    'visit_draft',
    'visit_addendum',
    'break_glass',
    'diagnosis_index',
    'subject_key',
  ];
  const dumps = await Promise.all(tables.map((t) => db.query(`select * from ${t}`)));
  return JSON.stringify(dumps);
}

describe('encryption at rest', () => {
  it('the raw tables hold no clinical plaintext, only dk1 ciphertexts and a blind index', async () => {
    const a = await actors(h);
    await care(h, a.doctorId, a.patientId);
    await signedVisit(h, a.doctor, a.patientId);
    const raw = await rawText();
    for (const plain of [CONTENT.complaints, CONTENT.conclusion, 'Лозартан', 'I10', CONTENT.examination])
      expect(raw).not.toContain(plain);
    const [row] = await h.service.database.query<{ content_sealed: string }>(
      'select content_sealed from visit_version where patient_id = $1',
      [a.patientId],
    );
    expect(row!.content_sealed).toMatch(/^dk1\.[A-Za-z0-9_-]+$/);
    // Equality search on the diagnosis code goes through the blind index, nothing decrypted.
    expect(await h.service.stores.visits.patientsWithDiagnosis('I10', [a.patientId])).toEqual([a.patientId]);
    expect(await h.service.stores.visits.patientsWithDiagnosis('J06.9', [a.patientId])).toEqual([]);
  });

  it('a ciphertext moved to another row (or another patient) fails to decrypt', async () => {
    const a = await actors(h);
    const b = await actors(h);
    await care(h, a.doctorId, a.patientId);
    await care(h, b.doctorId, b.patientId);
    const va = await signedVisit(h, a.doctor, a.patientId);
    const vb = await signedVisit(h, b.doctor, b.patientId, { ...CONTENT, complaints: 'Другое' });
    const keyA = await h.service.stores.keyring.keyFor(a.patientId, 'HEALTH');
    const keyB = await h.service.stores.keyring.keyFor(b.patientId, 'HEALTH');
    const [sealedA] = await h.service.database.query<{ content_sealed: string }>(
      'select content_sealed from visit_version where id = $1',
      [va.version.id],
    );
    const ctx = (row: string) => ({ table: 'visit_version', column: 'content', row });
    // Right key, right place: opens.
    expect(JSON.parse(keyA.openText(sealedA!.content_sealed, ctx(va.version.id))).complaints).toBe(
      CONTENT.complaints,
    );
    // Same patient's key, another row: refused.
    expect(() => keyA.openText(sealedA!.content_sealed, ctx(vb.version.id))).toThrow(EnvelopeError);
    // Another column of the same row: refused.
    expect(() => keyA.openText(sealedA!.content_sealed, { ...ctx(va.version.id), column: 'reason' })).toThrow(
      EnvelopeError,
    );
    // Another patient's key (the row swapped into B's record): refused.
    expect(() => keyB.openText(sealedA!.content_sealed, ctx(va.version.id))).toThrow(EnvelopeError);
  });

  it('rotating the master key re-wraps data keys without re-encrypting content', async () => {
    const a = await actors(h);
    await care(h, a.doctorId, a.patientId);
    const { visitId } = await signedVisit(h, a.doctor, a.patientId);
    const contentBefore = await h.service.database.query<{ content_sealed: string }>(
      'select content_sealed from visit_version where visit_id = $1',
      [visitId],
    );
    const wrappedBefore = await h.service.database.query<{ wrapped: string }>(
      'select wrapped from subject_key where subject_id = $1',
      [a.patientId],
    );
    // A new master key that keeps the old one for reading (RECORD_PREVIOUS_MASTER_KEYS).
    const newMaster = generateMasterKey();
    const rotated = new SubjectKeyring(h.service.database, Envelope.fromBase64(newMaster, [h.masterKey]));
    expect(await rotated.rewrapAll()).toBeGreaterThan(0);
    const wrappedAfter = await h.service.database.query<{ wrapped: string }>(
      'select wrapped from subject_key where subject_id = $1',
      [a.patientId],
    );
    expect(wrappedAfter[0]!.wrapped).not.toBe(wrappedBefore[0]!.wrapped);
    const contentAfter = await h.service.database.query<{ content_sealed: string }>(
      'select content_sealed from visit_version where visit_id = $1',
      [visitId],
    );
    expect(contentAfter).toEqual(contentBefore);
    // Only the new master key is needed now: a keyring without the old one opens the content.
    const onlyNew = new SubjectKeyring(h.service.database, Envelope.fromBase64(newMaster));
    const key = await onlyNew.keyFor(a.patientId, 'HEALTH');
    const versionId = (
      await h.service.database.query<{ id: string }>('select id from visit_version where visit_id = $1', [
        visitId,
      ])
    )[0]!.id;
    expect(
      JSON.parse(
        key.openText(contentAfter[0]!.content_sealed, {
          table: 'visit_version',
          column: 'content',
          row: String(versionId),
        }),
      ).conclusion,
    ).toBe(CONTENT.conclusion);
    // The blind index did not change with the master key.
    expect(await onlyNew.blindIndex('diagnosis-code', 'I10')).toBe(
      await h.service.stores.keyring.blindIndex('diagnosis-code', 'I10'),
    );
    // Reading through the API still works (the running service keeps its cached keys).
    const seen = await h.query(VISIT, { id: visitId }, a.patient);
    expect(seen.data.visit.current.conclusion).toBe(CONTENT.conclusion);
  });
});
