import { randomUUID } from 'node:crypto';
import {
  type AuditLog,
  type Database,
  ErrorCode,
  IdempotencyStore,
  type Principal,
  type RateLimiter,
} from '@medikamente/runtime';
import { codes } from '../../error-codes.generated';
import type { Availability } from '../calendar/availability';
import type { CatalogStore } from '../catalog/catalog.store';
import { type BookingResult, refused, succeeded } from './booking.alternatives';
import { BookingTransactions, lockOwned } from './booking.lock';
import { BookingPublisher } from './booking.publish';
import type { AppointmentRecord, AppointmentStore } from './booking.store';
import {
  type BookingInput,
  checkId,
  checkKey,
  checkText,
  mayActOn,
  Rejected,
  reject,
  validateBooking,
} from './booking.validate';
import { BookingWrites, type VisitState } from './booking.write';

export type { BookingResult } from './booking.alternatives';
export type { BookingInput } from './booking.validate';

type Query = Database['query'];

/**
 * The booking rules: who may book for whom, which starts are bookable, holds, reschedules,
 * cancellations and visit states. Double booking is prevented by the database's exclusion
 * constraints; this service turns their violations into typed errors and offers alternatives.
 * Each operation runs the steps validate → lock → write → publish, and a refusal becomes a
 * typed result with alternatives (see the `booking.*.ts` step files).
 */
export class BookingService {
  private readonly transactions: BookingTransactions;
  private readonly publisher: BookingPublisher;
  private readonly writes: BookingWrites;

  constructor(
    private readonly deps: {
      database: Database;
      appointments: AppointmentStore;
      catalog: CatalogStore;
      availability: Availability;
      audit: AuditLog;
      /** Unexpired holds one patient may have at once (a script must not make a week look full). */
      maxActiveHolds?: number;
      /** New holds per patient over time. */
      holdLimiter?: RateLimiter;
    },
  ) {
    this.transactions = new BookingTransactions(deps);
    this.publisher = new BookingPublisher(deps);
    this.writes = new BookingWrites({
      ...deps,
      idempotency: new IdempotencyStore(deps.database),
      publisher: this.publisher,
    });
  }

  /** Holds (status HELD, expires) or books a slot. */
  async book(principal: Principal, input: BookingInput, mode: 'hold' | 'book'): Promise<BookingResult> {
    try {
      const prepared = await validateBooking(this.deps, principal, input);
      const { branch, specialist, service, start, patientId } = prepared;
      const holdExpiresAt =
        mode === 'hold' ? new Date(Date.now() + branch.settings.holdMinutes * 60_000) : null;
      if (mode === 'hold' && this.deps.holdLimiter && !(await this.deps.holdLimiter.hit(patientId)).allowed)
        throw reject(
          'startsAt',
          ErrorCode.RATE_LIMITED,
          'Слишком много попыток удержать время, повторите позже',
        );
      const slot = {
        specialistId: specialist.id,
        branchId: branch.id,
        serviceId: service.id,
        start: start.getTime(),
      };
      const request = { mode, ...input, patientId };
      const outcome = await this.transactions.forDoctor(
        specialist.id,
        async (q) => {
          const id = randomUUID();
          const replay = await this.writes.bindOrReplay(
            q,
            principal,
            input.idempotencyKey,
            mode,
            request,
            id,
          );
          if (replay) return { replay };
          return { created: await this.writes.create(q, principal, prepared, mode, id, holdExpiresAt) };
        },
        slot,
      );
      if (outcome.replay) return succeeded(outcome.replay);
      if (!outcome.created) throw new Error('booking produced no appointment');
      if (prepared.overbookReason !== null) await this.publisher.auditOverbook(principal, outcome.created);
      return succeeded(outcome.created);
    } catch (e) {
      return refused(this.deps, e);
    }
  }

  /** Turns a hold into a booking, if it has not expired. */
  async confirmHold(
    principal: Principal,
    appointmentId: string,
    idempotencyKey: string,
  ): Promise<BookingResult> {
    try {
      checkKey(idempotencyKey);
      const id = checkId(appointmentId, 'appointmentId');
      const result = await this.transactions.run(async (q) =>
        this.writes.confirmHold(q, await lockOwned(this.deps, q, principal, id)),
      );
      return succeeded(result);
    } catch (e) {
      if (e instanceof Rejected && e.errors[0]?.code === codes.HOLD_EXPIRED) {
        // Release the expired hold (and tell subscribers) outside the rejected transaction.
        await this.transactions.run(async (q) => this.releaseExpired(q));
      }
      return refused(this.deps, e);
    }
  }

