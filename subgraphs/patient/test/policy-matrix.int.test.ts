import { buildSubgraphSchema } from '@apollo/subgraph';
import { compareView, selectAll } from '@medikamente/runtime/testing';
import {
  type FieldClassification,
  fieldEffect,
  loadPolicy,
  policyScenarios,
  readClassifications,
} from '@medikamente/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientTypeDefs } from '../src/schema';
import { type PatientHarness, startPatientSubgraph } from './harness';

// The authorization matrix for entities of this subgraph, generated from schema/policy.yaml and
// the @classified directives: every role x every realisable condition x every classified field,
// asked through `_entities` straight at the subgraph (no gateway in between).
const policy = loadPolicy();
const schema = buildSubgraphSchema([{ typeDefs: patientTypeDefs }]);
const classes = new Map<string, FieldClassification>(
  readClassifications(schema).map((c) => [`${c.type}.${c.field}`, c]),
);
const scenarios = policyScenarios(policy);
const ENTITY_QUERY = `query Entities($reps: [_Any!]!) { _entities(representations: $reps) { ... on Patient { ${selectAll(schema, 'Patient')} } } }`;

let h: PatientHarness;
let patientId: string;
let full: Record<string, unknown>;

beforeAll(async () => {
  h = await startPatientSubgraph();
  const { patient, token } = await h.createTestPatient({ withToken: true });
  patientId = patient.id;
  await h.service.stores.consents.give(patientId, 'TREATMENT', 1, 'RECEPTION', 'test');
  await h.service.stores.consents.give(patientId, 'MARKETING', 1, 'PORTAL', 'test');
  await h.service.stores.consents.withdraw(patientId, 'MARKETING', 'PORTAL');
  const self = await h.query(ENTITY_QUERY, { reps: [{ __typename: 'Patient', id: patientId }] }, token);
  expect(self.errors).toBeUndefined();
  full = self.data._entities[0];
});
afterAll(async () => h?.stop());

describe('policy matrix via _entities on the patient subgraph', () => {
  it('covers every role of the policy and every classified Patient and Consent field', () => {
    expect(new Set(scenarios.map((s) => s.role))).toEqual(new Set(Object.keys(policy.roles)));
    expect([...classes.keys()].filter((k) => k.startsWith('Patient.')).length).toBeGreaterThanOrEqual(20);
    // The owner's view is the reference: it must hold real values to compare against.
    expect(full.passport).toBe('4510 123456');
    // Active consents only (the default view): MARKETING was withdrawn.
    expect((full.consents as Array<{ purpose: string }>).map((c) => c.purpose)).toEqual(['TREATMENT']);
  });

  it.each(
    scenarios.map((s) => [s.label, s] as const),
  )('%s sees exactly what the policy gives', async (_label, scenario) => {
    const sub = crypto.randomUUID();
    if (scenario.conditions.includes('careRelationship')) {
      await h.service.stores.care.grant(sub, patientId, 'test', new Date(Date.now() + 86_400_000));
    }
    const token = await h.tokenFor({
      role: scenario.role,
      sub,
      pid: scenario.conditions.includes('self')
        ? patientId
        : scenario.role === 'patient'
          ? crypto.randomUUID()
          : undefined,
    });
    const r = await h.query(ENTITY_QUERY, { reps: [{ __typename: 'Patient', id: patientId }] }, token);
    expect(r.status).toBe(200);
    const seen = r.data?._entities?.[0] ?? null;
    // An object of which the caller may see no non-PUBLIC field is refused as a whole.
    const visible = [...classes.values()].some(
      (c) => c.type === 'Patient' && c.category !== 'PUBLIC' && fieldEffect(policy, c, scenario) !== 'denied',
    );
    if (!visible) {
      expect(seen).toBeNull();
      expect(r.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
      return;
    }
    const mismatches = compareView({
      policy,
      schema,
      classes,
      typeName: 'Patient',
      scenario,
      full,
      seen,
      errors: r.errors ?? [],
      path: ['_entities', 0],
    });
    expect(mismatches).toEqual([]);
  });
});
