import { createMatrix, issuerCallers, type RouteOutcome } from '@medikamente/runtime/testing';
import { loadPolicy } from '@medikamente/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('generated policy matrix on the patient subgraph', () => {
  it('covers every role and every subject type the subgraph owns, on every route', () => {
    expect(new Set(matrix.cases.map((c) => c.role))).toEqual(new Set(Object.keys(matrix.model.policy.roles)));
    expect(matrix.types).toEqual(['Patient', 'Consent', 'ConsentStatus', 'AccessLogEntry', 'AuditEvent']);
    expect(Object.fromEntries([...matrix.routes].map(([t, r]) => [t, r.map((x) => x.label)]))).toEqual({
      Patient: ['_entities(Patient)', 'Query.patient', 'Query.myPatient', 'Query.patientDuplicates'],
      Consent: expect.arrayContaining(['_entities(Patient) › consents']),
      ConsentStatus: ['Query.consentStatus'],
      AccessLogEntry: ['Query.myAccessLog'],
      AuditEvent: ['Query.auditEvents'],
    });
  });

  const outcomes: RouteOutcome[] = [];
  it.each(matrix.cases.map((c) => [c.label, c] as const))('%s', async (_label, c) => {
    const report = await matrix.run(c);
    outcomes.push(...report.outcomes);
    expect(report.mismatches).toEqual([]);
  });

  it('compared every subject type field by field in some case', () => {
    const compared = new Set(outcomes.filter((o) => o.outcome === 'compared').map((o) => o.type));
    expect([...compared].sort()).toEqual([...matrix.types].sort());
  });
});
