import { randomUUID } from 'node:crypto';
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
import { scheduleTypeDefs } from '../src/schema';
import { localDay, type ScheduleHarness, startScheduleSubgraph } from './harness';

// The authorization matrix for Appointment, generated from schema/policy.yaml and the
// @classified directives: every role x every realisable condition x every classified field,
// asked through `_entities` straight at the schedule subgraph. `careRelationship` holds for the
// appointment's own doctor (the schedule subgraph derives it from its appointments).
const policy = loadPolicy();
const schema = buildSubgraphSchema([{ typeDefs: scheduleTypeDefs }]);
const classes = new Map<string, FieldClassification>(
  readClassifications(schema).map((c) => [`${c.type}.${c.field}`, c]),
);
const scenarios = policyScenarios(policy);
const ENTITY_QUERY = `query Entities($reps: [_Any!]!) { _entities(representations: $reps) { ... on Appointment { ${selectAll(schema, 'Appointment')} } } }`;

let h: ScheduleHarness;
let appointmentId: string;
let patientId: string;
let doctorAccountId: string;
let full: Record<string, unknown>;

beforeAll(async () => {
  h = await startScheduleSubgraph();
  const branch = await h.factories.branch('Asia/Yekaterinburg');
  const service = await h.factories.service(30);
  doctorAccountId = randomUUID();
  const doctor = await h.factories.doctor(branch.id, [service.id], { accountId: doctorAccountId });
  const room = await h.service.stores.catalog.createRoom(branch.id, 'Кабинет 101');
  patientId = randomUUID();
  const token = await h.tokenFor({ role: 'patient', pid: patientId });
  const booked = await h.query(
    'mutation($i: BookingInput!) { bookAppointment(input: $i) { appointment { id } inputErrors { code } } }',
    {
      i: {
        specialistId: doctor.id,
        branchId: branch.id,
        serviceId: service.id,
        startsAt: `${localDay(branch.timeZone, 3)}T11:00`,
        patientComment: 'Болит горло третий день',
        idempotencyKey: `m-${randomUUID()}`,
      },
    },
    token,
  );
  appointmentId = booked.data.bookAppointment.appointment.id;
  await h.service.database.query('update appointment set room_id = $1 where id = $2', [
    room.id,
    appointmentId,
  ]);
  const self = await h.query(
    ENTITY_QUERY,
    { reps: [{ __typename: 'Appointment', id: appointmentId }] },
    token,
  );
  expect(self.errors).toBeUndefined();
  full = self.data._entities[0];
});
afterAll(async () => h?.stop());

describe('policy matrix via _entities on the schedule subgraph', () => {
  it('covers every role and every classified Appointment field, against a complete owner view', () => {
    expect(new Set(scenarios.map((s) => s.role))).toEqual(new Set(Object.keys(policy.roles)));
    const fields = Object.keys((schema.getType('Appointment') as any).getFields());
    expect(fields.every((f) => classes.has(`Appointment.${f}`))).toBe(true);
    expect(full.patientComment).toBe('Болит горло третий день');
    expect((full.room as { name: string }).name).toBe('Кабинет 101');
    expect(full.startsAt).toMatch(/T11:00:00\+05:00$/);
  });

  it.each(
    scenarios.map((s) => [s.label, s] as const),
  )('%s sees exactly what the policy gives', async (_l, scenario) => {
    const care = scenario.conditions.includes('careRelationship');
    const token = await h.tokenFor({
      role: scenario.role,
      sub: care ? doctorAccountId : randomUUID(),
      pid: scenario.conditions.includes('self')
        ? patientId
        : scenario.role === 'patient'
          ? randomUUID()
          : undefined,
    });
    const r = await h.query(
      ENTITY_QUERY,
      { reps: [{ __typename: 'Appointment', id: appointmentId }] },
      token,
    );
    expect(r.status).toBe(200);
    const seen = r.data?._entities?.[0] ?? null;
    const visible = [...classes.values()].some(
      (c) =>
        c.type === 'Appointment' && c.category !== 'PUBLIC' && fieldEffect(policy, c, scenario) !== 'denied',
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
      typeName: 'Appointment',
      scenario,
      full,
      seen,
      errors: r.errors ?? [],
      path: ['_entities', 0],
    });
    expect(mismatches).toEqual([]);
  });

  it('staff reads of an appointment are audited once per request; the owner’s are not', async () => {
    const before = await h.service.database.query(
      'select count(*)::int as n from audit_event where patient_id = $1',
      [patientId],
    );
    const reception = await h.tokenFor({ role: 'receptionist' });
    await h.query(
      ENTITY_QUERY,
      {
        reps: [
          { __typename: 'Appointment', id: appointmentId },
          { __typename: 'Appointment', id: appointmentId },
        ],
      },
      reception,
    );
    const owner = await h.tokenFor({ role: 'patient', pid: patientId });
    await h.query(ENTITY_QUERY, { reps: [{ __typename: 'Appointment', id: appointmentId }] }, owner);
    const after = await h.service.database.query<{ categories: string[]; actor_role: string }>(
      'select categories, actor_role from audit_event where patient_id = $1 order by seq',
      [patientId],
    );
    expect(after.length - Number((before[0] as { n: number }).n)).toBe(1);
    expect(after.at(-1)).toMatchObject({ actor_role: 'receptionist', categories: ['HEALTH'] });
    const chain = await h.service.subgraph.audit.verify();
    expect(chain.ok).toBe(true);
  });
});
