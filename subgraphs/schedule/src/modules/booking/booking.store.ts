import type { Database } from '@medikamente/runtime';

export type AppointmentStatus =
  | 'HELD'
  | 'BOOKED'
  | 'CONFIRMED'
  | 'CHECKED_IN'
  | 'COMPLETED'
  | 'NO_SHOW'
  | 'CANCELLED';

export type AppointmentRecord = {
  id: string;
  patientId: string;
  specialistId: string;
  branchId: string;
  serviceId: string;
  roomId: string | null;
  start: Date;
  end: Date;
  status: AppointmentStatus;
  holdExpiresAt: Date | null;
  source: 'PORTAL' | 'RECEPTION' | 'REMINDER';
  patientComment: string | null;
  cancelReason: string | null;
  cancelledLate: boolean;
  overbooked: boolean;
  overbookReason: string | null;
  confirmedAt: Date | null;
  checkedInAt: Date | null;
  callStatus: 'NOT_CALLED' | 'REACHED' | 'NOT_REACHED';
  calledAt: Date | null;
  createdAt: Date;
};

type Row = Record<string, unknown>;
type Query = Database['query'];

export const APPOINTMENT_COLUMNS = `id, patient_id, specialist_id, branch_id, service_id, room_id, lower(during) as starts_at,
  upper(during) as ends_at, status, hold_expires_at, source, patient_comment, cancel_reason, cancelled_late, overbooked,
  overbook_reason, confirmed_at, checked_in_at, call_status, called_at, created_at`;

const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

export function toAppointment(r: Row): AppointmentRecord {
  return {
    id: String(r.id),
    patientId: String(r.patient_id),
    specialistId: String(r.specialist_id),
    branchId: String(r.branch_id),
    serviceId: String(r.service_id),
    roomId: (r.room_id as string | null) ?? null,
    start: new Date(r.starts_at as string),
    end: new Date(r.ends_at as string),
    status: r.status as AppointmentStatus,
    holdExpiresAt: date(r.hold_expires_at),
    source: r.source as AppointmentRecord['source'],
    patientComment: (r.patient_comment as string | null) ?? null,
    cancelReason: (r.cancel_reason as string | null) ?? null,
    cancelledLate: Boolean(r.cancelled_late),
    overbooked: Boolean(r.overbooked),
    overbookReason: (r.overbook_reason as string | null) ?? null,
    confirmedAt: date(r.confirmed_at),
    checkedInAt: date(r.checked_in_at),
    callStatus: r.call_status as AppointmentRecord['callStatus'],
    calledAt: date(r.called_at),
    createdAt: new Date(r.created_at as string),
  };
}

/** SQL of appointments; state changes run inside transactions of the booking service. */
export class AppointmentStore {
  constructor(private readonly database: Database) {}

  async byIds(ids: readonly string[]): Promise<Map<string, AppointmentRecord>> {
    const rows = await this.database.query(
      `select ${APPOINTMENT_COLUMNS} from appointment where id = any($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [String(r.id), toAppointment(r)]));
  }

  /** Like byIds, inside a transaction. */
  async byIdsIn(q: Query, ids: readonly string[]): Promise<Map<string, AppointmentRecord>> {
    const rows = await q(`select ${APPOINTMENT_COLUMNS} from appointment where id = any($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [String(r.id), toAppointment(r)]));
  }

  async forPatient(
    patientId: string,
    period: 'UPCOMING' | 'PAST',
    limit = 200,
  ): Promise<AppointmentRecord[]> {
    const rows = await this.database.query(
      period === 'UPCOMING'
        ? `select ${APPOINTMENT_COLUMNS} from appointment where patient_id = $1 and upper(during) >= now()
             and status <> 'CANCELLED' and not (status = 'HELD' and hold_expires_at <= now())
           order by lower(during) limit $2`
        : `select ${APPOINTMENT_COLUMNS} from appointment where patient_id = $1
             and (upper(during) < now() or status = 'CANCELLED') and not (status = 'HELD')
           order by lower(during) desc limit $2`,
      [patientId, limit],
    );
    return rows.map(toAppointment);
  }

