import { randomUUID } from 'node:crypto';
import { compareView, selectAll } from '@medikamente/runtime/testing';
import { type FieldClassification, fieldEffect, loadPolicy, policyScenarios } from '@medikamente/schema';
import { factories, localDay } from '@medikamente/subgraph-schedule/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSupergraph } from '../src/compose';
import { supergraphFields, supergraphSchema } from '../src/policy-model';
import { type Platform, startPlatform } from './platform';

// The authorization matrix of Appointment through the gateway, generated from the policy and
// the committed supergraph: every role x realisable condition x classified field, real tokens.
// `careRelationship` holds for the appointment's own doctor.
const policy = loadPolicy();
const schema = supergraphSchema(readSupergraph());
const classes = new Map<string, FieldClassification>(
  supergraphFields(schema).map((c) => [`${c.type}.${c.field}`, c]),
);
const scenarios = policyScenarios(policy);
const QUERY = `query Matrix($id: ID!) { appointment(id: $id) { ${selectAll(schema, 'Appointment')} } }`;
const canCall = (role: string) => policy.operations['Query.appointment']?.roles?.includes(role) ?? false;

let p: Platform;
let appointmentId: string;
let owner: { accountId: string; patientId?: string | null; token: string };
let doctor: { accountId: string; token: string };
let full: Record<string, unknown>;

beforeAll(async () => {
  p = await startPlatform();
  const f = factories(p.schedule);
  const branch = await f.branch('Europe/Kaliningrad');
  const service = await f.service(30);
  doctor = await p.account('doctor');
  const specialist = await f.doctor(branch.id, [service.id], { accountId: doctor.accountId });
  const room = await p.schedule.stores.catalog.createRoom(branch.id, 'Кабинет 7');
  owner = await p.account('patient');
  const reg = await p.query(
    'mutation R($i: PatientInput!) { registerSelf(input: $i) { ok } }',
    {
      i: {
        lastName: 'Смирнова',
        firstName: 'Ольга',
        birthDate: '1985-03-04',
        sex: 'FEMALE',
        phone: '+7 921 111-22-33',
        email: 'o.smirnova@mail.ru',
        snils: '112-233-445 95',
        homeAddress: 'г. Калининград, ул. Мира, 1',
        chronicConditions: ['Мигрень'],
      },
    },
    owner.token,
  );
  expect(reg.data.registerSelf.ok).toBe(true);
  const booked = await p.query(
    'mutation($i: BookingInput!) { bookAppointment(input: $i) { appointment { id } inputErrors { code } } }',
    {
      i: {
        specialistId: specialist.id,
        branchId: branch.id,
        serviceId: service.id,
        startsAt: `${localDay(branch.timeZone, 2)}T09:30`,
        patientComment: 'Повторный приём',
        idempotencyKey: `m-${randomUUID()}`,
      },
    },
    owner.token,
  );
  appointmentId = booked.data.bookAppointment.appointment.id;
  await p.schedule.database.query('update appointment set room_id = $1 where id = $2', [
    room.id,
    appointmentId,
  ]);
  // The booking reaches the patient subgraph as an event: wait for the doctor's relationship.
  const end = Date.now() + 10_000;
  while ((await p.patient.stores.care.activeFor(doctor.accountId, [owner.patientId!])).size === 0) {
    if (Date.now() > end) throw new Error('care relationship did not arrive');
    await new Promise((r) => setTimeout(r, 100));
  }
  const self = await p.query(QUERY, { id: appointmentId }, owner.token);
  expect(self.errors).toBeUndefined();
  full = self.data.appointment;
});
afterAll(async () => p?.stop());

describe('Appointment authorization matrix through the gateway', () => {
  it('is generated over every role and every classified Appointment field', () => {
    expect(new Set(scenarios.map((s) => s.role))).toEqual(new Set(Object.keys(policy.roles)));
    const fields = Object.keys((schema.getType('Appointment') as any).getFields());
    expect(fields.every((f) => classes.has(`Appointment.${f}`))).toBe(true);
    expect(full.patientComment).toBe('Повторный приём');
    expect(full.startsAt).toMatch(/T09:30:00\+02:00$/);
    expect((full.patient as { chronicConditions: string[] }).chronicConditions).toEqual(['Мигрень']);
  });

  it.each(scenarios.map((s) => [s.label, s] as const))('%s', async (_l, scenario) => {
    let token: string;
    if (scenario.conditions.includes('self')) token = owner.token;
    else if (scenario.conditions.includes('careRelationship')) token = doctor.token;
    else if (scenario.role === 'lab_partner' || scenario.role === 'service') {
      const client = await p.identity.createClient({ role: scenario.role, scopes: ['patients:read'] });
      const res = await fetch(`${p.identityUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: client.clientSecret,
        }),
      });
      token = ((await res.json()) as { access_token: string }).access_token;
    } else token = (await p.account(scenario.role as never)).token;
    const r = await p.query(QUERY, { id: appointmentId }, token);
    const visible = [...classes.values()].some(
      (c) =>
        c.type === 'Appointment' && c.category !== 'PUBLIC' && fieldEffect(policy, c, scenario) !== 'denied',
    );
    if (!canCall(scenario.role) || !visible) {
      expect(r.data?.appointment ?? null).toBeNull();
      // Another patient is told the appointment does not exist (no existence oracle).
      const expected = scenario.role === 'patient' && canCall('patient') ? 'NOT_FOUND' : 'FORBIDDEN';
      expect(r.errors?.map((e) => e.extensions?.code)).toEqual([expected]);
      return;
    }
    const mismatches = compareView({
      policy,
      schema,
      classes,
      typeName: 'Appointment',
      scenario,
      full,
      seen: r.data.appointment,
      errors: r.errors ?? [],
      path: ['appointment'],
    });
    expect(mismatches).toEqual([]);
  });
});
