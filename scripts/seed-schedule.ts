/**
 * Demo schedule for local runs: three branches in different time zones, services, the demo
 * doctors with weekly templates, the New Year holidays, and bookings two weeks back and ahead.
 * Appointments are written with their events (outbox), so the running schedule subgraph tells
 * the patient subgraph about them and the doctors get their care relationships.
 *
 * The patients with portal accounts also get a short history with named doctors (DEMO_HISTORY):
 * the record's demo visits (scripts/seed-record.ts) are written on those appointments.
 *
 * Deterministic apart from the dates (relative to today); idempotent: a second run does nothing.
 */
import type { ScheduleService } from '@medikamente/subgraph-schedule';
import { DateTime } from 'luxon';
import { recordAppointmentEvent } from '../subgraphs/schedule/src/modules/booking/booking.events';
import { DEMO_BRANCHES } from './seed';

const BRANCHES = [
  {
    id: DEMO_BRANCHES.moscow,
    name: 'Медикаменте на Тверской',
    address: 'г. Москва, ул. Тверская, д. 12',
    timeZone: 'Europe/Moscow',
  },
  {
    id: DEMO_BRANCHES.kaliningrad,
    name: 'Медикаменте Калининград',
    address: 'г. Калининград, Ленинский пр-т, д. 30',
    timeZone: 'Europe/Kaliningrad',
  },
  {
    id: 'b0000000-0000-4000-8000-000000000003',
    name: 'Медикаменте Екатеринбург',
    address: 'г. Екатеринбург, ул. Малышева, д. 51',
    timeZone: 'Asia/Yekaterinburg',
  },
];

const SERVICES = [
  { key: 'therapy', name: 'Приём терапевта', specialty: 'Терапия', durationMinutes: 30 },
  {
    key: 'analyses',
    name: 'Консультация по результатам анализов',
    specialty: 'Терапия',
    durationMinutes: 30,
  },
  { key: 'cardio', name: 'Приём кардиолога', specialty: 'Кардиология', durationMinutes: 30 },
  { key: 'ecg', name: 'ЭКГ с расшифровкой', specialty: 'Кардиология', durationMinutes: 30 },
  { key: 'neuro', name: 'Приём невролога', specialty: 'Неврология', durationMinutes: 30 },
  { key: 'endo', name: 'Приём эндокринолога', specialty: 'Эндокринология', durationMinutes: 30 },
] as const;

const SPECIALTY_OF: Record<string, { specialty: string; services: Array<(typeof SERVICES)[number]['key']> }> =
  {
    терапевт: { specialty: 'Терапия', services: ['therapy', 'analyses'] },
    кардиолог: { specialty: 'Кардиология', services: ['cardio', 'ecg'] },
    невролог: { specialty: 'Неврология', services: ['neuro'] },
    эндокринолог: { specialty: 'Эндокринология', services: ['endo'] },
  };

export type DemoDoctor = { accountId: string; name: string; note: string; branches: string[] };

/**
 * Past appointments of the patients with portal accounts (index into `patientIds`) with a demo
 * doctor (index into `doctors`), about `daysAgo` days back; the last one of Иванова's is where
 * her visit is still being written (checked in when it is today).
 */
const DEMO_HISTORY: Array<{ patient: number; doctor: number; daysAgo: number }> = [
  { patient: 0, doctor: 0, daysAgo: 12 },
  { patient: 0, doctor: 2, daysAgo: 6 },
  { patient: 0, doctor: 0, daysAgo: 0 },
  { patient: 1, doctor: 1, daysAgo: 11 },
  { patient: 1, doctor: 0, daysAgo: 5 },
  { patient: 1, doctor: 3, daysAgo: 2 },
  { patient: 2, doctor: 2, daysAgo: 8 },
];

