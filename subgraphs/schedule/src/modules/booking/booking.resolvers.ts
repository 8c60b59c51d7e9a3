import { appError, ErrorCode, entityError } from '@medikamente/runtime';
import { DateTime } from 'luxon';
import type { ScheduleContext } from '../../context';
import type { Resolvers } from '../../generated/resolvers-types';
import { slotView } from '../calendar/calendar.resolvers';
import { formatInZone } from '../calendar/slots';
import { isId, requireDate, requireDateRange, requireId } from '../ids';
import type { BookingInput, BookingResult } from './booking.service';
import type { AppointmentRecord } from './booking.store';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A payload with slots rendered for the API. */
async function payload(r: BookingResult, ctx: ScheduleContext) {
  return {
    appointment: r.appointment,
    inputErrors: r.inputErrors,
    alternatives: await Promise.all(r.alternatives.map((s) => slotView(s, ctx))),
  };
}

/** Reception sees the branches on its token (all when none are listed). */
function assertBranchAccess(ctx: ScheduleContext, branchId: string) {
  const ids = ctx.principal.branchIds;
  if (ctx.principal.role === 'receptionist' && ids.length > 0 && !ids.includes(branchId))
    throw appError(ErrorCode.FORBIDDEN, 'Филиал вне вашего доступа');
}

const zoneOf = async (ctx: ScheduleContext, branchId: string) =>
  (await ctx.stores.catalog.branch(branchId))?.timeZone ?? 'UTC';

