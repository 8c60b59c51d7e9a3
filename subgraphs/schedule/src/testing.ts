import { randomUUID } from 'node:crypto';
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
