/**
 * Security review of the record subgraph (issue 12, sections 3 and 6): real requests against a
 * running subgraph, as a patient, another patient, another doctor and the author would send them.
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

const ENTITIES = /* GraphQL */ `
  query ($r: [_Any!]!) {
    _entities(representations: $r) {
      __typename
      ... on Visit { id current { id conclusion } }
      ... on VisitVersion { id conclusion }
      ... on VisitAddendum { id text }
      ... on VisitDraft { id complaints }
    }
  }`;
const codes = (r: { errors?: Array<{ extensions?: { code?: string } }> }) =>
  (r.errors ?? []).map((e) => e.extensions?.code);

const ADDENDUM = /* GraphQL */ `
  mutation ($v: ID!, $k: String!) {
    addVisitAddendum(input: { visitId: $v, text: "ЭКГ: ритм синусовый", idempotencyKey: $k }) {
      ok visit { addenda { id } }
    }
  }`;
const ENTERED_IN_ERROR = /* GraphQL */ `
  mutation ($v: ID!, $k: String!) {
    markVisitEnteredInError(input: { visitId: $v, reason: "Запись внесена не тому пациенту", idempotencyKey: $k }) {
      ok version { id }
    }
  }`;

/** A patient's signed visit with an addendum, and an open visit with the doctor's draft. */
async function record() {
  const p = await actors(h);
  await care(h, p.doctorId, p.patientId);
  const signed = await signedVisit(h, p.doctor, p.patientId);
  const added = await h.query(ADDENDUM, { v: signed.visitId, k: randomUUID() }, p.doctor);
  const addendumId = added.data.addVisitAddendum.visit.addenda[0].id as string;
  const opened = await h.query(OPEN, { patientId: p.patientId }, p.doctor);
  const openVisitId = opened.data.openVisit.visit.id as string;
  const saved = await h.query(SAVE, { visitId: openVisitId, content: CONTENT, rev: 0 }, p.doctor);
  const draftId = saved.data.saveVisitDraft.draft.id as string;
  return { ...p, visitId: signed.visitId, versionId: signed.version.id, addendumId, openVisitId, draftId };
}

