import { type Database, ErrorCode, type IdempotencyStore, type Principal } from '@medikamente/runtime';
import { codes } from '../../error-codes.generated';
import type { Availability } from '../calendar/availability';
import type { CatalogStore } from '../catalog/catalog.store';
import type { AppointmentEventType } from './booking.events';
import type { BookingPublisher } from './booking.publish';
import type { AppointmentRecord, AppointmentStatus, AppointmentStore } from './booking.store';
import { ACTIVE, type Prepared, reject } from './booking.validate';

/** The write step: the state changes of appointments, each inside the caller's transaction. */

type Query = Database['query'];

/** A visit state a staff member or the patient sets on an existing appointment. */
export type VisitState = 'CONFIRMED' | 'CHECKED_IN' | 'NO_SHOW' | 'COMPLETED';

const ALLOWED_FROM: Record<VisitState, AppointmentStatus[]> = {
  CONFIRMED: ['BOOKED'],
  CHECKED_IN: ['BOOKED', 'CONFIRMED'],
  NO_SHOW: ['BOOKED', 'CONFIRMED'],
  COMPLETED: ['CHECKED_IN'],
};
const EVENT: Record<VisitState, AppointmentEventType> = {
  CONFIRMED: 'appointment.confirmed',
  CHECKED_IN: 'appointment.checked_in',
  NO_SHOW: 'appointment.no_show',
  COMPLETED: 'appointment.completed',
};

export class BookingWrites {
  constructor(
    private readonly deps: {
      appointments: AppointmentStore;
      catalog: CatalogStore;
      availability: Availability;
      idempotency: IdempotencyStore;
      publisher: BookingPublisher;
      /** Unexpired holds one patient may have at once (a script must not make a week look full). */
      maxActiveHolds?: number;
    },
  ) {}

  /**
   * Binds the key to this request (the result is the appointment `id`); when the key is taken (a
   * retry, or a concurrent twin that committed first — the insert waits for it) returns what
   * that request produced, or IDEMPOTENCY_MISMATCH for a different request.
   */
  async bindOrReplay(
    q: Query,
    principal: Principal,
    key: string,
    operation: string,
    request: Record<string, unknown>,
    id: string,
  ): Promise<AppointmentRecord | null> {
    const claim = await this.deps.idempotency.claim({ principal, key, operation, request, result: id });
    if (claim.status === 'claimed') return null;
    if (claim.status === 'mismatch')
      throw reject(
        'idempotencyKey',
        ErrorCode.IDEMPOTENCY_MISMATCH,
        'Ключ повтора уже использован для другого запроса',
      );
    const replay = (await this.deps.appointments.byIdsIn(q, [claim.result])).get(claim.result);
    if (!replay) throw new Error('idempotency key bound to a missing appointment');
    return replay;
  }

  /** Inserts a hold or a booking (after releasing expired holds in its way) and records the event. */
  async create(
    q: Query,
    principal: Principal,
    p: Prepared,
    mode: 'hold' | 'book',
    id: string,
    holdExpiresAt: Date | null,
  ): Promise<AppointmentRecord> {
    const maxHolds = this.deps.maxActiveHolds;
    if (mode === 'hold' && maxHolds !== undefined) {
      if ((await this.deps.appointments.activeHoldsLocked(q, p.patientId)) >= maxHolds)
        throw reject(
          'startsAt',
          codes.TOO_MANY_HOLDS,
          `Можно удерживать не больше ${maxHolds} времени сразу: подтвердите или отпустите прежнее`,
        );
    }
    await this.deps.publisher.releaseExpired(q, {
      specialistId: p.specialist.id,
      patientId: p.patientId,
      roomId: p.roomId,
      start: p.start,
      end: p.end,
    });
    const a = await this.deps.appointments.insert(
      q,
      {
        id,
        patientId: p.patientId,
        specialistId: p.specialist.id,
        branchId: p.branch.id,
        serviceId: p.service.id,
        roomId: p.roomId,
        start: p.start,
        end: p.end,
        status: mode === 'hold' ? 'HELD' : 'BOOKED',
        holdExpiresAt,
        source: principal.role === 'patient' ? 'PORTAL' : 'RECEPTION',
        patientComment: p.patientComment,
        overbooked: p.overbookReason !== null,
        overbookReason: p.overbookReason,
      },
      principal.subject ?? 'unknown',
    );
    const type = mode === 'hold' ? 'appointment.held' : 'appointment.booked';
    await this.deps.publisher.record(q, type, a, p.specialist.accountId);
    return a;
  }

