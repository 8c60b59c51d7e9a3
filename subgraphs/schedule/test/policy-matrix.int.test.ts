import { randomUUID } from 'node:crypto';
import { createMatrix, describeMatrix, issuerCallers } from '@medikamente/runtime/testing';
import { loadPolicy } from '@medikamente/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjectFixtures } from '../src/testing';
import { type ScheduleHarness, startScheduleSubgraph } from './harness';

// The generated authorization matrix of every subject type the schedule subgraph owns: every
// role x every realisable condition x every classified field, asked straight at the subgraph.
// `careRelationship` holds for the appointment's own doctor (derived from the appointments).
let h: ScheduleHarness;
const matrix = createMatrix({
  policy: loadPolicy(),
  surface: {
    graph: 'schedule',
    query: (q, variables, token) => h.query(q, variables, token),
    caller: issuerCallers((claims) => h.tokenFor(claims)),
    get services() {
      return { schedule: h.service };
    },
    fixtures: subjectFixtures,
  },
});

beforeAll(async () => {
  h = await startScheduleSubgraph();
});
afterAll(async () => h?.stop());

describeMatrix('generated policy matrix on the schedule subgraph', matrix, {
  types: ['Appointment', 'ReminderSettings'],
  routes: {
    Appointment: [
      '_entities(Appointment)',
      'Query.appointment',
      'Query.myAppointments',
      'Query.doctorSchedule',
      'Query.branchJournal',
    ],
    ReminderSettings: ['Query.myReminderSettings'],
  },
});

describe('auditing of appointment reads', () => {
  it('reads of an appointment are audited once per request, the owner’s own included', async () => {
    const owner = { role: 'patient', token: '', accountId: randomUUID(), patientId: randomUUID() };
    owner.token = await h.tokenFor({ role: 'patient', sub: owner.accountId, pid: owner.patientId });
    const { key } = await subjectFixtures.Appointment.create(h.service, {
      subject: owner,
      caller: owner,
      conditions: [],
    });
    const ENTITY_QUERY = `query Entities($reps: [_Any!]!) { _entities(representations: $reps) { ... on Appointment { id patientComment startsAt } } }`;
    const reps = (n: number) => Array.from({ length: n }, () => ({ __typename: 'Appointment', id: key.id }));
    const before = await h.service.database.query(
      'select count(*)::int as n from audit_event where patient_id = $1',
      [owner.patientId],
    );
    const reception = await h.tokenFor({ role: 'receptionist' });
    const read = await h.query(ENTITY_QUERY, { reps: reps(2) }, reception);
    expect(read.data._entities[1].startsAt).toMatch(/T11:00:00\+05:00$/);
    await h.query(ENTITY_QUERY, { reps: reps(1) }, owner.token);
    const after = await h.service.database.query<{ categories: string[]; actor_role: string }>(
      'select categories, actor_role from audit_event where patient_id = $1 order by seq',
      [owner.patientId],
    );
    // One event per request: reception's (both representations in one), and the owner's own
    // clinical read (HEALTH is audited for the data subject too, purpose self).
    expect(after.length - Number((before[0] as { n: number }).n)).toBe(2);
    expect(after.at(-2)).toMatchObject({ actor_role: 'receptionist', categories: ['HEALTH'] });
    expect(after.at(-1)).toMatchObject({ actor_role: 'patient', categories: ['HEALTH'] });
    const chain = await h.service.subgraph.audit.verify();
    expect(chain.ok).toBe(true);
  });
});
