import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay, type ScheduleHarness, startScheduleSubgraph } from './harness';

const SET_TEMPLATE = /* GraphQL */ `
  mutation Set($input: WeeklyTemplateInput!) {
    setWeeklyTemplate(input: $input) {
      template { id roomId }
      inputErrors { field code message }
    }
  }
`;
const BOOK = /* GraphQL */ `
  mutation Book($input: BookingInput!) {
    bookAppointment(input: $input) {
      appointment { id roomId startsAt }
      inputErrors { field code }
    }
  }
`;
const FREE = /* GraphQL */ `
  query Free($input: FreeSlotsInput!) {
    freeSlots(input: $input) { specialistId roomId startsAt }
  }
`;

/**
 * Rooms are shared: one room, several doctors. Free slots must not offer a time whose room is
 * already taken by another doctor's appointment, and a template that double-books a room is refused.
 */
describe('rooms in availability and templates', () => {
  let h: ScheduleHarness;
  let admin: string;
  let branch: { id: string; timeZone: string };
  let service: { id: string };
  const weekdayOf = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

  /** A doctor with no template yet, offering the service in the branch. */
  const bareDoctor = async () => {
    const s = await h.service.stores.catalog.createSpecialist({
      accountId: randomUUID(),
      displayName: `Кабинетов Тест ${randomUUID().slice(0, 4)}`,
      specialties: ['Терапия'],
      branchIds: [branch.id],
      serviceIds: [service.id],
    });
    return s;
  };
  const template = (
    specialistId: string,
    roomId: string | null,
    weekday: number,
    hours: [string, string] = ['09:00', '12:00'],
  ) => ({
    specialistId,
    branchId: branch.id,
    roomId,
    weekday,
    startTime: hours[0],
    endTime: hours[1],
    slotMinutes: 30,
    breaks: [],
  });
  const patient = async () => h.tokenFor({ role: 'patient', pid: randomUUID() });
  /** Books as a patient (a new one unless a token is given). */
  const book = async (specialistId: string, startsAt: string, token?: string) =>
    h.query(
      BOOK,
      {
        input: {
          specialistId,
          branchId: branch.id,
          serviceId: service.id,
          startsAt,
          idempotencyKey: randomUUID(),
        },
      },
      token ?? (await patient()),
    );
  const free = async (specialistId: string, day: string) =>
    (
      await h.query(FREE, {
        input: { specialistId, branchId: branch.id, serviceId: service.id, from: day, to: day },
      })
    ).data.freeSlots as Array<{ startsAt: string; roomId: string | null }>;

  beforeAll(async () => {
    h = await startScheduleSubgraph();
    admin = await h.tokenFor({ role: 'it_admin' });
    branch = await h.factories.branch('Europe/Moscow');
    service = await h.factories.service(30);
  });
  afterAll(() => h?.stop());

  it("free slots leave out times whose room another doctor's appointment already takes", async () => {
    const room = await h.service.stores.catalog.createRoom(branch.id, `Кабинет ${randomUUID().slice(0, 6)}`);
    const day = localDay('Europe/Moscow', 3);
    const weekday = weekdayOf(day);
    // Templates written straight to the store (as legacy data or a seed would): two doctors share
    // the room at the same hours.
    const [a, b] = [await bareDoctor(), await bareDoctor()];
    for (const d of [a, b])
      await h.service.stores.calendar.addTemplate({
        ...template(d.id, room.id, weekday),
        validFrom: null,
        validUntil: null,
      });
    h.service.services.availability.invalidate();
    expect((await free(b.id, day)).map((s) => s.startsAt)).toContain(`${day}T10:00:00+03:00`);

    const booked = await book(a.id, `${day}T10:00`);
    expect(booked.data.bookAppointment.inputErrors).toEqual([]);
    expect(booked.data.bookAppointment.appointment.roomId).toBe(room.id);

    // Doctor B is free at 10:00 but the room is not: not offered (cache dropped by A's booking).
    const offered = (await free(b.id, day)).map((s) => s.startsAt);
    expect(offered).not.toContain(`${day}T10:00:00+03:00`);
    expect(offered).toContain(`${day}T10:30:00+03:00`);
    expect(offered).toContain(`${day}T09:30:00+03:00`);

    // Every offered time of B can really be booked: nothing answers SLOT_TAKEN.
    for (const startsAt of offered.slice(0, 3)) {
      const r = await book(b.id, startsAt);
      expect(r.data.bookAppointment.inputErrors, startsAt).toEqual([]);
    }
    // And the database still refuses the room's taken time to B directly.
    const clash = await book(b.id, `${day}T10:00`);
    expect(clash.data.bookAppointment.inputErrors[0].code).toBe('SLOT_TAKEN');
  });

  it("a cancelled appointment gives the room's time back", async () => {
    const room = await h.service.stores.catalog.createRoom(branch.id, `Кабинет ${randomUUID().slice(0, 6)}`);
    const day = localDay('Europe/Moscow', 4);
    const [a, b] = [await bareDoctor(), await bareDoctor()];
    for (const d of [a, b])
      await h.service.stores.calendar.addTemplate({
        ...template(d.id, room.id, weekdayOf(day)),
        validFrom: null,
        validUntil: null,
      });
    const token = await patient();
    const booked = await book(a.id, `${day}T11:00`, token);
    const id = booked.data.bookAppointment.appointment.id as string;
    expect((await free(b.id, day)).map((s) => s.startsAt)).not.toContain(`${day}T11:00:00+03:00`);
    const cancelled = await h.query(
      'mutation ($input: CancelInput!) { cancelAppointment(input: $input) { appointment { status } inputErrors { code } } }',
      { input: { appointmentId: id, reason: 'тест', idempotencyKey: randomUUID() } },
      token,
    );
    expect(cancelled.data.cancelAppointment.appointment.status).toBe('CANCELLED');
    expect((await free(b.id, day)).map((s) => s.startsAt)).toContain(`${day}T11:00:00+03:00`);
  });

  it('a template that puts a second doctor into a room at overlapping hours is refused with a typed error', async () => {
    const room = await h.service.stores.catalog.createRoom(branch.id, `Кабинет ${randomUUID().slice(0, 6)}`);
    const [a, b, c] = [await bareDoctor(), await bareDoctor(), await bareDoctor()];
    const first = await h.query(
      SET_TEMPLATE,
      { input: template(a.id, room.id, 2, ['09:00', '14:00']) },
      admin,
    );
    expect(first.data.setWeeklyTemplate.inputErrors).toEqual([]);
    const before = (await h.service.stores.calendar.templatesInRoom(room.id)).length;

    const overlapping = await h.query(
      SET_TEMPLATE,
      { input: template(b.id, room.id, 2, ['13:00', '18:00']) },
      admin,
    );
    expect(overlapping.data.setWeeklyTemplate.template).toBeNull();
    expect(overlapping.data.setWeeklyTemplate.inputErrors).toHaveLength(1);
    expect(overlapping.data.setWeeklyTemplate.inputErrors[0]).toMatchObject({
      field: 'roomId',
      code: 'CONFLICT',
    });
    expect(overlapping.data.setWeeklyTemplate.inputErrors[0].message).toContain(a.displayName);
    expect(overlapping.data.setWeeklyTemplate.inputErrors[0].message).toContain('вт 09:00–14:00');
    // A third doctor too; nothing was written for either.
    const third = await h.query(
      SET_TEMPLATE,
      { input: template(c.id, room.id, 2, ['08:00', '10:00']) },
      admin,
    );
    expect(third.data.setWeeklyTemplate.inputErrors[0].code).toBe('CONFLICT');
    expect((await h.service.stores.calendar.templatesInRoom(room.id)).length).toBe(before);
  });

  it('the same room is accepted back to back, on another weekday, in a break, for the same doctor, or outside the validity', async () => {
    const room = await h.service.stores.catalog.createRoom(branch.id, `Кабинет ${randomUUID().slice(0, 6)}`);
    const [a, b] = [await bareDoctor(), await bareDoctor()];
    const ok = async (input: Record<string, unknown>) => {
      const r = await h.query(SET_TEMPLATE, { input }, admin);
      expect(r.data.setWeeklyTemplate.inputErrors, JSON.stringify(input)).toEqual([]);
    };
    await ok({
      ...template(a.id, room.id, 3, ['09:00', '18:00']),
      breaks: [{ start: '13:00', end: '14:00' }],
      validUntil: '2029-12-31',
    });
    await ok(template(b.id, room.id, 3, ['18:00', '21:00']));
    await ok(template(b.id, room.id, 3, ['13:00', '14:00']));
    await ok(template(b.id, room.id, 4, ['09:00', '18:00']));
    await ok({ ...template(a.id, room.id, 3, ['10:00', '11:00']), validUntil: '2029-12-31' });
    await ok({ ...template(b.id, room.id, 3, ['09:00', '12:00']), validFrom: '2030-01-01' });
    // …but not while another one is valid (B's evening hours have no end date).
    const clash = await h.query(
      SET_TEMPLATE,
      { input: { ...template(a.id, room.id, 3, ['20:00', '21:00']), validFrom: '2029-06-01' } },
      admin,
    );
    expect(clash.data.setWeeklyTemplate.inputErrors[0]).toMatchObject({ field: 'roomId', code: 'CONFLICT' });
    // Templates without a room never clash.
    await ok(template(a.id, null, 4, ['09:00', '18:00']));
  });
});