  async forSpecialist(specialistId: string, from: Date, to: Date): Promise<AppointmentRecord[]> {
    const rows = await this.database.query(
      `select ${APPOINTMENT_COLUMNS} from appointment where specialist_id = $1
         and during && tstzrange($2::timestamptz, $3::timestamptz) and status not in ('CANCELLED', 'HELD')
       order by lower(during)`,
      [specialistId, from, to],
    );
    return rows.map(toAppointment);
  }

  async forBranch(branchId: string, from: Date, to: Date): Promise<AppointmentRecord[]> {
    const rows = await this.database.query(
      `select ${APPOINTMENT_COLUMNS} from appointment where branch_id = $1
         and lower(during) >= $2::timestamptz and lower(during) < $3::timestamptz
         and not (status = 'HELD' and hold_expires_at <= now())
       order by lower(during), specialist_id`,
      [branchId, from, to],
    );
    return rows.map(toAppointment);
  }

  /**
   * Queues booking transactions of one specialist behind each other until commit. Two inserts
   * into the same slot would otherwise check the exclusion constraint against each other's
   * uncommitted rows and deadlock; queued, the second meets the committed row (SLOT_TAKEN).
   * The constraints stay the guarantee; this lock only makes losing cheap and typed.
   */
  async queueForSpecialist(q: Query, specialistId: string): Promise<void> {
    // Never wait longer than this for another replica's booking of the same doctor (55P03).
    await q(
      `select set_config('lock_timeout', '5s', true), pg_advisory_xact_lock(hashtextextended('booking:' || $1, 0))`,
      [specialistId],
    );
  }

