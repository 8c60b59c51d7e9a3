import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedHash } from '../src/modules/visit/visit.service';
import { type RecordHarness, startRecordSubgraph } from './harness';
import { actors, CONTENT, care, OPEN, SAVE, SIGN, signedVisit, VISIT } from './record-helpers';

let h: RecordHarness;
beforeAll(async () => {
  h = await startRecordSubgraph();
});
afterAll(async () => h?.stop());

const count = async (table: string) =>
  Number((await h.service.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n);

describe('visit lifecycle', () => {
  it('a draft is autosaved, seen only by its author, never by the patient; signing freezes version 1', async () => {
    const a = await actors(h);
    await care(h, a.doctorId, a.patientId);
    const opened = await h.query(OPEN, { patientId: a.patientId }, a.doctor);
    expect(opened.data.openVisit).toMatchObject({ ok: true, visit: { status: 'OPEN' } });
    const visitId = opened.data.openVisit.visit.id;

    const first = await h.query(SAVE, { visitId, content: { complaints: 'Кашель' }, rev: 0 }, a.doctor);
    expect(first.data.saveVisitDraft).toMatchObject({
      ok: true,
      draft: { revision: 1, complaints: 'Кашель' },
    });
    const second = await h.query(SAVE, { visitId, content: CONTENT, rev: 1 }, a.doctor);
    expect(second.data.saveVisitDraft.draft).toMatchObject({
      revision: 2,
      diagnoses: [
        { code: 'I10', title: expect.stringMatching(/гипертенз/i), kind: 'PRIMARY', certainty: 'CONFIRMED' },
      ],
    });
    // An autosave from an older window (revision 1) is refused and changes nothing.
    const stale = await h.query(SAVE, { visitId, content: { complaints: 'старое' }, rev: 1 }, a.doctor);
    expect(stale.data.saveVisitDraft).toMatchObject({ ok: false, inputErrors: [{ code: 'DRAFT_STALE' }] });

    const draftId = second.data.saveVisitDraft.draft.id;
    const entity = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on VisitDraft { id complaints } } }`;
    const rep = { r: [{ __typename: 'VisitDraft', id: draftId }] };
    // The author reads it; another doctor in care, and the patient, do not.
    expect((await h.query(entity, rep, a.doctor)).data._entities[0].complaints).toBe(CONTENT.complaints);
    const colleague = `doctor-${randomUUID()}`;
    await care(h, colleague, a.patientId);
    const other = await h.query(entity, rep, await h.tokenFor({ role: 'doctor', sub: colleague }));
    expect(other.data._entities[0]).toBeNull();
    expect(other.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const asPatient = await h.query(entity, rep, a.patient);
    expect(asPatient.data._entities[0]).toBeNull();
    // The patient's record holds no unsigned visit.
    expect((await h.query('{ myRecord { id } }', {}, a.patient)).data.myRecord).toEqual([]);

    // Another doctor cannot sign this draft: there is no draft of theirs.
    const foreign = await h.query(
      SIGN,
      { visitId, key: randomUUID() },
      await h.tokenFor({ role: 'doctor', sub: colleague }),
    );
    expect(foreign.data.signVisit).toMatchObject({ ok: false, inputErrors: [{ code: 'DRAFT_NOT_FOUND' }] });

    const key = randomUUID();
    const signed = await h.query(SIGN, { visitId, key }, a.doctor);
    expect(signed.data.signVisit).toMatchObject({
      ok: true,
      version: { number: 1, status: 'FINAL', complaints: CONTENT.complaints },
    });
    expect(signed.data.signVisit.version.contentHash).toMatch(/^[0-9a-f]{64}$/);
    // A retry with the same key returns the same version and writes nothing.
    const versionsBefore = await count('visit_version');
    const retry = await h.query(SIGN, { visitId, key }, a.doctor);
    expect(retry.data.signVisit.version.id).toBe(signed.data.signVisit.version.id);
    expect(await count('visit_version')).toBe(versionsBefore);

    // The stored hash is the SHA-256 of the canonical content and the signature verifies.
    const stored = (await h.service.stores.visits.versionsByIds([signed.data.signVisit.version.id])).get(
      signed.data.signVisit.version.id,
    )!;
    expect(expectedHash(stored)).toBe(stored.contentHash);
    // The patient now sees the signed visit and its conclusion.
    const mine = await h.query('{ myRecord { id current { conclusion number } } }', {}, a.patient);
    expect(mine.data.myRecord).toEqual([
      { id: visitId, current: { conclusion: CONTENT.conclusion, number: 1 } },
    ]);
    // Every read of clinical data is audited with its purpose: the patient's own as `self`.
    const trail = await h.service.stores.audit.forPatient(a.patientId);
    expect(trail.find((e) => e.actorRole === 'patient')).toMatchObject({
      purpose: 'self',
      categories: ['HEALTH'],
    });
    expect(trail.find((e) => e.actorId === a.doctorId)?.purpose).toMatch(/careRelationship/);
  });

  it('editing a signed visit is refused; a correction is version 2 replacing version 1 with its reason', async () => {
    const a = await actors(h);
    await care(h, a.doctorId, a.patientId);
    const { visitId, version } = await signedVisit(h, a.doctor, a.patientId);
    const edit = await h.query(SAVE, { visitId, content: { complaints: 'переписать' }, rev: 0 }, a.doctor);
    expect(edit.data.saveVisitDraft).toMatchObject({ ok: false, inputErrors: [{ code: 'VISIT_SIGNED' }] });

    const start = await h.query(
      'mutation ($v: ID!) { startVisitCorrection(input: { visitId: $v }) { ok draft { id revision conclusion } } }',
      { v: visitId },
      a.doctor,
    );
    expect(start.data.startVisitCorrection).toMatchObject({
      ok: true,
      draft: { conclusion: CONTENT.conclusion },
    });
    const rev = start.data.startVisitCorrection.draft.revision;
    await h.query(
      SAVE,
      { visitId, content: { ...CONTENT, conclusion: 'Эссенциальная гипертензия II стадии' }, rev },
      a.doctor,
    );
    const noReason = await h.query(SIGN, { visitId, key: randomUUID() }, a.doctor);
    expect(noReason.data.signVisit).toMatchObject({ ok: false, inputErrors: [{ code: 'REASON_REQUIRED' }] });
    const fixed = await h.query(
      SIGN,
      { visitId, key: randomUUID(), reason: 'Уточнена стадия по данным ЭКГ' },
      a.doctor,
    );
    expect(fixed.data.signVisit.version).toMatchObject({
      number: 2,
      status: 'AMENDED',
      reason: 'Уточнена стадия по данным ЭКГ',
      replacesVersionId: version.id,
      conclusion: 'Эссенциальная гипертензия II стадии',
    });
    const seen = await h.query(VISIT, { id: visitId }, a.patient);
    expect(seen.data.visit.current).toMatchObject({
      number: 2,
      conclusion: 'Эссенциальная гипертензия II стадии',
    });
    expect(seen.data.visit.versions.map((v: { number: number }) => v.number)).toEqual([1, 2]);
  });

  it('an addendum appends; entered-in-error hides the visit from the patient but keeps it for the doctor', async () => {
    const a = await actors(h);
    await care(h, a.doctorId, a.patientId);
    const { visitId } = await signedVisit(h, a.doctor, a.patientId);
    const add = await h.query(
      'mutation ($v: ID!, $k: String!) { addVisitAddendum(input: { visitId: $v, text: "ЭКГ: ритм синусовый", idempotencyKey: $k }) { ok } }',
      { v: visitId, k: randomUUID() },
      a.doctor,
    );
    expect(add.data.addVisitAddendum.ok).toBe(true);
    expect((await h.query(VISIT, { id: visitId }, a.patient)).data.visit.addenda).toMatchObject([
      { text: 'ЭКГ: ритм синусовый' },
    ]);

    const eie = await h.query(
      'mutation ($v: ID!, $k: String!) { markVisitEnteredInError(input: { visitId: $v, reason: "Запись внесена не тому пациенту", idempotencyKey: $k }) { ok version { number status } } }',
      { v: visitId, k: randomUUID() },
      a.doctor,
    );
    expect(eie.data.markVisitEnteredInError).toMatchObject({
      ok: true,
      version: { number: 2, status: 'ENTERED_IN_ERROR' },
    });
    expect((await h.query(VISIT, { id: visitId }, a.patient)).data.visit).toBeNull();
    expect((await h.query('{ myRecord { id } }', {}, a.patient)).data.myRecord).toEqual([]);
    const doctorView = await h.query(VISIT, { id: visitId }, a.doctor);
    expect(doctorView.data.visit.versions.map((v: { status: string }) => v.status)).toEqual([
      'FINAL',
      'ENTERED_IN_ERROR',
    ]);
    // Entered-in-error is final: no correction can bring the mistaken content back to the patient.
    const revive = await h.query(
      'mutation ($v: ID!) { startVisitCorrection(input: { visitId: $v }) { ok inputErrors { code } } }',
      { v: visitId },
      a.doctor,
    );
    expect(revive.data.startVisitCorrection).toEqual({ ok: false, inputErrors: [{ code: 'CONFLICT' }] });
  });

  it('a signed version cannot be changed or deleted by SQL (the database refuses)', async () => {
    const a = await actors(h);
    await care(h, a.doctorId, a.patientId);
    const { version } = await signedVisit(h, a.doctor, a.patientId);
    const db = h.service.database;
    await expect(
      db.query("update visit_version set status = 'AMENDED' where id = $1", [version.id]),
    ).rejects.toThrow(/append-only/);
    await expect(db.query('delete from visit_version where id = $1', [version.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query('delete from diagnosis_index where version_id = $1', [version.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query("update visit_addendum set text_sealed = 'x'")).rejects.toThrow(/append-only/);
    await expect(db.query('delete from visit_addendum')).rejects.toThrow(/append-only/);
    const [row] = await db.query<{ status: string }>('select status from visit_version where id = $1', [
      version.id,
    ]);
    expect(row!.status).toBe('FINAL');
  });

  it('bad input gets typed errors and writes nothing', async () => {
    const a = await actors(h);
    await care(h, a.doctorId, a.patientId);
    const opened = await h.query(OPEN, { patientId: a.patientId }, a.doctor);
    const visitId = opened.data.openVisit.visit.id;
    const before = await count('visit_draft');
    const unknown = await h.query(
      SAVE,
      {
        visitId,
        content: { diagnoses: [{ code: 'Z99.99', kind: 'PRIMARY', certainty: 'CONFIRMED' }] },
        rev: 0,
      },
      a.doctor,
    );
    expect(unknown.data.saveVisitDraft).toMatchObject({
      ok: false,
      inputErrors: [{ field: 'input.content.diagnoses.0.code', code: 'UNKNOWN_ICD10_CODE' }],
    });
    const garbage = await h.query(
      SAVE,
      { visitId, content: { complaints: 'a\u0000b', prescriptions: [{ drug: ' ' }] }, rev: 0 },
      a.doctor,
    );
    expect(garbage.data.saveVisitDraft.inputErrors.map((e: { code: string }) => e.code).sort()).toEqual([
      'BAD_USER_INPUT',
      'REQUIRED',
    ]);
    expect(await count('visit_draft')).toBe(before);
    // Nothing to sign: an empty draft, then one without a primary diagnosis.
    await h.query(SAVE, { visitId, content: {}, rev: 0 }, a.doctor);
    expect(
      (await h.query(SIGN, { visitId, key: randomUUID() }, a.doctor)).data.signVisit.inputErrors[0].code,
    ).toBe('DRAFT_EMPTY');
    await h.query(
      SAVE,
      {
        visitId,
        content: {
          complaints: 'Кашель',
          diagnoses: [{ code: 'J06.9', kind: 'SECONDARY', certainty: 'PROVISIONAL' }],
        },
        rev: null,
      },
      a.doctor,
    );
    expect(
      (await h.query(SIGN, { visitId, key: randomUUID() }, a.doctor)).data.signVisit.inputErrors[0].code,
    ).toBe('PRIMARY_DIAGNOSIS_REQUIRED');
    expect(await count('visit_version where visit_id = ' + `'${visitId}'`)).toBe(0);
    const badId = await h.query(SIGN, { visitId: 'not-a-uuid', key: randomUUID() }, a.doctor);
    expect(badId.data.signVisit).toMatchObject({ ok: false, inputErrors: [{ code: 'INVALID_ID' }] });
  });

  it('a doctor without a care relationship may not open or write a visit', async () => {
    const a = await actors(h);
    const opened = await h.query(OPEN, { patientId: a.patientId }, a.doctor);
    expect(opened.data.openVisit).toMatchObject({ ok: false, inputErrors: [{ code: 'FORBIDDEN' }] });
  });
});

describe('visits of appointments', () => {
  it('opens one visit per appointment the schedule reported, and refuses made-up appointment ids', async () => {
    const a = await actors(h);
    const appointmentId = randomUUID();
    // As the schedule's appointment.booked event does: the appointment's care relationship.
    await h.service.stores.care.grant(
      a.doctorId,
      a.patientId,
      `appointment:${appointmentId}`,
      new Date(Date.now() + 86_400_000),
    );
    const first = await h.query(OPEN, { patientId: a.patientId, appointmentId }, a.doctor);
    const again = await h.query(OPEN, { patientId: a.patientId, appointmentId }, a.doctor);
    expect(first.data.openVisit.ok).toBe(true);
    expect(again.data.openVisit.visit.id).toBe(first.data.openVisit.visit.id);
    const madeUp = await h.query(OPEN, { patientId: a.patientId, appointmentId: randomUUID() }, a.doctor);
    expect(madeUp.data.openVisit).toMatchObject({
      ok: false,
      inputErrors: [{ field: 'input.appointmentId', code: 'NOT_FOUND' }],
    });
    const byAppointment = await h.query(
      'query ($id: ID!) { visitForAppointment(appointmentId: $id) { id status } }',
      { id: appointmentId },
      a.doctor,
    );
    expect(byAppointment.data.visitForAppointment).toEqual({
      id: first.data.openVisit.visit.id,
      status: 'OPEN',
    });
  });
});
