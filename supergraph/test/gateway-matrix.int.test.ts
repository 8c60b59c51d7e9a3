import { createMatrix, describeMatrix, type MatrixCaller } from '@medikamente/runtime/testing';
import { loadPolicy } from '@medikamente/schema';
import { identityCaller, subjectFixtures as identityFixtures } from '@medikamente/subgraph-identity/testing';
import { subjectFixtures as patientFixtures } from '@medikamente/subgraph-patient/testing';
import { subjectFixtures as recordFixtures } from '@medikamente/subgraph-record/testing';
import { subjectFixtures as scheduleFixtures } from '@medikamente/subgraph-schedule/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSupergraph } from '../src/compose';
import { type Platform, startPlatform } from './platform';

// The generated authorization matrix of every subject type through the gateway: every role x
// every realisable condition x every classified field, asked through the root queries (and the
// fields of other subjects for types only reachable nested), with real tokens from identity.
let p: Platform;

/** Machine clients get their token by the real client-credentials grant over HTTP. */
async function caller(role: string): Promise<MatrixCaller> {
  if (role !== 'lab_partner' && role !== 'service') return identityCaller(p.identity, role);
  const client = await p.identity.createClient({ role, scopes: ['patients:read'] });
  const res = await fetch(`${p.identityUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    }),
  });
  if (res.status !== 200) throw new Error(`client-credentials grant failed: ${res.status}`);
  const { access_token } = (await res.json()) as { access_token: string };
  return { role, token: access_token, accountId: client.clientId, patientId: null };
}

const matrix = createMatrix({
  policy: loadPolicy(),
  supergraphSdl: readSupergraph(),
  surface: {
    graph: null,
    query: (q, variables, token) => p.query(q, variables, token),
    caller,
    get services() {
      return { identity: p.identity, patient: p.patient, schedule: p.schedule, record: p.record };
    },
    fixtures: { ...identityFixtures, ...patientFixtures, ...scheduleFixtures, ...recordFixtures },
  },
});

beforeAll(async () => {
  // lab_partner's cells are asked with document text: the subgraphs' policy is under test here, the
  // gateway's partner allowlist (which would refuse that text) in trusted-documents.int.test.ts.
  p = await startPlatform({ gateway: { unsafePartnerFreeText: true } });
});
afterAll(async () => p?.stop());

describeMatrix('generated authorization matrix through the gateway', matrix, {
  types: Object.keys(matrix.model.policy.subjects),
  routes: {
    Patient: ['Query.patient', 'Query.myPatient', 'Query.patientDuplicates'],
    Consent: ['Query.patient › consents', 'Query.patientDuplicates › consents'],
    ConsentStatus: ['Query.consentStatus'],
    AccessLogEntry: ['Query.myAccessLog'],
    AuditEvent: ['Query.auditEvents'],
    Account: ['Query.me', 'Query.staffAccounts'],
    Appointment: ['Query.appointment', 'Query.myAppointments', 'Query.doctorSchedule', 'Query.branchJournal'],
    ReminderSettings: ['Query.myReminderSettings'],
    Visit: ['Query.visits', 'Query.visit', 'Query.visitForAppointment', 'Query.myRecord'],
    VisitVersion: [
      'Query.visits › current',
      'Query.visit › current',
      'Query.visitForAppointment › current',
      'Query.visits › versions',
      'Query.visit › versions',
      'Query.visitForAppointment › versions',
    ],
    VisitAddendum: ['Query.visits › addenda', 'Query.visit › addenda', 'Query.visitForAppointment › addenda'],
    VisitDraft: ['Query.myVisitDraft'],
    Attachment: [
      'Query.visits › attachments',
      'Query.visit › attachments',
      'Query.visitForAppointment › attachments',
    ],
    RecordExport: ['Query.recordExport'],
  },
});

describe('the matrix fixtures’ shortcuts, taken through the gateway once', () => {
  it('a booking gives the doctor a care relationship by event; the owner gives consent through the gateway', async () => {
    // The matrix grants care in the patient subgraph directly; here it arrives as the booking's event.
    const owner = await caller('patient');
    const doctor = await caller('doctor');
    const request = { subject: owner, caller: doctor, conditions: [] as string[] };
    await patientFixtures.Patient.create(p.patient, request);
    await scheduleFixtures.Appointment.create(p.schedule, { ...request, conditions: ['careRelationship'] });
    const end = Date.now() + 10_000;
    while ((await p.patient.stores.care.activeFor(doctor.accountId, [owner.patientId!])).size === 0) {
      if (Date.now() > end) throw new Error('care relationship did not arrive');
      await new Promise((r) => setTimeout(r, 100));
    }
    const seen = await p.query(
      'query($id: ID!) { patient(id: $id) { phone chronicConditions homeAddress } }',
      { id: owner.patientId },
      doctor.token,
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data.patient).toMatchObject({
      chronicConditions: ['Бронхиальная астма'],
      homeAddress: 'г. Москва, ул. Пречистенка, д. 3',
    });
    const given = await p.query(
      `mutation($p: ID!) { giveConsent(patientId: $p, purpose: TREATMENT, textVersion: 1, channel: PORTAL) { ok } }`,
      { p: owner.patientId },
      owner.token,
    );
    expect(given.data.giveConsent.ok).toBe(true);
    const mine = await p.query('{ myPatient { consents { purpose givenChannel active } } }', {}, owner.token);
    expect(mine.data.myPatient.consents).toEqual([
      { purpose: 'TREATMENT', givenChannel: 'PORTAL', active: true },
    ]);
  });
});
