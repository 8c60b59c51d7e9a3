/**
 * The record subgraph in the running platform: the schedule's appointment events reach it over
 * HTTP (EVENTS_HTTP_CONSUMERS beside the patient subgraph's inbox), so a booking gives the doctor
 * the care relationship, a check-in opens the visit, and a cancellation withdraws the access; the
 * doctor writes and signs the visit through the gateway and the patient reads only what is signed.
 * The lab subgraph takes the same events (EVENTS_HTTP_CONSUMERS) into its own care projection.
 */
import { randomUUID } from 'node:crypto';
import { until } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, startPlatform } from './platform';
import { recordClinic, VISIT_CONTENT } from './record-flow';

let p: Platform;
let clinic: Awaited<ReturnType<typeof recordClinic>>;

beforeAll(async () => {
  p = await startPlatform();
  clinic = await recordClinic(p);
});
afterAll(async () => p?.stop());

const MY_RECORD = /* GraphQL */ `
  {
    myRecord {
      id
      status
      current { number status conclusion diagnoses { code title kind } prescriptions { drug dose } }
    }
  }
`;

describe('appointment events reach the record subgraph over HTTP', () => {
  it('check-in opens the visit; the doctor drafts and signs it through the gateway; the patient sees only the signed version', async () => {
    const { patient, appointmentId } = await clinic.book();
    const patientId = patient.patientId!;
    expect(patientId).toBeTruthy();
    // The booking's event gives the doctor the care relationship in the record subgraph.
    await clinic.awaitAccess(patientId, 'FULL');
    expect(await clinic.visitOf(appointmentId)).toBeNull();

    await clinic.checkIn(appointmentId);
    let visit: Awaited<ReturnType<typeof clinic.visitOf>> = null;
    await until('the visit opened at check-in', async () => {
      visit = await clinic.visitOf(appointmentId);
      return visit !== null;
    });
    expect(visit).toMatchObject({ status: 'OPEN', patientId, doctorAccountId: clinic.doctor.accountId });
    const visitId = visit!.id;

    const saved = await p.query(
      `mutation($i: SaveVisitDraftInput!) {
        saveVisitDraft(input: $i) { ok inputErrors { code } draft { revision conclusion } }
      }`,
      { i: { visitId, content: VISIT_CONTENT, expectedRevision: 0 } },
      clinic.doctor.token,
    );
    expect(saved.data.saveVisitDraft).toEqual({
      ok: true,
      inputErrors: [],
      draft: { revision: 1, conclusion: VISIT_CONTENT.conclusion },
    });
    // A draft is never the patient's: neither in the record nor by asking for it.
    expect((await p.query(MY_RECORD, {}, patient.token)).data.myRecord).toEqual([]);
    const draftAsPatient = await p.query(
      'query($v: ID!) { myVisitDraft(visitId: $v) { conclusion } }',
      { v: visitId },
      patient.token,
    );
    expect(draftAsPatient.data?.myVisitDraft ?? null).toBeNull();
    expect(draftAsPatient.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

    const signed = await p.query(
      `mutation($i: SignVisitInput!) {
        signVisit(input: $i) { ok inputErrors { code } version { number status contentHash } }
      }`,
      { i: { visitId, reason: null, idempotencyKey: `s-${randomUUID()}` } },
      clinic.doctor.token,
    );
    expect(signed.data.signVisit).toMatchObject({
      ok: true,
      inputErrors: [],
      version: { number: 1, status: 'FINAL' },
    });
    expect(signed.data.signVisit.version.contentHash).toMatch(/^[0-9a-f]{64}$/);

    // The doctor starts a correction: the patient still reads version 1, not the new draft.
    const correction = await p.query(
      `mutation($v: ID!, $i: SaveVisitDraftInput!) {
        startVisitCorrection(input: { visitId: $v }) { ok }
        saveVisitDraft(input: $i) { ok draft { kind } }
      }`,
      {
        v: visitId,
        i: {
          visitId,
          content: { ...VISIT_CONTENT, conclusion: 'Черновик исправления' },
          expectedRevision: null,
        },
      },
      clinic.doctor.token,
    );
    expect(correction.data).toEqual({
      startVisitCorrection: { ok: true },
      saveVisitDraft: { ok: true, draft: { kind: 'CORRECTION' } },
    });
    const mine = await p.query(MY_RECORD, {}, patient.token);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.myRecord).toEqual([
      {
        id: visitId,
        status: 'SIGNED',
        current: {
          number: 1,
          status: 'FINAL',
          conclusion: VISIT_CONTENT.conclusion,
          diagnoses: [
            {
              code: 'J06.9',
              title: 'Острая инфекция верхних дыхательных путей неуточненная',
              kind: 'PRIMARY',
            },
          ],
          prescriptions: [{ drug: 'Парацетамол', dose: '500 мг' }],
        },
      },
    ]);
  });

  it('a cancelled appointment withdraws the care relationship: the doctor’s access falls to NONE', async () => {
    const { patient, appointmentId } = await clinic.book();
    const patientId = patient.patientId!;
    await clinic.awaitAccess(patientId, 'FULL');
    // The lab's own projection of the same events: care while booked, none once cancelled.
    const labCare = async () =>
      (await p.lab.stores.care.activeFor(clinic.doctor.accountId, [patientId])).has(patientId);
    await until('the lab’s care relationship', labCare);
    await clinic.cancel(patient.token, appointmentId);
    await clinic.awaitAccess(patientId, 'NONE');
    await until('the lab withdraws the care relationship', async () => !(await labCare()));
    expect(await clinic.accessLevel(patientId)).toBe('NONE');
    // Nor can the doctor open the patient's record any more (break-glass aside).
    const open = await p.query(
      'mutation($i: OpenVisitInput!) { openVisit(input: $i) { ok inputErrors { code } visit { id } } }',
      { i: { patientId } },
      clinic.doctor.token,
    );
    expect(open.data.openVisit).toEqual({ ok: false, inputErrors: [{ code: 'FORBIDDEN' }], visit: null });
  });

  it('a doctor without a relationship gets NONE (break-glass offered), reception only the summary', async () => {
    const { patient } = await clinic.book();
    await clinic.awaitAccess(patient.patientId!, 'FULL');
    const other = await p.account('doctor');
    const seen = await p.query(
      'query($p: ID!) { recordAccess(patientId: $p) { level breakGlassAvailable } }',
      { p: patient.patientId },
      other.token,
    );
    expect(seen.data.recordAccess).toEqual({ level: 'NONE', breakGlassAvailable: true });
    const desk = await p.query(
      'query($p: ID!) { recordAccess(patientId: $p) { level } }',
      { p: patient.patientId },
      clinic.reception.token,
    );
    expect(desk.data.recordAccess).toEqual({ level: 'SUMMARY' });
  });
});