describe('review: BOLA and visibility', () => {
  it('patient A reads nothing of patient B by any root or entity type', async () => {
    const a = await actors(h);
    const b = await record();
    const asA = (q: string, v: Record<string, unknown>) => h.query(q, v, a.patient);
    expect(
      (await asA('query ($p: ID!) { visits(patientId: $p) { id } }', { p: b.patientId })).data.visits,
    ).toEqual([]);
    for (const id of [b.visitId, b.openVisitId]) expect((await asA(VISIT, { id })).data.visit).toBeNull();
    expect((await asA('{ myRecord { id } }', {})).data.myRecord).toEqual([]);
    const ents = await asA(ENTITIES, {
      r: [
        { __typename: 'Visit', id: b.visitId },
        { __typename: 'VisitVersion', id: b.versionId },
        { __typename: 'VisitAddendum', id: b.addendumId },
        { __typename: 'VisitDraft', id: b.draftId },
        // A representation naming the caller as the patient changes nothing: rows are re-read.
        { __typename: 'VisitVersion', id: b.versionId, patientId: a.patientId },
      ],
    });
    expect(ents.data._entities).toEqual([null, null, null, null, null]);
    expect(JSON.stringify(ents)).not.toContain(CONTENT.conclusion);
    const access = await asA(
      'query ($p: ID!) { recordAccess(patientId: $p) { level breakGlassAvailable } }',
      {
        p: b.patientId,
      },
    );
    expect(access.data.recordAccess).toEqual({ level: 'NONE', breakGlassAvailable: false });
  });

  it('after entered-in-error the patient reads neither the visit nor its versions or addenda by _entities', async () => {
    const b = await record();
    const marked = await h.query(ENTERED_IN_ERROR, { v: b.visitId, k: randomUUID() }, b.doctor);
    expect(marked.data.markVisitEnteredInError.ok).toBe(true);
    const eieVersionId = marked.data.markVisitEnteredInError.version.id;
    // The roots hide it (existing behaviour) ...
    expect((await h.query(VISIT, { id: b.visitId }, b.patient)).data.visit).toBeNull();
    // ... and so must every entity reference the portal saw before (version 1, the addendum).
    const ents = await h.query(
      ENTITIES,
      {
        r: [
          { __typename: 'Visit', id: b.visitId },
          { __typename: 'VisitVersion', id: b.versionId },
          { __typename: 'VisitVersion', id: eieVersionId },
          { __typename: 'VisitAddendum', id: b.addendumId },
        ],
      },
      b.patient,
    );
    expect(ents.data._entities).toEqual([null, null, null, null]);
    expect(JSON.stringify(ents)).not.toContain(CONTENT.conclusion);
    // The doctor in care still reads all of it.
    const doctor = await h.query(
      ENTITIES,
      {
        r: [
          { __typename: 'VisitVersion', id: b.versionId },
          { __typename: 'VisitAddendum', id: b.addendumId },
        ],
      },
      b.doctor,
    );
    expect(doctor.data._entities).toMatchObject([
      { conclusion: CONTENT.conclusion },
      { text: 'ЭКГ: ритм синусовый' },
    ]);
  });

  it('the patient sees versions and addenda of a visible visit by _entities, but never a draft', async () => {
    const b = await record();
    const ents = await h.query(
      ENTITIES,
      {
        r: [
          { __typename: 'VisitVersion', id: b.versionId },
          { __typename: 'VisitAddendum', id: b.addendumId },
          { __typename: 'VisitDraft', id: b.draftId },
          { __typename: 'Visit', id: b.openVisitId },
        ],
      },
      b.patient,
    );
    expect(ents.data._entities).toEqual([
      { __typename: 'VisitVersion', id: b.versionId, conclusion: CONTENT.conclusion },
      { __typename: 'VisitAddendum', id: b.addendumId, text: 'ЭКГ: ритм синусовый' },
      null,
      null,
    ]);
  });

  it('a draft id is not a patient id: the author condition holds only for the draft itself', async () => {
    const b = await record();
    // The author asks recordAccess about the id of their own draft: no patient has it.
    const r = await h.query(
      'query ($p: ID!) { recordAccess(patientId: $p) { level } }',
      { p: b.draftId },
      b.doctor,
    );
    expect(r.data.recordAccess.level).toBe('NONE');
    // The draft itself stays the author's.
    const own = await h.query(ENTITIES, { r: [{ __typename: 'VisitDraft', id: b.draftId }] }, b.doctor);
    expect(own.data._entities[0].complaints).toBe(CONTENT.complaints);
  });

  it('another doctor in care learns nothing of a colleague\u2019s draft and cannot touch it', async () => {
    const b = await record();
    const colleague = `doctor-${randomUUID()}`;
    await care(h, colleague, b.patientId);
    const token = await h.tokenFor({ role: 'doctor', sub: colleague });
    const ent = await h.query(ENTITIES, { r: [{ __typename: 'VisitDraft', id: b.draftId }] }, token);
    expect(ent.data._entities).toEqual([null]);
    expect(
      (await h.query('query ($v: ID!) { myVisitDraft(visitId: $v) { id } }', { v: b.openVisitId }, token))
        .data.myVisitDraft,
    ).toBeNull();
    const discard = await h.query(
      'mutation ($v: ID!) { discardVisitDraft(input: { visitId: $v }) { ok inputErrors { code } } }',
      { v: b.openVisitId },
      token,
    );
    expect(discard.data.discardVisitDraft).toEqual({ ok: false, inputErrors: [{ code: 'DRAFT_NOT_FOUND' }] });
    // Saving creates the colleague's own draft; the author's is unchanged.
    const saved = await h.query(
      SAVE,
      { visitId: b.openVisitId, content: { complaints: 'Чужое' }, rev: null },
      token,
    );
    expect(saved.data.saveVisitDraft.draft.id).not.toBe(b.draftId);
    const own = await h.query(ENTITIES, { r: [{ __typename: 'VisitDraft', id: b.draftId }] }, b.doctor);
    expect(own.data._entities[0].complaints).toBe(CONTENT.complaints);
  });

  it('malformed or foreign _entities representations are a client error, never INTERNAL', async () => {
    const a = await actors(h);
    const q = 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }';
    for (const r of [
      ['not-an-object'],
      [1],
      [{}],
      [{ __typename: 'Nope' }],
      [{ __typename: 'Query' }],
      [{ __typename: 'Mutation', id: randomUUID() }],
      [{ __typename: 'RecordAccess', patientId: randomUUID() }],
      [{ __typename: 'Diagnosis', code: 'I10' }],
    ]) {
      const res = await h.query(q, { r }, a.patient);
      expect(codes(res), JSON.stringify(r)).not.toContain('INTERNAL');
      expect(codes(res), JSON.stringify(r)).toEqual(['BAD_USER_INPUT']);
    }
  });
});
