import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay, type ScheduleHarness, startScheduleSubgraph } from './harness';

const BOOK = /* GraphQL */ `
  mutation Book($input: BookingInput!) {
    bookAppointment(input: $input) {
      appointment { id status startsAt endsAt patientId overbooked }
      inputErrors { field code }
      alternatives { startsAt specialistId }
    }
  }
`;
const HOLD = BOOK.replace('bookAppointment', 'holdSlot').replace('mutation Book', 'mutation Hold');

describe('booking', () => {
  let h: ScheduleHarness;
  let branch: { id: string; timeZone: string };
  let service: { id: string };
  let doctor: { id: string; accountId: string };
  let reception: string;
  const day = () => localDay('Europe/Moscow', 2);
  const patient = async () => {
    const id = randomUUID();
    return { id, token: await h.tokenFor({ role: 'patient', pid: id }) };
  };
  const input = (startsAt: string, extra: Record<string, unknown> = {}) => ({
    specialistId: doctor.id,
    branchId: branch.id,
    serviceId: service.id,
    startsAt,
    idempotencyKey: `key-${randomUUID()}`,
    ...extra,
  });
  const count = async () =>
    Number(
      (await h.service.database.query<{ n: number }>('select count(*)::int as n from appointment'))[0]!.n,
    );

  beforeAll(async () => {
    h = await startScheduleSubgraph();
    branch = await h.factories.branch('Europe/Moscow');
    service = await h.factories.service(30);
    doctor = await h.factories.doctor(branch.id, [service.id]);
    reception = await h.tokenFor({ role: 'receptionist' });
  });
  afterAll(() => h?.stop());

  it('books a free slot and returns it with the branch offset', async () => {
    const p = await patient();
    const r = await h.query(BOOK, { input: input(`${day()}T10:00`) }, p.token);
    expect(r.errors).toBeUndefined();
    expect(r.data.bookAppointment.inputErrors).toEqual([]);
    expect(r.data.bookAppointment.appointment).toMatchObject({
      status: 'BOOKED',
      startsAt: `${day()}T10:00:00+03:00`,
      endsAt: `${day()}T10:30:00+03:00`,
      patientId: p.id,
    });
    const slots = await h.query(
      '{ freeSlots(input: { specialistId: "' +
        doctor.id +
        '", from: "' +
        day() +
        '", to: "' +
        day() +
        '" }) { startsAt } }',
    );
    expect(slots.data.freeSlots.map((s: { startsAt: string }) => s.startsAt)).not.toContain(
      `${day()}T10:00:00+03:00`,
    );
  });

  it('refuses a taken slot with SLOT_TAKEN and offers the nearest alternatives; nothing written', async () => {
    const [a, b] = [await patient(), await patient()];
    expect(
      (await h.query(BOOK, { input: input(`${day()}T11:00`) }, a.token)).data.bookAppointment.appointment,
    ).not.toBeNull();
    const before = await count();
    const r = await h.query(BOOK, { input: input(`${day()}T11:00`) }, b.token);
    expect(r.data.bookAppointment.appointment).toBeNull();
    expect(r.data.bookAppointment.inputErrors).toEqual([{ field: 'startsAt', code: 'SLOT_TAKEN' }]);
    const alt = r.data.bookAppointment.alternatives.map((s: { startsAt: string }) => s.startsAt);
    expect(alt).toContain(`${day()}T10:30:00+03:00`);
    expect(alt).toContain(`${day()}T11:30:00+03:00`);
    expect(alt).not.toContain(`${day()}T11:00:00+03:00`);
    expect(await count()).toBe(before);
  });

  it('rejects bad input with typed errors and writes nothing', async () => {
    const p = await patient();
    const before = await count();
    const cases: Array<[Record<string, unknown>, string]> = [
      [input('2020-01-01T10:00'), 'SLOT_IN_PAST'],
      [input('not-a-date'), 'INVALID_DATE'],
      [input(`${day()}T10:10`), 'SLOT_UNAVAILABLE'],
      [input(`${day()}T13:00`), 'SLOT_UNAVAILABLE'],
      [input(`${day()}T10:00`, { specialistId: 'x' }), 'INVALID_ID'],
      [input(`${day()}T10:00`, { serviceId: randomUUID() }), 'NOT_FOUND'],
      [input(`${day()}T10:00`, { idempotencyKey: 'short' }), 'BAD_USER_INPUT'],
      [input(`${day()}T10:00`, { patientId: randomUUID() }), 'FORBIDDEN'],
      [input(`${localDay('Europe/Moscow', 200)}T10:00`), 'BEYOND_HORIZON'],
    ];
    for (const [i, code] of cases) {
      const r = await h.query(BOOK, { input: i }, p.token);
      expect(r.data?.bookAppointment.inputErrors[0]?.code, JSON.stringify(i)).toBe(code);
    }
    expect(await count()).toBe(before);
  });

  it('a retry with the same idempotency key returns the same appointment; another request with it is refused', async () => {
    const p = await patient();
    const i = input(`${day()}T14:00`);
    const first = await h.query(BOOK, { input: i }, p.token);
    const again = await h.query(BOOK, { input: i }, p.token);
    expect(again.data.bookAppointment.appointment.id).toBe(first.data.bookAppointment.appointment.id);
    const other = await h.query(BOOK, { input: { ...i, startsAt: `${day()}T14:30` } }, p.token);
    expect(other.data.bookAppointment.inputErrors[0].code).toBe('IDEMPOTENCY_MISMATCH');
  });

  it('a patient cannot hold two overlapping appointments (database constraint)', async () => {
    const p = await patient();
    const s2 = await h.factories.doctor(branch.id, [service.id]);
    expect(
      (await h.query(BOOK, { input: input(`${day()}T15:00`) }, p.token)).data.bookAppointment.inputErrors,
    ).toEqual([]);
    const r = await h.query(BOOK, { input: input(`${day()}T15:00`, { specialistId: s2.id }) }, p.token);
    expect(r.data.bookAppointment.inputErrors[0].code).toBe('PATIENT_BUSY');
  });

  it('holds expire: an expired hold cannot be confirmed and its slot is free again', async () => {
    const [a, b] = [await patient(), await patient()];
    const held = await h.query(HOLD, { input: input(`${day()}T16:00`) }, a.token);
    const id = held.data.holdSlot.appointment.id;
    expect(held.data.holdSlot.appointment.status).toBe('HELD');
    // While held, the slot is taken.
    expect(
      (await h.query(BOOK, { input: input(`${day()}T16:00`) }, b.token)).data.bookAppointment.inputErrors[0]
        .code,
    ).toBe('SLOT_TAKEN');
    await h.service.database.query(
      `update appointment set hold_expires_at = now() - interval '1 second' where id = $1`,
      [id],
    );
    const confirm = await h.query(
      'mutation($id: ID!, $k: String!) { confirmHold(appointmentId: $id, idempotencyKey: $k) { appointment { status } inputErrors { code } } }',
      { id, k: `confirm-${randomUUID()}` },
      a.token,
    );
    expect(confirm.data.confirmHold.inputErrors[0].code).toBe('HOLD_EXPIRED');
    const taken = await h.query(BOOK, { input: input(`${day()}T16:00`) }, b.token);
    expect(taken.data.bookAppointment.inputErrors).toEqual([]);
    const [row] = await h.service.database.query<{ status: string }>(
      'select status from appointment where id = $1',
      [id],
    );
    expect(row!.status).toBe('CANCELLED');
  });

  it('hold then confirm books the slot', async () => {
    const p = await patient();
    const held = await h.query(HOLD, { input: input(`${day()}T16:30`) }, p.token);
    const confirm = await h.query(
      'mutation($id: ID!, $k: String!) { confirmHold(appointmentId: $id, idempotencyKey: $k) { appointment { status holdExpiresAt } inputErrors { code } } }',
      { id: held.data.holdSlot.appointment.id, k: `confirm-${randomUUID()}` },
      p.token,
    );
    expect(confirm.data.confirmHold.appointment).toEqual({ status: 'BOOKED', holdExpiresAt: null });
  });

  it('reschedule is atomic: into a taken slot nothing changes; into a free one the old slot is released', async () => {
    const [a, b] = [await patient(), await patient()];
    const mine = (await h.query(BOOK, { input: input(`${day()}T17:00`) }, a.token)).data.bookAppointment
      .appointment;
    await h.query(BOOK, { input: input(`${day()}T17:30`) }, b.token);
    const RESCHEDULE =
      'mutation($input: RescheduleInput!) { rescheduleAppointment(input: $input) { appointment { id startsAt status } inputErrors { code } } }';
    const blocked = await h.query(
      RESCHEDULE,
      { input: { appointmentId: mine.id, startsAt: `${day()}T17:30`, idempotencyKey: `r-${randomUUID()}` } },
      a.token,
    );
    expect(blocked.data.rescheduleAppointment.inputErrors[0].code).toBe('SLOT_TAKEN');
    const [still] = await h.service.database.query<{ s: Date }>(
      'select lower(during) as s from appointment where id = $1',
      [mine.id],
    );
    expect(new Date(still!.s).toISOString()).toBe(new Date(`${day()}T17:00:00+03:00`).toISOString());
    const moved = await h.query(
      RESCHEDULE,
      { input: { appointmentId: mine.id, startsAt: `${day()}T12:00`, idempotencyKey: `r-${randomUUID()}` } },
      a.token,
    );
    expect(moved.data.rescheduleAppointment.appointment).toMatchObject({
      id: mine.id,
      startsAt: `${day()}T12:00:00+03:00`,
    });
    const c = await patient();
    expect(
      (await h.query(BOOK, { input: input(`${day()}T17:00`) }, c.token)).data.bookAppointment.inputErrors,
    ).toEqual([]);
  });

  it('cancel frees the slot, records the reason and late cancellation, and is idempotent', async () => {
    await h.service.stores.catalog.updateBranchSettings(branch.id, { lateCancelHours: 100 });
    h.service.stores.catalog.invalidate();
    const p = await patient();
    const a = (await h.query(BOOK, { input: input(`${day()}T09:00`) }, p.token)).data.bookAppointment
      .appointment;
    const CANCEL =
      'mutation($input: CancelInput!) { cancelAppointment(input: $input) { appointment { status cancelReason cancelledLate } inputErrors { code } } }';
    const k = `c-${randomUUID()}`;
    const first = await h.query(
      CANCEL,
      { input: { appointmentId: a.id, reason: 'Заболел', idempotencyKey: k } },
      p.token,
    );
    expect(first.data.cancelAppointment.appointment).toEqual({
      status: 'CANCELLED',
      cancelReason: 'Заболел',
      cancelledLate: true,
    });
    const again = await h.query(
      CANCEL,
      { input: { appointmentId: a.id, reason: 'Заболел', idempotencyKey: k } },
      p.token,
    );
    expect(again.data.cancelAppointment.appointment.status).toBe('CANCELLED');
    const other = await patient();
    expect(
      (await h.query(BOOK, { input: input(`${day()}T09:00`) }, other.token)).data.bookAppointment.inputErrors,
    ).toEqual([]);
    await h.service.stores.catalog.updateBranchSettings(branch.id, { lateCancelHours: 12 });
  });

  it("a patient cannot cancel or read another patient's appointment (NOT_FOUND, nothing changes)", async () => {
    const [a, b] = [await patient(), await patient()];
    const appt = (await h.query(BOOK, { input: input(`${day()}T09:30`) }, a.token)).data.bookAppointment
      .appointment;
    const r = await h.query(
      'mutation($input: CancelInput!) { cancelAppointment(input: $input) { appointment { id } inputErrors { code } } }',
      { input: { appointmentId: appt.id, reason: 'x', idempotencyKey: `c-${randomUUID()}` } },
      b.token,
    );
    expect(r.data.cancelAppointment.inputErrors[0].code).toBe('NOT_FOUND');
    const read = await h.query(
      'query($id: ID!) { appointment(id: $id) { id status } }',
      { id: appt.id },
      b.token,
    );
    expect(read.data?.appointment ?? null).toBeNull();
    expect(read.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const ent = await h.query(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Appointment { id status startsAt } } }',
      { r: [{ __typename: 'Appointment', id: appt.id }] },
      b.token,
    );
    expect(ent.data._entities[0]).toBeNull();
    expect(ent.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [row] = await h.service.database.query<{ status: string }>(
      'select status from appointment where id = $1',
      [appt.id],
    );
    expect(row!.status).toBe('BOOKED');
  });

  it('overbooking needs the explicit permission and a reason, and is audited', async () => {
    const a = await patient();
    await h.query(BOOK, { input: input(`${day()}T10:30`) }, a.token);
    const b = randomUUID();
    const clerk = randomUUID();
    const token = await h.tokenFor({ role: 'receptionist', sub: clerk });
    const over = input(`${day()}T10:30`, { patientId: b, overbookReason: 'Острая боль' });
    const denied = await h.query(BOOK, { input: over }, token);
    expect(denied.data.bookAppointment.inputErrors[0]).toEqual({
      field: 'overbookReason',
      code: 'FORBIDDEN',
    });
    await h.service.stores.catalog.grantPermission(clerk, 'OVERBOOK', 'test');
    const ok = await h.query(BOOK, { input: { ...over, idempotencyKey: `k-${randomUUID()}` } }, token);
    expect(ok.data.bookAppointment.appointment).toMatchObject({ overbooked: true, status: 'BOOKED' });
    const audit = await h.service.database.query<{ actor_id: string; operation: string }>(
      'select actor_id, operation from audit_event where patient_id = $1',
      [b],
    );
    // The overbooking itself, and the staff read of the returned appointment.
    expect(audit).toContainEqual({ actor_id: clerk, operation: 'overbook' });
    expect(audit).toContainEqual({ actor_id: clerk, operation: 'Book' });
  });

  it('reception books on behalf, checks in; no-show only after the start', async () => {
    const pid = randomUUID();
    const r = await h.query(BOOK, { input: input(`${day()}T12:30`, { patientId: pid }) }, reception);
    const id = r.data.bookAppointment.appointment.id;
    const noShow = await h.query(
      'mutation($id: ID!) { markNoShow(appointmentId: $id) { inputErrors { code } } }',
      { id },
      reception,
    );
    expect(noShow.data.markNoShow.inputErrors[0].code).toBe('INVALID_TRANSITION');
    const checkIn = await h.query(
      'mutation($id: ID!) { checkInAppointment(appointmentId: $id) { appointment { status checkedInAt } } }',
      { id },
      reception,
    );
    expect(checkIn.data.checkInAppointment.appointment.status).toBe('CHECKED_IN');
    // A patient may not check in.
    const p = await h.tokenFor({ role: 'patient', pid });
    const forbidden = await h.query(
      'mutation($id: ID!) { checkInAppointment(appointmentId: $id) { inputErrors { code } } }',
      { id },
      p,
    );
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('reception sees only the branches on its token; a doctor sees only their own schedule', async () => {
    const other = await h.factories.branch('Asia/Vladivostok');
    const mine = await h.tokenFor({ role: 'receptionist', bid: [branch.id] });
    const ok = await h.query(
      'query($b: ID!, $d: String!) { branchJournal(branchId: $b, date: $d) { id } }',
      { b: branch.id, d: day() },
      mine,
    );
    expect(ok.data.branchJournal.length).toBeGreaterThan(0);
    const denied = await h.query(
      'query($b: ID!, $d: String!) { branchJournal(branchId: $b, date: $d) { id } }',
      { b: other.id, d: day() },
      mine,
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The same holds for single appointments, by root field and by entity fetch.
    const elsewhere = await h.tokenFor({ role: 'receptionist', bid: [other.id] });
    const [one] = await h.service.database.query<{ id: string }>(
      'select id from appointment where branch_id = $1 limit 1',
      [branch.id],
    );
    const byRoot = await h.query(
      'query($id: ID!) { appointment(id: $id) { id status } }',
      { id: one!.id },
      elsewhere,
    );
    expect(byRoot.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ENTITY =
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Appointment { id status } } }';
    const byEntity = await h.query(ENTITY, { r: [{ __typename: 'Appointment', id: one!.id }] }, elsewhere);
    expect(byEntity.data._entities[0]).toBeNull();
    expect(byEntity.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ownBranch = await h.query(ENTITY, { r: [{ __typename: 'Appointment', id: one!.id }] }, mine);
    expect(ownBranch.data._entities[0].id).toBe(one!.id);
    const doc = await h.tokenFor({ role: 'doctor', sub: doctor.accountId });
    const own = await h.query(
      'query($d: String!) { doctorSchedule(from: $d, to: $d) { id specialistId patientComment } }',
      { d: day() },
      doc,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data.doctorSchedule.length).toBeGreaterThan(0);
    expect(own.data.doctorSchedule.every((a: { specialistId: string }) => a.specialistId === doctor.id)).toBe(
      true,
    );
    const stranger = await h.tokenFor({ role: 'doctor', sub: randomUUID() });
    const none = await h.query(
      'query($d: String!) { doctorSchedule(from: $d, to: $d) { id } }',
      { d: day() },
      stranger,
    );
    expect(none.data.doctorSchedule).toEqual([]);
  });
  it('heavy contention: 20 clients per slot for 10 slots at once -> 10 booked, every other a typed SLOT_TAKEN', async () => {
    const d = localDay('Europe/Moscow', 4);
    const starts = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '12:30', '14:00', '14:30'];
    const attempts = starts.flatMap((t) => Array.from({ length: 20 }, () => t));
    const outcomes = await Promise.all(
      attempts.map(async (t) => {
        const p = await patient();
        const r = await h.query(BOOK, { input: input(`${d}T${t}`) }, p.token);
        if (r.errors)
          return `error ${r.errors.map((e: { extensions?: { code?: string } }) => e.extensions?.code)}`;
        return r.data.bookAppointment.appointment ? 'ok' : r.data.bookAppointment.inputErrors[0].code;
      }),
    );
    const tally = outcomes.reduce<Record<string, number>>((acc, o) => {
      acc[o] = (acc[o] ?? 0) + 1;
      return acc;
    }, {});
    expect(tally).toEqual({ ok: starts.length, SLOT_TAKEN: attempts.length - starts.length });
    const [row] = await h.service.database.query<{ n: number }>(
      `select count(*)::int as n from appointment where specialist_id = $1 and status <> 'CANCELLED'
         and lower(during) >= $2::timestamptz and lower(during) < $2::timestamptz + interval '1 day'`,
      [doctor.id, `${d}T00:00:00+03:00`],
    );
    expect(row?.n).toBe(starts.length);
  });
  it("bookings of one doctor queue behind each other's open transaction instead of racing", async (ctx) => {
    // PGlite is one connection: an open transaction there blocks every other query anyway.
    if (!h.env.SCHEDULE_DATABASE_URL) return ctx.skip();
    const d = localDay('Europe/Moscow', 5);
    const p = await patient();
    let settled = false;
    let booking: Promise<any> | undefined;
    await h.service.database.tx(async (q) => {
      await h.service.stores.appointments.queueForSpecialist(q, doctor.id);
      booking = h.query(BOOK, { input: input(`${d}T09:00`) }, p.token).then((r) => {
        settled = true;
        return r;
      });
      await new Promise((r) => setTimeout(r, 400));
      // Still waiting for this transaction of the same doctor.
      expect(settled).toBe(false);
    });
    const r = await booking!;
    expect(r.data.bookAppointment.appointment.status).toBe('BOOKED');
  });
  it('a booking that waits too long for another replica holding the doctor gets a typed CONFLICT; nothing written', async (ctx) => {
    if (!h.env.SCHEDULE_DATABASE_URL) return ctx.skip();
    const d = localDay('Europe/Moscow', 6);
    const p = await patient();
    const before = await count();
    let r: any;
    await h.service.database.tx(async (q) => {
      await h.service.stores.appointments.queueForSpecialist(q, doctor.id);
      // The lock is held past the booking's lock_timeout (5 s).
      r = await h.query(BOOK, { input: input(`${d}T09:00`) }, p.token);
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.bookAppointment.appointment).toBeNull();
    expect(r.data.bookAppointment.inputErrors).toEqual([{ field: 'startsAt', code: 'CONFLICT' }]);
    expect(await count()).toBe(before);
  }, 20_000);
});