export async function seedSchedule(opts: {
  schedule: ScheduleService;
  doctors: DemoDoctor[];
  patientIds: string[];
  log?: (s: string) => void;
}): Promise<{ created: boolean }> {
  const { catalog, calendar, appointments } = opts.schedule.stores;
  const log = opts.log ?? (() => {});
  if (await catalog.branch(DEMO_BRANCHES.moscow)) return { created: false };
  const started = Date.now();
  // The last branch marks a complete catalogue: create it last.
  for (const b of [...BRANCHES.slice(1), BRANCHES[0]!]) {
    await catalog.createBranch(b);
    for (const room of ['Кабинет 101', 'Кабинет 102', 'Кабинет 201', 'Процедурный'])
      await catalog.createRoom(b.id, room);
  }
  await catalog.updateBranchSettings(DEMO_BRANCHES.moscow, { minNoticeMinutes: 60, horizonDays: 60 });
  const services = new Map<string, string>();
  for (const s of SERVICES) services.set(s.key, (await catalog.createService(s)).id);
  for (let d = 1; d <= 8; d++)
    await calendar.addHoliday({ branchId: null, date: `2027-01-0${d}`, name: 'Новогодние каникулы' });

  const specialists: Array<{ id: string; accountId: string; branchId: string; serviceIds: string[] }> = [];
  for (const doc of opts.doctors) {
    const kind = SPECIALTY_OF[doc.note] ?? SPECIALTY_OF.терапевт!;
    const serviceIds = kind.services.map((k) => services.get(k)!);
    const s = await catalog.createSpecialist({
      accountId: doc.accountId,
      displayName: doc.name,
      specialties: [kind.specialty],
      branchIds: doc.branches,
      serviceIds,
    });
    for (const [i, branchId] of doc.branches.entries()) {
      // Two-branch doctors split the week: Mon/Wed/Fri in the first, Tue/Thu in the second.
      const days = doc.branches.length === 1 ? [1, 2, 3, 4, 5] : i === 0 ? [1, 3, 5] : [2, 4];
      for (const weekday of days)
        await calendar.addTemplate({
          specialistId: s.id,
          branchId,
          roomId: null,
          weekday,
          startTime: '09:00',
          endTime: '18:00',
          slotMinutes: 30,
          breaks: [{ start: '13:00', end: '14:00' }],
          validFrom: null,
          validUntil: null,
        });
      specialists.push({ id: s.id, accountId: doc.accountId, branchId, serviceIds });
    }
  }
  // Two Saturday hours in Yekaterinburg for the first doctor (a third zone in the demo).
  if (specialists[0]) {
    const first = specialists[0];
    const spec = (await catalog.specialist(first.id))!;
    await opts.schedule.database.query(
      'insert into specialist_branch (specialist_id, branch_id) values ($1, $2)',
      [first.id, BRANCHES[2]!.id],
    );
    catalog.invalidate();
    await calendar.addTemplate({
      specialistId: spec.id,
      branchId: BRANCHES[2]!.id,
      roomId: null,
      weekday: 6,
      startTime: '10:00',
      endTime: '14:00',
      slotMinutes: 30,
      breaks: [],
      validFrom: null,
      validUntil: null,
    });
  }
  log(
    `schedule catalogue: ${BRANCHES.length} branches, ${SERVICES.length} services, ${opts.doctors.length} doctors (${Date.now() - started} ms)`,
  );

  // Bookings: about a third of each working day, two weeks back (completed / no-show) and ahead.
  const slotsAvailability = opts.schedule.services.availability;
  let booked = 0;
  let n = 0;
  const now = Date.now();
  /** Past slots the round below leaves free, per specialist entry (for DEMO_HISTORY). */
  const spare = new Map<(typeof specialists)[number], Array<{ start: number; end: number }>>();
  const book = (
    s: (typeof specialists)[number],
    slot: { start: number; end: number },
    patientId: string,
    status: 'BOOKED' | 'CONFIRMED' | 'CHECKED_IN' | 'COMPLETED' | 'NO_SHOW',
    serviceId: string,
    source: 'PORTAL' | 'RECEPTION',
  ) =>
    opts.schedule.database.tx(async (q) => {
      const a = await appointments.insert(
        q,
        {
          id: crypto.randomUUID(),
          patientId,
          specialistId: s.id,
          branchId: s.branchId,
          serviceId,
          roomId: null,
          start: new Date(slot.start),
          end: new Date(slot.end),
          status,
          holdExpiresAt: null,
          source,
          patientComment: null,
          overbooked: false,
          overbookReason: null,
        },
        'demo-seed',
      );
      const type = status === 'CHECKED_IN' ? 'appointment.checked_in' : 'appointment.booked';
      await recordAppointmentEvent(q, type, a, s.accountId);
    });
  for (const s of specialists) {
    const zone = BRANCHES.find((b) => b.id === s.branchId)!.timeZone;
    const today = DateTime.now().setZone(zone);
    const free = await slotsAvailability.freeSlots({
      specialistId: s.id,
      branchId: s.branchId,
      from: today.minus({ days: 14 }).toISODate()!,
      to: today.plus({ days: 14 }).toISODate()!,
      limit: 2000,
      ignoreNotice: true,
      now: now - 15 * 86_400_000,
    });
    spare.set(
      s,
      free.filter((slot, i) => i % 3 !== 0 && slot.end < now),
    );
    for (const [i, slot] of free.entries()) {
      if (i % 3 !== 0) continue;
      const patientId = opts.patientIds[n++ % opts.patientIds.length]!;
      const past = slot.end < now;
      const status = past ? (n % 9 === 0 ? 'NO_SHOW' : 'COMPLETED') : n % 4 === 0 ? 'CONFIRMED' : 'BOOKED';
      try {
        await book(
          s,
          slot,
          patientId,
          status,
          s.serviceIds[n % s.serviceIds.length]!,
          n % 2 === 0 ? 'PORTAL' : 'RECEPTION',
        );
        booked++;
      } catch {
        // The patient already has an appointment at that time: skip the slot.
      }
    }
  }
  // The account patients' history: the spare past slot nearest to `daysAgo` of the doctor's entries.
  for (const h of DEMO_HISTORY) {
    const doctor = opts.doctors[h.doctor];
    const patientId = opts.patientIds[h.patient];
    if (!doctor || !patientId) continue;
    const target = now - h.daysAgo * 86_400_000;
    const candidates = specialists
      .filter((s) => s.accountId === doctor.accountId)
      .flatMap((s) => (spare.get(s) ?? []).map((slot) => ({ s, slot })))
      .sort((a, b) => Math.abs(a.slot.start - target) - Math.abs(b.slot.start - target));
    for (const { s, slot } of candidates) {
      const today = DateTime.fromMillis(slot.start).hasSame(DateTime.fromMillis(now), 'day');
      try {
        await book(
          s,
          slot,
          patientId,
          h.daysAgo === 0 && today ? 'CHECKED_IN' : 'COMPLETED',
          s.serviceIds[0]!,
          'RECEPTION',
        );
        spare.get(s)!.splice(spare.get(s)!.indexOf(slot), 1);
        booked++;
        break;
      } catch {
        // The patient is busy at that time: the next nearest slot.
      }
    }
  }
  log(`appointments: ${booked} (${Date.now() - started} ms)`);
  return { created: true };
}