export const bookingResolvers = {
  Query: {
    appointment: async (_: unknown, args: { id: string }, ctx: ScheduleContext) => {
      const a = await ctx.loaders.appointment.load(requireId(args.id));
      // Another patient's appointment does not exist for a patient (no existence oracle).
      if (!a || (ctx.principal.role === 'patient' && a.patientId !== ctx.principal.patientId))
        throw appError(ErrorCode.NOT_FOUND, 'Запись не найдена');
      if (ctx.principal.role === 'receptionist') assertBranchAccess(ctx, a.branchId);
      return a;
    },
    myAppointments: (_: unknown, args: { period?: 'UPCOMING' | 'PAST' }, ctx: ScheduleContext) =>
      ctx.principal.patientId
        ? ctx.stores.appointments.forPatient(ctx.principal.patientId, args.period ?? 'UPCOMING')
        : [],
    doctorSchedule: async (_: unknown, args: { from: string; to: string }, ctx: ScheduleContext) => {
      const { from, to } = requireDateRange(args.from, args.to, 31);
      const me = ctx.principal.subject
        ? await ctx.stores.catalog.specialistByAccount(ctx.principal.subject)
        : null;
      if (!me) return [];
      // Local dates of each appointment's branch: fetch with a margin, then filter per zone.
      const list = await ctx.stores.appointments.forSpecialist(
        me.id,
        new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000),
        new Date(Date.parse(`${to}T00:00:00Z`) + 2 * 86_400_000),
      );
      const out: AppointmentRecord[] = [];
      for (const a of list) {
        const day = DateTime.fromJSDate(a.start, { zone: await zoneOf(ctx, a.branchId) }).toISODate()!;
        if (day >= from && day <= to) out.push(a);
      }
      return out;
    },
    branchJournal: async (_: unknown, args: { branchId: string; date: string }, ctx: ScheduleContext) => {
      const branchId = requireId(args.branchId, 'branchId');
      const date = requireDate(args.date, 'date');
      assertBranchAccess(ctx, branchId);
      const branch = await ctx.stores.catalog.branch(branchId);
      if (!branch) throw appError(ErrorCode.NOT_FOUND, 'Филиал не найден');
      const start = DateTime.fromISO(date, { zone: branch.timeZone }).startOf('day');
      return ctx.stores.appointments.forBranch(
        branchId,
        start.toJSDate(),
        start.plus({ days: 1 }).toJSDate(),
      );
    },
  },
  Mutation: {
    holdSlot: async (_: unknown, { input }: { input: BookingInput }, ctx: ScheduleContext) =>
      payload(await ctx.services.booking.book(ctx.principal, input, 'hold'), ctx),
    bookAppointment: async (_: unknown, { input }: { input: BookingInput }, ctx: ScheduleContext) =>
      payload(await ctx.services.booking.book(ctx.principal, input, 'book'), ctx),
    confirmHold: async (
      _: unknown,
      args: { appointmentId: string; idempotencyKey: string },
      ctx: ScheduleContext,
    ) =>
      payload(
        await ctx.services.booking.confirmHold(ctx.principal, args.appointmentId, args.idempotencyKey),
        ctx,
      ),
    rescheduleAppointment: async (
      _: unknown,
      { input }: { input: Parameters<ScheduleContext['services']['booking']['reschedule']>[1] },
      ctx: ScheduleContext,
    ) => payload(await ctx.services.booking.reschedule(ctx.principal, input), ctx),
    cancelAppointment: async (
      _: unknown,
      { input }: { input: { appointmentId: string; reason: string; idempotencyKey: string } },
      ctx: ScheduleContext,
    ) => payload(await ctx.services.booking.cancel(ctx.principal, input), ctx),
    confirmAppointment: async (_: unknown, args: { appointmentId: string }, ctx: ScheduleContext) =>
      payload(await ctx.services.booking.transition(ctx.principal, args.appointmentId, 'CONFIRMED'), ctx),
    checkInAppointment: async (_: unknown, args: { appointmentId: string }, ctx: ScheduleContext) =>
      payload(await ctx.services.booking.transition(ctx.principal, args.appointmentId, 'CHECKED_IN'), ctx),
    markNoShow: async (_: unknown, args: { appointmentId: string }, ctx: ScheduleContext) =>
      payload(await ctx.services.booking.transition(ctx.principal, args.appointmentId, 'NO_SHOW'), ctx),
    completeAppointment: async (_: unknown, args: { appointmentId: string }, ctx: ScheduleContext) =>
      payload(await ctx.services.booking.transition(ctx.principal, args.appointmentId, 'COMPLETED'), ctx),
  },
  Appointment: {
    // Entity fetches are authorised like root fields: reception only for the branches on its token.
    __resolveReference: async (ref: { id: string }, ctx: ScheduleContext) => {
      const a = isId(ref.id) ? await ctx.loaders.appointment.load(ref.id.toLowerCase()) : null;
      const ids = ctx.principal.branchIds;
      // An error in this item's place (not thrown: the other representations still resolve).
      if (a && ctx.principal.role === 'receptionist' && ids.length > 0 && !ids.includes(a.branchId))
        return entityError(appError(ErrorCode.FORBIDDEN, 'Филиал вне вашего доступа'));
      return a;
    },
    patient: (a: AppointmentRecord) => ({ __typename: 'Patient', id: a.patientId }),
    specialist: (a: AppointmentRecord, _: unknown, ctx: ScheduleContext) =>
      ctx.stores.catalog.specialist(a.specialistId),
    branch: (a: AppointmentRecord, _: unknown, ctx: ScheduleContext) => ctx.stores.catalog.branch(a.branchId),
    service: (a: AppointmentRecord, _: unknown, ctx: ScheduleContext) =>
      ctx.stores.catalog.service(a.serviceId),
    room: (a: AppointmentRecord, _: unknown, ctx: ScheduleContext) =>
      a.roomId ? ctx.loaders.room.load(a.roomId) : null,
    startsAt: async (a: AppointmentRecord, _: unknown, ctx: ScheduleContext) =>
      formatInZone(a.start.getTime(), await zoneOf(ctx, a.branchId)),
    endsAt: async (a: AppointmentRecord, _: unknown, ctx: ScheduleContext) =>
      formatInZone(a.end.getTime(), await zoneOf(ctx, a.branchId)),
    holdExpiresAt: (a: AppointmentRecord) => (a.status === 'HELD' ? iso(a.holdExpiresAt) : null),
    confirmedAt: (a: AppointmentRecord) => iso(a.confirmedAt),
    checkedInAt: (a: AppointmentRecord) => iso(a.checkedInAt),
    createdAt: (a: AppointmentRecord) => iso(a.createdAt),
  },
} satisfies Resolvers;