  /** Moves an appointment; the old time is released only if the new one is taken (one transaction). */
  async reschedule(
    principal: Principal,
    input: {
      appointmentId: string;
      startsAt: string;
      specialistId?: string | null;
      branchId?: string | null;
      idempotencyKey: string;
    },
  ): Promise<BookingResult> {
    try {
      checkKey(input.idempotencyKey);
      const current = (
        await this.deps.appointments.byIds([checkId(input.appointmentId, 'appointmentId')])
      ).get(input.appointmentId.toLowerCase());
      if (!current || !mayActOn(principal, current))
        throw reject('appointmentId', ErrorCode.NOT_FOUND, 'Запись не найдена');
      const prepared = await validateBooking(this.deps, principal, {
        specialistId: input.specialistId ?? current.specialistId,
        branchId: input.branchId ?? current.branchId,
        serviceId: current.serviceId,
        startsAt: input.startsAt,
        patientId: current.patientId,
        idempotencyKey: input.idempotencyKey,
      });
      const request = { op: 'reschedule', ...input };
      const result = await this.transactions.forDoctor(
        prepared.specialist.id,
        async (q) => {
          const key = input.idempotencyKey;
          const replay = await this.writes.bindOrReplay(q, principal, key, 'reschedule', request, current.id);
          if (replay) return replay;
          return this.writes.move(q, await lockOwned(this.deps, q, principal, current.id), prepared);
        },
        {
          specialistId: prepared.specialist.id,
          branchId: prepared.branch.id,
          serviceId: current.serviceId,
          start: prepared.start.getTime(),
        },
      );
      return succeeded(result);
    } catch (e) {
      return refused(this.deps, e);
    }
  }

  /** Cancels with a reason; marks a late cancellation per the branch's policy. */
  async cancel(
    principal: Principal,
    input: { appointmentId: string; reason: string; idempotencyKey: string },
  ): Promise<BookingResult> {
    try {
      checkKey(input.idempotencyKey);
      const id = checkId(input.appointmentId, 'appointmentId');
      const reason = checkText('reason', input.reason, { max: 500, required: true })!;
      const request = { op: 'cancel', ...input };
      const result = await this.transactions.run(async (q) => {
        // A refused cancellation (not found, not allowed) rolls the key back with the transaction.
        const replay = await this.writes.bindOrReplay(
          q,
          principal,
          input.idempotencyKey,
          'cancel',
          request,
          id,
        );
        if (replay) return replay;
        const a = await lockOwned(this.deps, q, principal, id);
        return this.writes.cancel(q, a, reason, { lateIfHeld: false, refuseInactive: true });
      });
      return succeeded(result);
    } catch (e) {
      return refused(this.deps, e);
    }
  }

  /** Visit states: confirm attendance, check in, no-show, complete. */
  async transition(principal: Principal, appointmentId: string, to: VisitState): Promise<BookingResult> {
    try {
      const id = checkId(appointmentId, 'appointmentId');
      const result = await this.transactions.run(async (q) =>
        this.writes.changeState(q, await lockOwned(this.deps, q, principal, id), to),
      );
      return succeeded(result);
    } catch (e) {
      return refused(this.deps, e);
    }
  }

  /** Confirms or cancels from a reminder link (the token was verified and consumed in `q`'s transaction). */
  async applyReminderAction(
    q: Query,
    appointmentId: string,
    action: 'CONFIRM' | 'CANCEL',
  ): Promise<AppointmentRecord | null> {
    const a = await this.deps.appointments.lock(q, appointmentId);
    if (!a) return null;
    if (action === 'CONFIRM') return a.status === 'BOOKED' ? this.writes.changeState(q, a, 'CONFIRMED') : a;
    return this.writes.cancel(q, a, 'Отменено по ссылке из напоминания', {
      lateIfHeld: true,
      refuseInactive: false,
    });
  }

  /** Releases expired holds (all of them, or those in the way of a new booking) and tells subscribers. */
  releaseExpired(
    q: Query,
    scope?: { specialistId: string; patientId: string; roomId: string | null; start: Date; end: Date },
  ): Promise<number> {
    return this.publisher.releaseExpired(q, scope);
  }

  /** Whether the caller may act on an existing appointment (NOT_FOUND otherwise, to hide existence). */
  mayActOn(principal: Principal, a: AppointmentRecord): boolean {
    return mayActOn(principal, a);
  }
}
