import { randomUUID } from 'node:crypto';
import type { FixtureRegistry, FixtureRequest, SubjectFixture } from '@medikamente/runtime/testing';
import { DateTime } from 'luxon';
import type { ScheduleService } from './service';

/** Catalogue and calendar factories working through the stores (fast, no HTTP). */
export function factories(service: ScheduleService) {
  const { catalog, calendar } = service.stores;
  return {
    async branch(zone = 'Europe/Moscow', settings: Parameters<typeof catalog.updateBranchSettings>[1] = {}) {
      const b = await catalog.createBranch({
        name: `Филиал ${randomUUID().slice(0, 6)}`,
        address: 'ул. Тестовая, 1',
        timeZone: zone,
      });
      return (await catalog.updateBranchSettings(b.id, { minNoticeMinutes: 0, ...settings }))!;
    },
    async service(durationMinutes = 30, specialty = 'Терапия') {
      return catalog.createService({ name: `Приём ${randomUUID().slice(0, 8)}`, specialty, durationMinutes });
    },
    /** A doctor working every day 09:00–18:00 (break 13:00–14:00, unless given) in the given branch. */
    async doctor(
      branchId: string,
      serviceIds: string[],
      o: {
        specialty?: string;
        slotMinutes?: number;
        hours?: [string, string];
        breaks?: Array<{ start: string; end: string }>;
        accountId?: string;
      } = {},
    ) {
      const s = await catalog.createSpecialist({
        accountId: o.accountId ?? randomUUID(),
        displayName: `Врачов Тест ${randomUUID().slice(0, 4)}`,
        specialties: [o.specialty ?? 'Терапия'],
        branchIds: [branchId],
        serviceIds,
      });
      for (let weekday = 1; weekday <= 7; weekday++)
        await calendar.addTemplate({
          specialistId: s.id,
          branchId,
          roomId: null,
          weekday,
          startTime: o.hours?.[0] ?? '09:00',
          endTime: o.hours?.[1] ?? '18:00',
          slotMinutes: o.slotMinutes ?? 30,
          breaks: o.breaks ?? [{ start: '13:00', end: '14:00' }],
          validFrom: null,
          validUntil: null,
        });
      return s;
    },
  };
}

/** Local date `days` from today in a zone. */
export const localDay = (zone: string, days: number) =>
  DateTime.now().setZone(zone).plus({ days }).toISODate()!;

type Practice = {
  branchId: string;
  timeZone: string;
  serviceId: string;
  specialistId: string;
  roomId: string;
  booked: number;
};
const practices = new WeakMap<ScheduleService, Map<string, Promise<Practice>>>();

/** A doctor (one per account: specialists are unique per account) with a branch, a service and a room. */
function practiceOf(service: ScheduleService, doctorAccountId: string): Promise<Practice> {
  let byAccount = practices.get(service);
  if (!byAccount) {
    byAccount = new Map();
    practices.set(service, byAccount);
  }
  let p = byAccount.get(doctorAccountId);
  if (!p) {
    p = (async () => {
      const f = factories(service);
      const branch = await f.branch('Asia/Yekaterinburg');
      const svc = await f.service(30);
      const doctor = await f.doctor(branch.id, [svc.id], { accountId: doctorAccountId });
      const room = await service.stores.catalog.createRoom(branch.id, 'Кабинет 101');
      return {
        branchId: branch.id,
        timeZone: branch.timeZone,
        serviceId: svc.id,
        specialistId: doctor.id,
        roomId: room.id,
        booked: 0,
      };
    })();
    byAccount.set(doctorAccountId, p);
  }
  return p;
}

/**
 * Books an appointment of the subject (as the subject, like the portal does) with the caller as
 * the doctor when the case needs a care relationship, else with another doctor; in a room.
 */
async function bookFor(service: ScheduleService, r: FixtureRequest) {
  const patientId = r.subject.patientId;
  if (!patientId) throw new Error('schedule fixtures need a subject with a patient id');
  const practice = await practiceOf(
    service,
    r.conditions.includes('careRelationship') ? r.caller.accountId : randomUUID(),
  );
  const day = 2 + practice.booked++;
  const booked = await service.services.booking.book(
    {
      kind: 'user',
      subject: r.subject.accountId,
      role: 'patient',
      patientId,
      branchIds: [],
      scopes: [],
      sessionId: null,
      amr: ['pwd'],
    },
    {
      specialistId: practice.specialistId,
      branchId: practice.branchId,
      serviceId: practice.serviceId,
      startsAt: `${localDay(practice.timeZone, day)}T11:00`,
      patientComment: 'Болит горло третий день',
      idempotencyKey: `matrix-${randomUUID()}`,
    },
    'book',
  );
  if (!booked.appointment) throw new Error(`matrix booking failed: ${JSON.stringify(booked.inputErrors)}`);
  await service.database.query('update appointment set room_id = $1 where id = $2', [
    practice.roomId,
    booked.appointment.id,
  ]);
  return { id: booked.appointment.id, branchId: practice.branchId, date: localDay(practice.timeZone, day) };
}

const care = ['careRelationship'] as const;

/** One object of each subject type the schedule subgraph owns, for the generated policy matrix. */
export const subjectFixtures = {
  Appointment: {
    conditions: care,
    async create(service, r) {
      const { id, branchId, date } = await bookFor(service, r);
      return {
        key: { id },
        // Query.branchJournal lists the branch's appointments of a day.
        args: { branchId, date },
        skip: { 'Query.doctorSchedule': "answers with the calling doctor's own appointments only" },
        known: {
          patientComment: 'Болит горло третий день',
          startsAt: /T11:00:00\+05:00$/,
          room: (room: unknown) => (room as { name?: string } | null)?.name === 'Кабинет 101',
          patient: (p: unknown) => (p as { id?: string } | null)?.id === r.subject.patientId,
        },
        // Another patient is told the appointment does not exist (no existence oracle).
        hiddenAs: { 'Query.appointment': { patient: 'NOT_FOUND' } },
      };
    },
  },
  ReminderSettings: {
    conditions: care,
    async create(service, r) {
      const patientId = r.subject.patientId;
      if (!patientId) throw new Error('schedule fixtures need a subject with a patient id');
      await service.stores.reminderSettings.setChannel(patientId, 'SMS');
      // The schedule subgraph derives a care relationship from the doctor's appointments.
      if (r.conditions.includes('careRelationship')) await bookFor(service, r);
      return { known: { preferredChannel: 'SMS', pushDevices: 0 } };
    },
  },
} satisfies Record<string, SubjectFixture<ScheduleService>> satisfies FixtureRegistry;
