import { createHash, randomUUID } from 'node:crypto';
import {
  type AnyErrorCode,
  type AuditLog,
  type Database,
  ErrorCode,
  type InputError,
  isId,
  type Principal,
  type RateLimiter,
  textError,
} from '@medikamente/runtime';
import { DateTime } from 'luxon';
import { codes } from '../../error-codes.generated';
import type { Availability } from '../calendar/availability';
import { type ComputedSlot, parseDateTime } from '../calendar/slots';
import type { BranchRecord, CatalogStore, ServiceRecord, SpecialistRecord } from '../catalog/catalog.store';
import { type AppointmentEventType, recordAppointmentEvent } from './booking.events';
import type { AppointmentRecord, AppointmentStatus, AppointmentStore } from './booking.store';

export type BookingInput = {
  specialistId: string;
  branchId: string;
  serviceId: string;
  startsAt: string;
  patientId?: string | null;
  patientComment?: string | null;
  overbookReason?: string | null;
  idempotencyKey: string;
};

export type BookingResult = {
  appointment: AppointmentRecord | null;
  inputErrors: InputError[];
  alternatives: ComputedSlot[];
};

type Query = Database['query'];

/** A business failure inside a transaction: rolls it back and becomes a typed payload. */
class Rejected extends Error {
  constructor(
    readonly errors: InputError[],
    readonly alternativesFor?: { specialistId: string; branchId: string; serviceId: string; start: number },
  ) {
    super(errors[0]?.code);
  }
}

const reject = (field: string, code: AnyErrorCode, message: string) =>
  new Rejected([{ field, code, message }]);

/** SQLSTATE and constraint name of a database error on postgres.js and PGlite. */
function pgError(err: unknown): { code?: string; constraint?: string } {
  const e = err as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown };
  if (e?.code) return { code: e.code, constraint: e.constraint_name ?? e.constraint };
  if (e?.cause) return pgError(e.cause);
  return {};
}

const STAFF_BOOKERS = new Set(['receptionist']);
const ACTIVE: AppointmentStatus[] = ['HELD', 'BOOKED', 'CONFIRMED'];
const KEY = /^[\w.:-]{8,100}$/;

/**
 * The booking rules: who may book for whom, which starts are bookable, holds, reschedules,
 * cancellations and visit states. Double booking is prevented by the database's exclusion
 * constraints; this service turns their violations into typed errors and offers alternatives.
 */
