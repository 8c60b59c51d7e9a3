import { createMatrix, describeMatrix, issuerCallers } from '@medikamente/runtime/testing';
import { loadPolicy } from '@medikamente/schema';
import { afterAll, beforeAll, expect } from 'vitest';
import { subjectFixtures } from '../src/testing';
import { type PatientHarness, startPatientSubgraph } from './harness';

// The generated authorization matrix of every subject type the patient subgraph owns: every role
// x every realisable condition x every classified field, asked straight at the subgraph
// (`_entities`, root queries, nested fields), compared with what schema/policy.yaml gives.
let h: PatientHarness;
const matrix = createMatrix({
  policy: loadPolicy(),
  surface: {
    graph: 'patient',
    query: (q, variables, token) => h.query(q, variables, token),
    caller: issuerCallers((claims) => h.tokenFor(claims)),
    get services() {
      return { patient: h.service };
    },
    fixtures: subjectFixtures,
  },
});

beforeAll(async () => {
  h = await startPatientSubgraph();
});
afterAll(async () => h?.stop());

describeMatrix('generated policy matrix on the patient subgraph', matrix, {
  types: ['Patient', 'Consent', 'ConsentStatus', 'AccessLogEntry', 'AuditEvent'],
  routes: {
    Patient: ['_entities(Patient)', 'Query.patient', 'Query.myPatient', 'Query.patientDuplicates'],
    Consent: expect.arrayContaining(['_entities(Patient) › consents']),
    ConsentStatus: ['Query.consentStatus'],
    AccessLogEntry: ['Query.myAccessLog'],
    AuditEvent: ['Query.auditEvents'],
  },
});
