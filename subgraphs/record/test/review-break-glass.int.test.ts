/**
 * Security review of break-glass and drafts: access that ended must end for every path, including
 * drafts the doctor wrote (a correction draft is a full copy of the signed record).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecordHarness, startRecordSubgraph } from './harness';
import { actors, CONTENT, care, OPEN, SAVE, signedVisit, VISIT } from './record-helpers';

let h: RecordHarness;
beforeAll(async () => {
  h = await startRecordSubgraph();
});
afterAll(async () => h?.stop());

const BREAK = /* GraphQL */ `
  mutation ($p: ID!, $reason: String!) {
    breakGlass(input: { patientId: $p, reason: $reason }) { ok }
  }`;
const REASON = 'Пациент без сознания в процедурном кабинете, нужны аллергии и назначения';
const CORRECT = /* GraphQL */ `
  mutation ($v: ID!) { startVisitCorrection(input: { visitId: $v }) { ok draft { id conclusion } } }`;
const MY_DRAFT = /* GraphQL */ `query ($v: ID!) { myVisitDraft(visitId: $v) { id conclusion } }`;
const DRAFT_ENTITY = /* GraphQL */ `
  query ($r: [_Any!]!) { _entities(representations: $r) { ... on VisitDraft { id conclusion } } }`;

/** Ends a doctor's break-glass grants now (as the clock would; the table is append-only). */
async function expireBreakGlass(doctorId: string) {
  const db = h.service.database;
  await db.query('alter table break_glass disable trigger break_glass_frozen');
  await db.query(
    "update break_glass set expires_at = now() - interval '1 second' where doctor_account_id = $1",
    [doctorId],
  );
  await db.query('alter table break_glass enable trigger break_glass_frozen');
}

describe('review: access that ended', () => {
  it('a correction draft started under break-glass is unreadable once the break-glass expires', async () => {
    const owner = await actors(h);
    await care(h, owner.doctorId, owner.patientId);
    const { visitId } = await signedVisit(h, owner.doctor, owner.patientId);
    const stranger = await actors(h);
    expect(
      (await h.query(BREAK, { p: owner.patientId, reason: REASON }, stranger.doctor)).data.breakGlass.ok,
    ).toBe(true);
    // Under break-glass the doctor may work: a correction draft, prefilled with the signed content.
    const started = await h.query(CORRECT, { v: visitId }, stranger.doctor);
    expect(started.data.startVisitCorrection.draft.conclusion).toBe(CONTENT.conclusion);
    const draftId = started.data.startVisitCorrection.draft.id;

    await expireBreakGlass(stranger.doctorId);
    expect((await h.query(VISIT, { id: visitId }, stranger.doctor)).data.visit).toBeNull();
    // The copy in the draft must close with the record.
    const mine = await h.query(MY_DRAFT, { v: visitId }, stranger.doctor);
    expect(mine.data?.myVisitDraft ?? null).toBeNull();
    expect(JSON.stringify(mine)).not.toContain(CONTENT.conclusion);
    const ent = await h.query(
      DRAFT_ENTITY,
      { r: [{ __typename: 'VisitDraft', id: draftId }] },
      stranger.doctor,
    );
    expect(ent.data._entities).toEqual([null]);
    expect(JSON.stringify(ent)).not.toContain(CONTENT.conclusion);
  });

  it('an author whose care relationship ended no longer reads the draft; with care again they do', async () => {
    const a = await actors(h);
    const source = `appointment:${randomUUID()}`;
    await h.service.stores.care.grant(a.doctorId, a.patientId, source, new Date(Date.now() + 86_400_000));
    const opened = await h.query(OPEN, { patientId: a.patientId }, a.doctor);
    const visitId = opened.data.openVisit.visit.id;
    const saved = await h.query(SAVE, { visitId, content: CONTENT, rev: 0 }, a.doctor);
    expect(saved.data.saveVisitDraft.ok).toBe(true);
    expect((await h.query(MY_DRAFT, { v: visitId }, a.doctor)).data.myVisitDraft.conclusion).toBe(
      CONTENT.conclusion,
    );
    // The appointment is cancelled: the schedule's event withdraws the relationship.
    await h.service.stores.care.withdraw(source);
    const after = await h.query(MY_DRAFT, { v: visitId }, a.doctor);
    expect(after.data?.myVisitDraft ?? null).toBeNull();
    expect(JSON.stringify(after)).not.toContain(CONTENT.conclusion);
    await care(h, a.doctorId, a.patientId);
    expect((await h.query(MY_DRAFT, { v: visitId }, a.doctor)).data.myVisitDraft.conclusion).toBe(
      CONTENT.conclusion,
    );
  });

  it('break-glass opens one patient\u2019s record, not another\u2019s, and never a colleague\u2019s draft', async () => {
    const p = await actors(h);
    await care(h, p.doctorId, p.patientId);
    const { visitId } = await signedVisit(h, p.doctor, p.patientId);
    const opened = await h.query(OPEN, { patientId: p.patientId }, p.doctor);
    const saved = await h.query(
      SAVE,
      { visitId: opened.data.openVisit.visit.id, content: CONTENT, rev: 0 },
      p.doctor,
    );
    const q = await actors(h);
    await care(h, q.doctorId, q.patientId);
    const other = await signedVisit(h, q.doctor, q.patientId);
    const stranger = await actors(h);
    await h.query(BREAK, { p: p.patientId, reason: REASON }, stranger.doctor);
    expect((await h.query(VISIT, { id: visitId }, stranger.doctor)).data.visit.current.conclusion).toBe(
      CONTENT.conclusion,
    );
    expect((await h.query(VISIT, { id: other.visitId }, stranger.doctor)).data.visit).toBeNull();
    const draft = await h.query(
      DRAFT_ENTITY,
      { r: [{ __typename: 'VisitDraft', id: saved.data.saveVisitDraft.draft.id }] },
      stranger.doctor,
    );
    expect(draft.data._entities).toEqual([null]);
  });
});
