import { type Database, ErrorCode, type Principal } from '@medikamente/runtime';
import { codes } from '../../error-codes.generated';
import type { CatalogStore } from '../catalog/catalog.store';
import type { AppointmentRecord, AppointmentStore } from './booking.store';
import { mayActOn, Rejected, reject, type SlotRequest } from './booking.validate';

/** The lock step: booking transactions, queued per doctor, with database refusals made typed. */

type Query = Database['query'];

/** SQLSTATE and constraint name of a database error on postgres.js and PGlite. */
function pgError(err: unknown): { code?: string; constraint?: string } {
  const e = err as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown };
  if (e?.code) return { code: e.code, constraint: e.constraint_name ?? e.constraint };
  if (e?.cause) return pgError(e.cause);
  return {};
}

export class BookingTransactions {
  private readonly doctorQueues = new Map<string, Promise<void>>();

  constructor(private readonly deps: { database: Database; appointments: AppointmentStore }) {}

  /**
   * A booking transaction for one doctor's calendar. Inside this process they run one after
   * another before taking a database connection (a burst for a popular doctor waits here, not
   * holding the pool); across replicas the doctor's advisory lock, taken first in the
   * transaction, orders them.
   */
  async forDoctor<T>(specialistId: string, fn: (q: Query) => Promise<T>, slot: SlotRequest): Promise<T> {
    const previous = this.doctorQueues.get(specialistId) ?? Promise.resolve();
    let release: () => void = () => {};
    const mine = new Promise<void>((r) => {
      release = r;
    });
    const tail = previous.then(() => mine);
    this.doctorQueues.set(specialistId, tail);
    await previous;
    try {
      return await this.run(async (q) => {
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
  async run<T>(fn: (q: Query) => Promise<T>, slot?: SlotRequest): Promise<T> {
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
        if (code === '23505' && constraint === 'idempotency_pkey' && attempt < 2) continue;
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
}

/** Locks an appointment the caller may act on (a doctor: their own), or NOT_FOUND. */
export async function lockOwned(
  deps: { appointments: AppointmentStore; catalog: CatalogStore },
  q: Query,
  principal: Principal,
  id: string,
): Promise<AppointmentRecord> {
  const a = await deps.appointments.lock(q, id);
  let allowed = a !== null && mayActOn(principal, a);
  if (a && !allowed && principal.role === 'doctor') {
    const s = await deps.catalog.specialist(a.specialistId);
    allowed = s?.accountId === principal.subject;
  }
  if (!a || !allowed) throw reject('appointmentId', ErrorCode.NOT_FOUND, 'Запись не найдена');
  return a;
}