export class BookingService {
  private readonly doctorQueues = new Map<string, Promise<void>>();

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
  ) {}

  /** Holds (status HELD, expires) or books a slot. */
  async book(principal: Principal, input: BookingInput, mode: 'hold' | 'book'): Promise<BookingResult> {
    try {
      const prepared = await this.prepare(principal, input);
      const { branch, specialist, service, start, end, roomId, patientId, overbookReason } = prepared;
      const hash = requestHash({ mode, ...input, patientId });
      const holdExpiresAt =
        mode === 'hold' ? new Date(Date.now() + branch.settings.holdMinutes * 60_000) : null;
      if (mode === 'hold' && this.deps.holdLimiter && !(await this.deps.holdLimiter.hit(patientId)).allowed)
        throw reject(
          'startsAt',
          ErrorCode.RATE_LIMITED,
          'Слишком много попыток удержать время, повторите позже',
        );
      const appointment = await this.doctorTransaction(
        specialist.id,
        async (q) => {
          const id = randomUUID();
          const replay = await this.bindOrReplay(q, principal, input.idempotencyKey, mode, hash, id);
          if (replay) return { replay };
          const maxHolds = this.deps.maxActiveHolds;
          if (mode === 'hold' && maxHolds !== undefined) {
            if ((await this.deps.appointments.activeHoldsLocked(q, patientId)) >= maxHolds)
              throw reject(
                'startsAt',
                codes.TOO_MANY_HOLDS,
                `Можно удерживать не больше ${maxHolds} времени сразу: подтвердите или отпустите прежнее`,
              );
          }
          await this.releaseExpired(q, { specialistId: specialist.id, patientId, roomId, start, end });
          const a = await this.deps.appointments.insert(
            q,
            {
              id,
              patientId,
              specialistId: specialist.id,
              branchId: branch.id,
              serviceId: service.id,
              roomId,
              start,
              end,
              status: mode === 'hold' ? 'HELD' : 'BOOKED',
              holdExpiresAt,
              source: principal.role === 'patient' ? 'PORTAL' : 'RECEPTION',
              patientComment: prepared.patientComment,
              overbooked: overbookReason !== null,
              overbookReason,
            },
            principal.subject ?? 'unknown',
          );
          await recordAppointmentEvent(
            q,
            mode === 'hold' ? 'appointment.held' : 'appointment.booked',
            a,
            specialist.accountId,
          );
          return { created: a };
        },
        { specialistId: specialist.id, branchId: branch.id, serviceId: service.id, start: start.getTime() },
      );
      if (appointment.replay) return { appointment: appointment.replay, inputErrors: [], alternatives: [] };
      if (!appointment.created) throw new Error('booking produced no appointment');
      if (overbookReason !== null) {
        await this.deps.audit.append([
          {
            actorId: principal.subject ?? 'unknown',
            actorRole: principal.role ?? 'unknown',
            patientId,
            categories: ['HEALTH'],
            operation: 'overbook',
            requestId: appointment.created.id,
            clientAddress: null,
          },
        ]);
      }
      return { appointment: appointment.created, inputErrors: [], alternatives: [] };
    } catch (e) {
      return this.asResult(e);
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
      const result = await this.transaction(async (q) => {
        const a = await this.lockOwned(q, principal, id);
        if (a.status === 'BOOKED' || a.status === 'CONFIRMED') return a; // a retried confirmation
        if (a.status !== 'HELD')
          throw reject('appointmentId', codes.INVALID_TRANSITION, 'Запись уже не удерживается');
        if (a.holdExpiresAt && a.holdExpiresAt.getTime() <= Date.now())
          throw reject('appointmentId', codes.HOLD_EXPIRED, 'Время удержания истекло, выберите время заново');
        const next = await this.deps.appointments.update(q, a.id, { status: 'BOOKED', holdExpiresAt: null });
        await this.emit(q, 'appointment.booked', next);
        return next;
      });
      return { appointment: result, inputErrors: [], alternatives: [] };
    } catch (e) {
      if (e instanceof Rejected && e.errors[0]?.code === codes.HOLD_EXPIRED) {
        // Release the expired hold (and tell subscribers) outside the rejected transaction.
        await this.transaction(async (q) => this.releaseExpired(q));
      }
      return this.asResult(e);
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
      if (!current || !this.mayActOn(principal, current))
        throw reject('appointmentId', ErrorCode.NOT_FOUND, 'Запись не найдена');
      const prepared = await this.prepare(principal, {
        specialistId: input.specialistId ?? current.specialistId,
        branchId: input.branchId ?? current.branchId,
        serviceId: current.serviceId,
        startsAt: input.startsAt,
        patientId: current.patientId,
        idempotencyKey: input.idempotencyKey,
      });
      const hash = requestHash({ op: 'reschedule', ...input });
      const result = await this.doctorTransaction(
        prepared.specialist.id,
        async (q) => {
          const replay = await this.bindOrReplay(
            q,
            principal,
            input.idempotencyKey,
            'reschedule',
            hash,
            current.id,
          );
          if (replay) return replay;
          const a = await this.lockOwned(q, principal, current.id);
          if (!ACTIVE.includes(a.status))
            throw reject('appointmentId', codes.INVALID_TRANSITION, 'Эту запись нельзя перенести');
          await this.releaseExpired(q, {
            specialistId: prepared.specialist.id,
            patientId: a.patientId,
            roomId: prepared.roomId,
            start: prepared.start,
            end: prepared.end,
          });
          const next = await this.deps.appointments.update(q, a.id, {
            start: prepared.start,
            end: prepared.end,
            specialistId: prepared.specialist.id,
            branchId: prepared.branch.id,
            roomId: prepared.roomId,
            status: a.status === 'HELD' ? 'HELD' : 'BOOKED',
          });
          this.deps.availability.invalidate(a.specialistId);
          this.deps.availability.invalidate(prepared.specialist.id);
          await recordAppointmentEvent(q, 'appointment.rescheduled', next, prepared.specialist.accountId);
          return next;
        },
        {
          specialistId: prepared.specialist.id,
          branchId: prepared.branch.id,
          serviceId: current.serviceId,
          start: prepared.start.getTime(),
        },
      );
      return { appointment: result, inputErrors: [], alternatives: [] };
    } catch (e) {
      return this.asResult(e);
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
      const hash = requestHash({ op: 'cancel', ...input });
      const result = await this.transaction(async (q) => {
        // A refused cancellation (not found, not allowed) rolls the key back with the transaction.
        const replay = await this.bindOrReplay(q, principal, input.idempotencyKey, 'cancel', hash, id);
        if (replay) return replay;
        const a = await this.lockOwned(q, principal, id);
        if (a.status === 'CANCELLED') return a;
        if (!ACTIVE.includes(a.status))
          throw reject('appointmentId', codes.INVALID_TRANSITION, 'Эту запись уже нельзя отменить');
        const branch = await this.deps.catalog.branch(a.branchId);
        const late = a.start.getTime() - Date.now() < (branch?.settings.lateCancelHours ?? 0) * 3_600_000;
        const next = await this.deps.appointments.update(q, a.id, {
          status: 'CANCELLED',
          cancelReason: reason,
          cancelledLate: late && a.status !== 'HELD',
          cancelledAt: new Date(),
        });
        await this.emit(q, 'appointment.cancelled', next);
        return next;
      });
      return { appointment: result, inputErrors: [], alternatives: [] };
    } catch (e) {
      return this.asResult(e);
    }
  }

  /** Visit states: confirm attendance, check in, no-show, complete. */
  async transition(
    principal: Principal,
    appointmentId: string,
    to: 'CONFIRMED' | 'CHECKED_IN' | 'NO_SHOW' | 'COMPLETED',
  ): Promise<BookingResult> {
    const allowedFrom: Record<typeof to, AppointmentStatus[]> = {
      CONFIRMED: ['BOOKED'],
      CHECKED_IN: ['BOOKED', 'CONFIRMED'],
      NO_SHOW: ['BOOKED', 'CONFIRMED'],
      COMPLETED: ['CHECKED_IN'],
    };
    const event: Record<typeof to, AppointmentEventType> = {
      CONFIRMED: 'appointment.confirmed',
      CHECKED_IN: 'appointment.checked_in',
      NO_SHOW: 'appointment.no_show',
      COMPLETED: 'appointment.completed',
    };
    try {
      const id = checkId(appointmentId, 'appointmentId');
      const result = await this.transaction(async (q) => {
        const a = await this.lockOwned(q, principal, id);
        if (a.status === to) return a;
        if (!allowedFrom[to].includes(a.status))
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
        await this.emit(q, event[to], next);
        return next;
      });
      return { appointment: result, inputErrors: [], alternatives: [] };
    } catch (e) {
      return this.asResult(e);
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
    if (action === 'CONFIRM') {
      if (a.status !== 'BOOKED') return a;
      const next = await this.deps.appointments.update(q, a.id, {
        status: 'CONFIRMED',
        confirmedAt: new Date(),
      });
      await this.emit(q, 'appointment.confirmed', next);
      return next;
    }
    if (!ACTIVE.includes(a.status)) return a;
    const branch = await this.deps.catalog.branch(a.branchId);
    const next = await this.deps.appointments.update(q, a.id, {
      status: 'CANCELLED',
      cancelReason: 'Отменено по ссылке из напоминания',
      cancelledLate: a.start.getTime() - Date.now() < (branch?.settings.lateCancelHours ?? 0) * 3_600_000,
      cancelledAt: new Date(),
    });
    await this.emit(q, 'appointment.cancelled', next);
    return next;
  }

  /** Releases expired holds (all of them, or those in the way of a new booking) and tells subscribers. */
  async releaseExpired(
    q: Query,
    scope?: { specialistId: string; patientId: string; roomId: string | null; start: Date; end: Date },
  ): Promise<number> {
    const expired = await this.deps.appointments.expireHolds(q, scope);
    for (const a of expired) await this.emit(q, 'appointment.expired', a);
    return expired.length;
  }

  /** Whether the caller may act on an existing appointment (NOT_FOUND otherwise, to hide existence). */
  mayActOn(principal: Principal, a: AppointmentRecord): boolean {
    switch (principal.role) {
      case 'patient':
        return principal.patientId === a.patientId;
      case 'receptionist':
        return principal.branchIds.length === 0 || principal.branchIds.includes(a.branchId);
      case 'doctor':
        return false; // checked against the specialist in lockOwned
      default:
        return false;
    }
  }

  private async lockOwned(q: Query, principal: Principal, id: string): Promise<AppointmentRecord> {
    const a = await this.deps.appointments.lock(q, id);
    let allowed = a !== null && this.mayActOn(principal, a);
    if (a && !allowed && principal.role === 'doctor') {
      const s = await this.deps.catalog.specialist(a.specialistId);
      allowed = s?.accountId === principal.subject;
    }
    if (!a || !allowed) throw reject('appointmentId', ErrorCode.NOT_FOUND, 'Запись не найдена');
    return a;
  }

  private async emit(q: Query, type: AppointmentEventType, a: AppointmentRecord) {
    this.deps.availability.invalidate(a.specialistId);
    const s = await this.deps.catalog.specialist(a.specialistId);
    await recordAppointmentEvent(q, type, a, s?.accountId ?? 'unknown');
  }

  /** Validates a booking request against the catalogue, the calendar and the caller's rights. */
  private async prepare(principal: Principal, input: BookingInput) {
    checkKey(input.idempotencyKey);
    const specialistId = checkId(input.specialistId, 'specialistId');
    const branchId = checkId(input.branchId, 'branchId');
    const serviceId = checkId(input.serviceId, 'serviceId');
    let patientId: string;
    if (principal.role === 'patient') {
      if (!principal.patientId)
        throw reject('patientId', ErrorCode.FORBIDDEN, 'Сначала заполните профиль пациента');
      // A given patientId must be a UUID, and the patient's own (an empty one is not "none").
      if (input.patientId != null && checkId(input.patientId, 'patientId') !== principal.patientId)
        throw reject('patientId', ErrorCode.FORBIDDEN, 'Можно записать только себя');
      patientId = principal.patientId;
    } else if (principal.role && STAFF_BOOKERS.has(principal.role)) {
      if (input.patientId == null) throw reject('patientId', ErrorCode.REQUIRED, 'Укажите пациента');
      patientId = checkId(input.patientId, 'patientId');
      if (principal.branchIds.length > 0 && !principal.branchIds.includes(branchId))
        throw reject('branchId', ErrorCode.FORBIDDEN, 'Филиал вне вашего доступа');
    } else {
      throw reject('patientId', ErrorCode.FORBIDDEN, 'Недостаточно прав для записи');
    }
    const [branch, specialist, service] = await Promise.all([
      this.deps.catalog.branch(branchId),
      this.deps.catalog.specialist(specialistId),
      this.deps.catalog.service(serviceId),
    ]);
    if (!branch) throw reject('branchId', ErrorCode.NOT_FOUND, 'Филиал не найден');
    if (!specialist || !specialist.branchIds.includes(branch.id))
      throw reject('specialistId', ErrorCode.NOT_FOUND, 'Врач не принимает в этом филиале');
    if (!service || !specialist.serviceIds.includes(service.id))
      throw reject('serviceId', ErrorCode.NOT_FOUND, 'Врач не оказывает эту услугу');
    const startMs = parseDateTime(input.startsAt, branch.timeZone);
    if (startMs === null) throw reject('startsAt', ErrorCode.INVALID_DATE, 'Неверные дата и время');
    const end = new Date(startMs + service.durationMinutes * 60_000);
    const now = Date.now();
    if (end.getTime() <= now) throw reject('startsAt', codes.SLOT_IN_PAST, 'Это время уже прошло');
    if (principal.role === 'patient') {
      if (startMs < now + branch.settings.minNoticeMinutes * 60_000)
        throw reject('startsAt', codes.TOO_SOON, 'Слишком поздно для записи на это время');
      const horizon = DateTime.fromMillis(now, { zone: branch.timeZone }).plus({
        days: branch.settings.horizonDays,
      });
      if (startMs > horizon.toMillis())
        throw reject('startsAt', codes.BEYOND_HORIZON, 'Запись на эту дату ещё не открыта');
    }
    const patientComment = checkText('patientComment', input.patientComment, { max: 1000 });
    const overbookReason = checkText('overbookReason', input.overbookReason, { max: 500 });
    let roomId: string | null;
    if (overbookReason !== null) {
      const permitted =
        principal.role === 'receptionist' &&
        principal.subject !== null &&
        (await this.deps.catalog.hasPermission(principal.subject, 'OVERBOOK'));
      if (!permitted)
        throw reject('overbookReason', ErrorCode.FORBIDDEN, 'Нет права записи сверх расписания');
      roomId = (
        await this.deps.availability.isOnGrid({
          specialistId,
          branch,
          start: startMs,
          durationMinutes: service.durationMinutes,
        })
      ).roomId;
    } else {
      const grid = await this.deps.availability.isOnGrid({
        specialistId,
        branch,
        start: startMs,
        durationMinutes: service.durationMinutes,
      });
      if (!grid.ok)
        throw new Rejected(
          [
            {
              field: 'startsAt',
              code: codes.SLOT_UNAVAILABLE,
              message: 'Врач не ведёт приём в это время',
            },
          ],
          { specialistId, branchId, serviceId, start: startMs },
        );
      roomId = grid.roomId;
    }
    return {
      branch,
      specialist,
      service,
      start: new Date(startMs),
      end,
      roomId,
      patientId,
      patientComment,
      overbookReason,
    } satisfies Prepared;
  }

  /** Returns the appointment a retried request already produced (same actor and key). */
  private async claimKey(
    q: Query,
    principal: Principal,
    key: string,
    operation: string,
    hash: string,
  ): Promise<AppointmentRecord | null> {
    const rows = await q<{ operation: string; request_hash: string; appointment_id: string }>(
      'select operation, request_hash, appointment_id from idempotency_key where actor = $1 and key = $2',
      [actorOf(principal), key],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.operation !== operation || row.request_hash !== hash)
      throw reject(
        'idempotencyKey',
        ErrorCode.IDEMPOTENCY_MISMATCH,
        'Ключ повтора уже использован для другого запроса',
      );
    const a = (await this.deps.appointments.byIdsIn(q, [String(row.appointment_id)])).get(
      String(row.appointment_id),
    );
    return a ?? null;
  }

  /**
   * Binds the key to this request in one statement; when the key is taken (a retry, or a
   * concurrent twin that committed first — the insert waits for it) returns what that request
   * produced, or IDEMPOTENCY_MISMATCH for a different request.
   */
  private async bindOrReplay(
    q: Query,
    principal: Principal,
    key: string,
    operation: string,
    hash: string,
    id: string,
  ): Promise<AppointmentRecord | null> {
    const bound = await q(
      `insert into idempotency_key (actor, key, operation, request_hash, appointment_id) values ($1, $2, $3, $4, $5)
       on conflict (actor, key) do nothing returning appointment_id`,
      [actorOf(principal), key, operation, hash, id],
    );
    if (bound.length > 0) return null;
    const replay = await this.claimKey(q, principal, key, operation, hash);
    if (!replay) throw new Error('idempotency key bound to a missing appointment');
    return replay;
  }

  /**
   * A booking transaction for one doctor's calendar. Inside this process they run one after
   * another before taking a database connection (a burst for a popular doctor waits here, not
   * holding the pool); across replicas the doctor's advisory lock, taken first in the
   * transaction, orders them.
   */
  private async doctorTransaction<T>(
    specialistId: string,
    fn: (q: Query) => Promise<T>,
    slot: { specialistId: string; branchId: string; serviceId: string; start: number },
  ): Promise<T> {
    const previous = this.doctorQueues.get(specialistId) ?? Promise.resolve();
    let release: () => void = () => {};
    const mine = new Promise<void>((r) => {
      release = r;
    });
    const tail = previous.then(() => mine);
    this.doctorQueues.set(specialistId, tail);
    await previous;
    try {
      return await this.transaction(async (q) => {
        await this.deps.appointments.queueForSpecialist(q, specialistId);
        return fn(q);
      }, slot);
    } finally {
      release();
      if (this.doctorQueues.get(specialistId) === tail) this.doctorQueues.delete(specialistId);
    }
  }

  /**
   * Runs a booking transaction; maps exclusion-constraint violations to typed errors and a
   * duplicate idempotency key (a concurrent twin committed first) to a replay.
   */
  private async transaction<T>(
    fn: (q: Query) => Promise<T>,
    slot?: { specialistId: string; branchId: string; serviceId: string; start: number },
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.deps.database.tx(fn);
      } catch (e) {
        const { code, constraint } = pgError(e);
        if (code === '23P01') {
          if (constraint === 'appointment_patient_no_overlap')
            throw reject('startsAt', codes.PATIENT_BUSY, 'У пациента уже есть запись на это время');
          throw new Rejected(
            [{ field: 'startsAt', code: codes.SLOT_TAKEN, message: 'Это время уже занято' }],
            slot,
          );
        }
        // Two requests with one key raced: the loser retries and replays the winner's result.
        if (code === '23505' && constraint === 'idempotency_key_pkey' && attempt < 2) continue;
        // Bookings of one doctor queue on an advisory lock, but a room or the patient can still
        // be shared with another doctor's booking running at the same time: if their exclusion
        // checks deadlock, Postgres aborts one, which simply runs again (and then meets the
        // committed row as SLOT_TAKEN / PATIENT_BUSY).
        if ((code === '40P01' || code === '40001') && attempt < 5) continue;
        // Another replica held the doctor's lock too long (lock_timeout): a typed, retryable refusal.
        if (code === '55P03')
          throw reject(
            'startsAt',
            ErrorCode.CONFLICT,
            'Сейчас много записей к этому врачу, попробуйте ещё раз',
          );
        throw e;
      }
    }
  }

  private async asResult(e: unknown): Promise<BookingResult> {
    if (!(e instanceof Rejected)) throw e;
    let alternatives: ComputedSlot[] = [];
    if (e.alternativesFor) alternatives = await this.alternatives(e.alternativesFor);
    return { appointment: null, inputErrors: e.errors, alternatives };
  }

  /** The free slots of the same doctor and service nearest to the requested time. */
  private async alternatives(s: {
    specialistId: string;
    branchId: string;
    serviceId: string;
    start: number;
  }) {
    const branch = await this.deps.catalog.branch(s.branchId);
    if (!branch) return [];
    const day = DateTime.fromMillis(s.start, { zone: branch.timeZone });
    const slots = await this.deps.availability.freeSlots({
      specialistId: s.specialistId,
      serviceId: s.serviceId,
      branchId: s.branchId,
      from: day.toISODate()!,
      to: day.plus({ days: 7 }).toISODate()!,
      limit: 500,
      fresh: true,
    });
    return slots
      .filter((x) => x.start !== s.start)
      .sort((a, b) => Math.abs(a.start - s.start) - Math.abs(b.start - s.start))
      .slice(0, 5)
      .sort((a, b) => a.start - b.start);
  }
}