  /**
   * Counts a patient's unexpired holds, after taking the patient's advisory lock: two holds of
   * one patient (with different doctors, so different doctor locks) cannot both pass the limit.
   */
  async activeHoldsLocked(q: Query, patientId: string): Promise<number> {
    // Two statements: a read-committed statement sees rows committed before it started, so the
    // count must start after the lock is held (a waiter then sees the winner's hold).
    await q(`select pg_advisory_xact_lock(hashtextextended('holds:' || $1::text, 0))`, [patientId]);
    const rows = await q<{ n: number }>(
      `select count(*)::int as n from appointment
       where patient_id = $1::uuid and status = 'HELD' and hold_expires_at > now()`,
      [patientId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Locks and returns an appointment inside a transaction. */
  async lock(q: Query, id: string): Promise<AppointmentRecord | null> {
    const rows = await q(`select ${APPOINTMENT_COLUMNS} from appointment where id = $1 for update`, [id]);
    return rows[0] ? toAppointment(rows[0]) : null;
  }

  async insert(
    q: Query,
    a: Omit<
      AppointmentRecord,
      | 'createdAt'
      | 'confirmedAt'
      | 'checkedInAt'
      | 'cancelReason'
      | 'cancelledLate'
      | 'callStatus'
      | 'calledAt'
    >,
    createdBy: string,
  ): Promise<AppointmentRecord> {
    const rows = await q(
      `insert into appointment (id, patient_id, specialist_id, branch_id, service_id, room_id, during, status,
         hold_expires_at, source, patient_comment, overbooked, overbook_reason, created_by)
       values ($1, $2, $3, $4, $5, $6, tstzrange($7::timestamptz, $8::timestamptz), $9, $10, $11, $12, $13, $14, $15)
       returning ${APPOINTMENT_COLUMNS}`,
      [
        a.id,
        a.patientId,
        a.specialistId,
        a.branchId,
        a.serviceId,
        a.roomId,
        a.start,
        a.end,
        a.status,
        a.holdExpiresAt,
        a.source,
        a.patientComment,
        a.overbooked,
        a.overbookReason,
        createdBy,
      ],
    );
    return toAppointment(rows[0]!);
  }

  /** Releases holds that expired (overlapping the given time, or all) and returns them. */
  async expireHolds(
    q: Query,
    scope?: { specialistId: string; patientId: string; roomId: string | null; start: Date; end: Date },
  ): Promise<AppointmentRecord[]> {
    const rows = scope
      ? await q(
          `update appointment set status = 'CANCELLED', cancel_reason = 'Время удержания истекло', cancelled_at = now(),
             updated_at = now()
           where status = 'HELD' and hold_expires_at <= now()
             and (specialist_id = $1 or patient_id = $2 or room_id = $3)
             and during && tstzrange($4::timestamptz, $5::timestamptz)
           returning ${APPOINTMENT_COLUMNS}`,
          [scope.specialistId, scope.patientId, scope.roomId, scope.start, scope.end],
        )
      : await q(
          `update appointment set status = 'CANCELLED', cancel_reason = 'Время удержания истекло', cancelled_at = now(),
             updated_at = now()
           where id in (select id from appointment where status = 'HELD' and hold_expires_at <= now()
                        order by hold_expires_at limit 500 for update skip locked)
           returning ${APPOINTMENT_COLUMNS}`,
        );
    return rows.map(toAppointment);
  }

  /** Applies a state change (only the given columns) and returns the new row. */
  async update(
    q: Query,
    id: string,
    set: Partial<{
      status: AppointmentStatus;
      start: Date;
      end: Date;
      specialistId: string;
      branchId: string;
      roomId: string | null;
      holdExpiresAt: Date | null;
      cancelReason: string;
      cancelledLate: boolean;
      confirmedAt: Date;
      checkedInAt: Date;
      completedAt: Date;
      cancelledAt: Date;
      callStatus: string;
      calledAt: Date;
    }>,
  ): Promise<AppointmentRecord> {
    const cols: string[] = [];
    const params: unknown[] = [id];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      cols.push(sql.replace('?', `$${params.length}`));
    };
    if (set.status !== undefined) add('status = ?', set.status);
    if (set.start !== undefined && set.end !== undefined) {
      params.push(set.start, set.end);
      cols.push(`during = tstzrange($${params.length - 1}::timestamptz, $${params.length}::timestamptz)`);
      // A new time needs a new reminder.
      cols.push(`reminder_status = 'PENDING'`);
    }
    if (set.specialistId !== undefined) add('specialist_id = ?', set.specialistId);
    if (set.branchId !== undefined) add('branch_id = ?', set.branchId);
    if (set.roomId !== undefined) add('room_id = ?', set.roomId);
    if (set.holdExpiresAt !== undefined) add('hold_expires_at = ?', set.holdExpiresAt);
    if (set.cancelReason !== undefined) add('cancel_reason = ?', set.cancelReason);
    if (set.cancelledLate !== undefined) add('cancelled_late = ?', set.cancelledLate);
    if (set.confirmedAt !== undefined) add('confirmed_at = ?', set.confirmedAt);
    if (set.checkedInAt !== undefined) add('checked_in_at = ?', set.checkedInAt);
    if (set.completedAt !== undefined) add('completed_at = ?', set.completedAt);
    if (set.cancelledAt !== undefined) add('cancelled_at = ?', set.cancelledAt);
    if (set.callStatus !== undefined) add('call_status = ?', set.callStatus);
    if (set.calledAt !== undefined) add('called_at = ?', set.calledAt);
    const rows = await q(
      `update appointment set ${[...cols, 'updated_at = now()'].join(', ')} where id = $1 returning ${APPOINTMENT_COLUMNS}`,
      params,
    );
    return toAppointment(rows[0]!);
  }

  /** Raw read for module-specific lists (rows in the shape `toAppointment` reads). */
  raw(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    return this.database.query(sql, params);
  }

  async setCallStatus(id: string, status: string): Promise<AppointmentRecord> {
    const rows = await this.database.query(
      `update appointment set call_status = $2, called_at = case when $2 = 'NOT_CALLED' then null else now() end
       where id = $1 returning ${APPOINTMENT_COLUMNS}`,
      [id, status],
    );
    return toAppointment(rows[0]!);
  }

  /** The doctor's patients among `patientIds` with an active appointment within the care window. */
  async careRelationships(
    doctorAccountId: string,
    patientIds: readonly string[],
    windowDays: number,
  ): Promise<Set<string>> {
    const rows = await this.database.query<{ patient_id: string }>(
      `select distinct a.patient_id from appointment a join specialist s on s.id = a.specialist_id
       where s.account_id = $1 and a.patient_id = any($2::uuid[]) and a.status <> 'CANCELLED'
         and upper(a.during) > now() - make_interval(days => $3::int)`,
      [doctorAccountId, patientIds, windowDays],
    );
    return new Set(rows.map((r) => String(r.patient_id)));
  }
}
