import { randomUUID } from 'node:crypto';
import type { RecordHarness } from './harness';

/** A doctor, a patient, and helpers to drive the record subgraph over HTTP as them. */
export async function actors(h: RecordHarness) {
  const doctorId = `doctor-${randomUUID()}`;
  const patientAccount = `patient-account-${randomUUID()}`;
  const patientId = randomUUID();
  const doctor = await h.tokenFor({ role: 'doctor', sub: doctorId });
  const patient = await h.tokenFor({ role: 'patient', sub: patientAccount, pid: patientId });
  return { doctorId, patientId, doctor, patient };
}

/** Grants a doctor a care relationship with a patient (as the schedule's events would). */
export const care = (h: RecordHarness, doctorId: string, patientId: string) =>
  h.service.stores.care.grant(
    doctorId,
    patientId,
    `appointment:${randomUUID()}`,
    new Date(Date.now() + 86_400_000),
  );

export const CONTENT = {
  complaints: 'Головная боль по утрам, шум в ушах',
  anamnesis: 'Повышение давления около года',
  examination: 'АД 160/95, пульс 78',
  diagnoses: [{ code: 'I10', kind: 'PRIMARY', certainty: 'CONFIRMED' }],
  conclusion: 'Эссенциальная гипертензия',
  recommendations: 'Ограничить соль, контроль АД дважды в день',
  prescriptions: [
    {
      drug: 'Лозартан',
      form: 'таблетки',
      dose: '50 мг',
      route: 'внутрь',
      frequency: '1 раз в день',
      duration: '30 дней',
    },
  ],
  referrals: [{ kind: 'LAB', target: 'Биохимический анализ крови' }],
};

export const OPEN = /* GraphQL */ `
  mutation ($patientId: ID!, $appointmentId: ID) {
    openVisit(input: { patientId: $patientId, appointmentId: $appointmentId }) {
      ok inputErrors { field code } visit { id status }
    }
  }`;
export const SAVE = /* GraphQL */ `
  mutation ($visitId: ID!, $content: VisitContentInput!, $rev: Int) {
    saveVisitDraft(input: { visitId: $visitId, content: $content, expectedRevision: $rev }) {
      ok inputErrors { field code } draft { id revision complaints diagnoses { code title kind certainty } }
    }
  }`;
export const SIGN = /* GraphQL */ `
  mutation ($visitId: ID!, $key: String!, $reason: String) {
    signVisit(input: { visitId: $visitId, idempotencyKey: $key, reason: $reason }) {
      ok inputErrors { field code } version { id number status reason contentHash replacesVersionId complaints conclusion }
    }
  }`;
export const VISIT = /* GraphQL */ `
  query ($id: ID!) {
    visit(id: $id) {
      id status
      current { id number status conclusion reason }
      versions { id number status reason }
      addenda { id text }
    }
  }`;

/** Opens a visit, saves `content` as the doctor's draft and signs it; returns ids. */
export async function signedVisit(h: RecordHarness, doctor: string, patientId: string, content = CONTENT) {
  const opened = await h.query(OPEN, { patientId }, doctor);
  const visitId = opened.data.openVisit.visit.id as string;
  const saved = await h.query(SAVE, { visitId, content, rev: 0 }, doctor);
  if (!saved.data.saveVisitDraft.ok) throw new Error(JSON.stringify(saved));
  const signed = await h.query(SIGN, { visitId, key: randomUUID() }, doctor);
  if (!signed.data.signVisit.ok) throw new Error(JSON.stringify(signed));
  return { visitId, version: signed.data.signVisit.version as { id: string; contentHash: string } };
}
