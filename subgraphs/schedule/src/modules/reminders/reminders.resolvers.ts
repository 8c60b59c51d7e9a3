import { appError, ErrorCode, hasControlCharacters } from '@medikamente/runtime';
import { DateTime } from 'luxon';
import type { ScheduleContext } from '../../context';
import type { Resolvers } from '../../generated/resolvers-types';
import { toAppointment } from '../booking/booking.store';
import { requireDate, requireId } from '../ids';

const CALL_LIST_SQL = `select id, patient_id, specialist_id, branch_id, service_id, room_id, lower(during) as starts_at,
  upper(during) as ends_at, status, hold_expires_at, source, patient_comment, cancel_reason, cancelled_late, overbooked,
  overbook_reason, confirmed_at, checked_in_at, call_status, called_at, created_at, reminder_status
  from appointment
  where branch_id = $1 and lower(during) >= $2 and lower(during) < $3
    and (status = 'BOOKED' or (status = 'CONFIRMED' and reminder_status in ('FAILED', 'NO_CHANNEL')))
  order by lower(during)`;

export const remindersResolvers = {
  Query: {
    callList: async (_: unknown, args: { branchId: string; date?: string | null }, ctx: ScheduleContext) => {
      const branchId = requireId(args.branchId, 'branchId');
      const ids = ctx.principal.branchIds;
      if (ids.length > 0 && !ids.includes(branchId))
        throw appError(ErrorCode.FORBIDDEN, 'Филиал вне вашего доступа');
      const branch = await ctx.stores.catalog.branch(branchId);
      if (!branch) throw appError(ErrorCode.NOT_FOUND, 'Филиал не найден');
      const date = args.date
        ? requireDate(args.date, 'date')
        : DateTime.now().setZone(branch.timeZone).plus({ days: 1 }).toISODate()!;
      const start = DateTime.fromISO(date, { zone: branch.timeZone });
      const rows = await ctx.stores.appointments.raw(CALL_LIST_SQL, [
        branchId,
        start.toJSDate(),
        start.plus({ days: 1 }).toJSDate(),
      ]);
      return rows.map((r) => {
        const appointment = toAppointment(r);
        return {
          appointment,
          reason: ['FAILED', 'NO_CHANNEL'].includes(String(r.reminder_status))
            ? 'NO_CHANNEL'
            : 'NOT_CONFIRMED',
          callStatus: appointment.callStatus,
          calledAt: appointment.calledAt?.toISOString() ?? null,
        };
      });
    },
  },
  Mutation: {
    useReminderLink: (_: unknown, args: { token: string }, ctx: ScheduleContext) =>
      ctx.services.reminders.useLink(args.token),
    setCallStatus: async (
      _: unknown,
      args: { appointmentId: string; status: 'NOT_CALLED' | 'REACHED' | 'NOT_REACHED' },
      ctx: ScheduleContext,
    ) => {
      const id = requireId(args.appointmentId, 'appointmentId');
      const a = (await ctx.stores.appointments.byIds([id])).get(id);
      const ids = ctx.principal.branchIds;
      if (!a || (ids.length > 0 && !ids.includes(a.branchId)))
        return {
          entry: null,
          inputErrors: [{ field: 'appointmentId', code: ErrorCode.NOT_FOUND, message: 'Запись не найдена' }],
        };
      const updated = await ctx.stores.appointments.setCallStatus(id, args.status);
      return {
        entry: {
          appointment: updated,
          reason: 'NOT_CONFIRMED',
          callStatus: updated.callStatus,
          calledAt: updated.calledAt?.toISOString() ?? null,
        },
        inputErrors: [],
      };
    },
    setSpecialistNotifyEmail: async (
      _: unknown,
      args: { specialistId: string; email?: string | null },
      ctx: ScheduleContext,
    ) => {
      const id = requireId(args.specialistId, 'specialistId');
      const email = args.email?.trim() || null;
      if (
        email &&
        (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 200 || hasControlCharacters(email))
      )
        return false;
      return ctx.stores.catalog.setNotifyEmail(id, email);
    },
  },
} satisfies Resolvers;
