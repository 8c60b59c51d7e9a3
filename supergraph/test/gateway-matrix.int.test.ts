import { createMatrix, describeMatrix, type MatrixCaller } from '@medikamente/runtime/testing';
import { loadPolicy } from '@medikamente/schema';
import { subjectFixtures as billingFixtures } from '@medikamente/subgraph-billing/testing';
import { identityCaller, subjectFixtures as identityFixtures } from '@medikamente/subgraph-identity/testing';
import { subjectFixtures as labFixtures, PARTNER_SCOPES } from '@medikamente/subgraph-lab/testing';
import { subjectFixtures as patientFixtures } from '@medikamente/subgraph-patient/testing';
import { subjectFixtures as recordFixtures } from '@medikamente/subgraph-record/testing';
import { subjectFixtures as scheduleFixtures } from '@medikamente/subgraph-schedule/testing';
import { subjectFixtures as securityFixtures } from '@medikamente/subgraph-security/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSupergraph } from '../src/compose';
import { type Platform, startPlatform } from './platform';

// The generated authorization matrix of every subject type through the gateway: every role x
// every realisable condition x every classified field, asked through the root queries (and the
// fields of other subjects for types only reachable nested), with real tokens from identity.
let p: Platform;

/**
 * The scopes of the machine clients' tokens: a partner laboratory's order feed and result posts.
 * Partner tokens send document text here, which the gateway's trusted-documents gate (ADR 0015)
 * refuses unless the test gateway allows it: the matrix asks the subgraphs' policy for lab_partner,
 * the allowlist has its own suite (the lab subgraph's matrix covers lab_partner without a gateway).
 */
const MACHINE_SCOPES: Record<string, string[]> = {
  lab_partner: PARTNER_SCOPES.split(' '),
  service: ['patients:read'],
};

/** Machine clients get their token by the real client-credentials grant over HTTP. */
async function caller(role: string): Promise<MatrixCaller> {
  const scopes = MACHINE_SCOPES[role];
  if (!scopes) return identityCaller(p.identity, role);
  const client = await p.identity.createClient({ role: role as 'lab_partner' | 'service', scopes });
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

/**
 * Subject types no query of the gateway reaches for another caller: a critical alert is read only
 * by the doctor it was raised for (`labAlerts`, the subscription), so no case can compare it field
 * by field here. The lab subgraph's matrix covers it through `_entities`; the test below takes it
 * through the gateway once.
 */
const NOT_THROUGH_GATEWAY: Record<string, string> = {
  LabAlert: 'only the caller’s own alerts (labAlerts): covered by the lab subgraph’s matrix',
  // A payment, its refunds and receipts are reached only inside their invoice (Invoice.payments,
  // FINANCIAL like them): the billing subgraph's matrix compares them through _entities, and an
  // invoice hidden from a caller hides them here.
  Payment: 'only nested in its invoice: covered by the billing subgraph’s matrix (_entities)',
  Refund: 'only nested in its invoice’s payments: covered by the billing subgraph’s matrix',
  Receipt: 'only nested in its invoice’s payments: covered by the billing subgraph’s matrix',
};
const policy = loadPolicy();
const TYPES = Object.keys(policy.subjects).filter((t) => !NOT_THROUGH_GATEWAY[t]);

const matrix = createMatrix({
  policy,
  supergraphSdl: readSupergraph(),
  types: TYPES,
  surface: {
    graph: null,
    query: (q, variables, token) => p.query(q, variables, token),
    caller,
    get services() {
      return {
        identity: p.identity,
        patient: p.patient,
        schedule: p.schedule,
        record: p.record,
        lab: p.lab,
        billing: p.billing,
        security: p.security,
      };
    },
    fixtures: {
      ...identityFixtures,
      ...patientFixtures,
      ...scheduleFixtures,
      ...recordFixtures,
      ...labFixtures,
      ...billingFixtures,
      ...securityFixtures,
    },
  },
});

beforeAll(async () => {
  // lab_partner's cells are asked with document text: the subgraphs' policy is under test here, the
  // gateway's partner allowlist (which would refuse that text) in trusted-documents.int.test.ts.
  // The audit stream stays off: the matrix's own reads would otherwise be copied into the very
  // trail lists it compares between the reference view and the case (tested in the stream suites).
  p = await startPlatform({ gateway: { unsafePartnerFreeText: true }, securityEnv: { AUDIT_SOURCES: '' } });
});
afterAll(async () => p?.stop());

describeMatrix('generated authorization matrix through the gateway', matrix, {
  types: TYPES,
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
    LabOrder: [
      'Query.labOrders',
      'Query.labOrder',
      'Query.labOrdersForVisit',
      'Query.labOrdersToReview',
      'Query.myLabOrders',
    ],
    LabResult: ['Query.labResultHistory'],
    PartnerLabOrder: ['Query.partnerLabOrder'],
    Invoice: [
      'Query.invoices',
      'Query.invoice',
      'Query.myInvoices',
      'Query.branchInvoices',
      'Query.invoicesAwaitingRefundDecision',
    ],
    Contract: ['Query.patientContracts', 'Query.myContracts', 'Query.contract'],
    TaxCertificate: ['Query.taxCertificates'],
    UnbilledLabOrder: ['Query.unbilledLabOrders', 'Query.patientUnbilledLabOrders'],
    SecurityAlert: ['Query.securityAlerts', 'Query.securityAlert'],
    AuditRecord: ['Query.auditRecords'],
    AccessTrailEntry: ['Query.myAccessTrail'],
    DataRequest: ['Query.myDataRequests', 'Query.dataRequests', 'Query.dataRequest'],
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

  it('a critical alert reaches the doctor it was raised for through the gateway, and nobody else', async () => {
    const owner = await caller('patient');
    const doctor = await caller('doctor');
    const request = { subject: owner, caller: doctor, conditions: ['careRelationship'] };
    const { key } = await labFixtures.LabResult.create(p.lab, request);
    const resultId = String(key!.id);
    const result = (await p.lab.stores.results.byIds([resultId])).get(resultId)!;
    const alert = await p.lab.stores.alerts.raise({
      orderId: result.orderId,
      resultId,
      patientId: result.patientId,
      doctorAccountId: doctor.accountId,
      flag: 'HH',
      escalateAfterSec: 3600,
    });
    const q = '{ labAlerts { id patientId flag doctorAccountId result { numeric flag } steps { step } } }';
    const mine = await p.query(q, {}, doctor.token);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.labAlerts).toEqual([
      {
        id: alert.id,
        patientId: owner.patientId,
        flag: 'HH',
        doctorAccountId: doctor.accountId,
        result: { numeric: 6.8, flag: 'HH' },
        steps: [{ step: 'RAISED' }],
      },
    ]);
    const colleague = await caller('doctor');
    expect((await p.query(q, {}, colleague.token)).data.labAlerts).toEqual([]);
    const asPatient = await p.query(q, {}, owner.token);
    expect(asPatient.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