  /** Turns an unexpired hold into a booking; a retried confirmation returns the booking. */
  async confirmHold(q: Query, a: AppointmentRecord): Promise<AppointmentRecord> {
    if (a.status === 'BOOKED' || a.status === 'CONFIRMED') return a;
    if (a.status !== 'HELD')
      throw reject('appointmentId', codes.INVALID_TRANSITION, 'Запись уже не удерживается');
    if (a.holdExpiresAt && a.holdExpiresAt.getTime() <= Date.now())
      throw reject('appointmentId', codes.HOLD_EXPIRED, 'Время удержания истекло, выберите время заново');
    const next = await this.deps.appointments.update(q, a.id, { status: 'BOOKED', holdExpiresAt: null });
    await this.deps.publisher.emit(q, 'appointment.booked', next);
    return next;
  }

  /** Moves an active appointment to the prepared time (and doctor, branch, room). */
  async move(q: Query, a: AppointmentRecord, p: Prepared): Promise<AppointmentRecord> {
    if (!ACTIVE.includes(a.status))
      throw reject('appointmentId', codes.INVALID_TRANSITION, 'Эту запись нельзя перенести');
    await this.deps.publisher.releaseExpired(q, {
      specialistId: p.specialist.id,
      patientId: a.patientId,
      roomId: p.roomId,
      start: p.start,
      end: p.end,
    });
    const next = await this.deps.appointments.update(q, a.id, {
      start: p.start,
      end: p.end,
      specialistId: p.specialist.id,
      branchId: p.branch.id,
      roomId: p.roomId,
      status: a.status === 'HELD' ? 'HELD' : 'BOOKED',
    });
    this.deps.availability.invalidate(a.specialistId);
    this.deps.availability.invalidate(p.specialist.id);
    await this.deps.publisher.record(q, 'appointment.rescheduled', next, p.specialist.accountId);
    return next;
  }

  /**
   * Cancels an active appointment (a cancelled one is returned as it is); late per the branch's
   * policy unless it was only a hold and `lateIfHeld` is false.
   */
  async cancel(
    q: Query,
    a: AppointmentRecord,
    reason: string,
    opts: { lateIfHeld: boolean; refuseInactive: boolean },
  ): Promise<AppointmentRecord> {
    if (a.status === 'CANCELLED' || (!opts.refuseInactive && !ACTIVE.includes(a.status))) return a;
    if (!ACTIVE.includes(a.status))
      throw reject('appointmentId', codes.INVALID_TRANSITION, 'Эту запись уже нельзя отменить');
    const branch = await this.deps.catalog.branch(a.branchId);
    const late = a.start.getTime() - Date.now() < (branch?.settings.lateCancelHours ?? 0) * 3_600_000;
    const next = await this.deps.appointments.update(q, a.id, {
      status: 'CANCELLED',
      cancelReason: reason,
      cancelledLate: late && (opts.lateIfHeld || a.status !== 'HELD'),
      cancelledAt: new Date(),
    });
    await this.deps.publisher.emit(q, 'appointment.cancelled', next);
    return next;
  }

  /** Sets a visit state allowed from the current one (setting the current state again is a no-op). */
  async changeState(q: Query, a: AppointmentRecord, to: VisitState): Promise<AppointmentRecord> {
    if (a.status === to) return a;
    if (!ALLOWED_FROM[to].includes(a.status))
      throw reject('appointmentId', codes.INVALID_TRANSITION, 'Недопустимая смена статуса записи');
    if (to === 'NO_SHOW' && a.start.getTime() > Date.now())
      throw reject(
        'appointmentId',
        codes.INVALID_TRANSITION,
        'Неявку можно отметить только после начала приёма',
      );
    const now = new Date();
    const next = await this.deps.appointments.update(q, a.id, {
      status: to,
      ...(to === 'CONFIRMED' ? { confirmedAt: now } : {}),
      ...(to === 'CHECKED_IN' ? { checkedInAt: now } : {}),
      ...(to === 'COMPLETED' ? { completedAt: now } : {}),
    });
    await this.deps.publisher.emit(q, EVENT[to], next);
    return next;
  }
}