type Prepared = {
  branch: BranchRecord;
  specialist: SpecialistRecord;
  service: ServiceRecord;
  start: Date;
  end: Date;
  roomId: string | null;
  patientId: string;
  patientComment: string | null;
  overbookReason: string | null;
};

const actorOf = (p: Principal) => `${p.kind}:${p.subject ?? 'anonymous'}`;

function requestHash(input: Record<string, unknown>): string {
  const canonical = JSON.stringify(
    Object.keys(input)
      .sort()
      .map((k) => [k, input[k] ?? null]),
  );
  return createHash('sha256').update(canonical).digest('hex');
}

function checkKey(key: string) {
  if (typeof key !== 'string' || !KEY.test(key))
    throw reject('idempotencyKey', ErrorCode.BAD_USER_INPUT, 'Ключ повтора: 8–100 символов [A-Za-z0-9_.:-]');
}

/** Free text of a booking request, trimmed (null when empty and optional), or a typed refusal. */
function checkText(field: string, value: unknown, rule: { max: number; required?: boolean }): string | null {
  const error = textError(field, value, rule);
  if (error) throw new Rejected([error]);
  return typeof value === 'string' ? value.trim() || null : null;
}

function checkId(id: unknown, field: string): string {
  if (!isId(id)) throw reject(field, ErrorCode.INVALID_ID, 'Неверный идентификатор');
  return id.toLowerCase();
}
