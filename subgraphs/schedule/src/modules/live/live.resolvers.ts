import { appError, ErrorCode, filterEvents } from '@medikamente/runtime';
import type { ScheduleContext } from '../../context';
import type { Resolvers } from '../../generated/resolvers-types';
import { APPOINTMENT_CHANNEL, type LiveAppointmentEvent } from '../booking/booking.events';
import { requireId } from '../ids';

/**
 * Which events a subscriber may receive: reception — its branch (the branch must be on its
 * token, or the token lists none); a doctor — appointments with them; a patient — their own.
 */
export function eventFilter(
  ctx: ScheduleContext,
  branchId: string | null,
): (e: LiveAppointmentEvent) => boolean {
  const p = ctx.principal;
  switch (p.role) {
    case 'receptionist':
      if (!branchId) throw appError(ErrorCode.BAD_USER_INPUT, 'Укажите филиал', { field: 'branchId' });
      if (p.branchIds.length > 0 && !p.branchIds.includes(branchId)) throw appError(ErrorCode.FORBIDDEN);
      return (e) => e.branchId === branchId;
    case 'doctor':
      return (e) => e.doctorAccountId === p.subject && (!branchId || e.branchId === branchId);
    case 'patient':
      return (e) =>
        p.patientId !== null && e.patientId === p.patientId && (!branchId || e.branchId === branchId);
    default:
      throw appError(ErrorCode.FORBIDDEN);
  }
}

export const liveResolvers = {
  Subscription: {
    appointmentEvents: {
      subscribe: (_: unknown, args: { branchId?: string | null }, ctx: ScheduleContext) => {
        const keep = eventFilter(ctx, args.branchId ? requireId(args.branchId, 'branchId') : null);
        return filterEvents(ctx.services.pubsub.subscribe<LiveAppointmentEvent>(APPOINTMENT_CHANNEL), keep);
      },
      resolve: (e: LiveAppointmentEvent) => e,
    },
  },
  AppointmentEvent: {
    // Read fresh for every event (the subscription's loaders would cache the first state).
    appointment: async (e: LiveAppointmentEvent, _: unknown, ctx: ScheduleContext) =>
      (await ctx.stores.appointments.byIds([e.appointmentId])).get(e.appointmentId) ?? null,
  },
} satisfies Resolvers;
