import type { Database } from '@medikamente/runtime';
import { APPOINTMENT_COLUMNS, type AppointmentRecord, toAppointment } from '../booking/booking.store';

export type ReminderStatus = 'PENDING' | 'SCHEDULED' | 'SENT' | 'FAILED' | 'NO_CHANNEL' | 'SKIPPED';

/** SQL of reminders: which appointments and doctors' day lists are due, and their send status. */
export class RemindersStore {
  constructor(private readonly database: Database) {}

  /**
   * Appointments starting within their branch's reminder lead time (+10 min look-ahead) whose
   * reminder is not yet scheduled, with that lead time.
   */
  async dueForReminder(now: Date): Promise<Array<{ appointment: AppointmentRecord; leadHours: number }>> {
    const rows = await this.database.query(
      `select ${APPOINTMENT_COLUMNS}, b.reminder_lead_hours from appointment
       cross join lateral (select reminder_lead_hours from branch where branch.id = appointment.branch_id) b
       where reminder_status = 'PENDING' and status in ('BOOKED', 'CONFIRMED')
         and lower(during) > $1::timestamptz
         and lower(during) <= $1::timestamptz + make_interval(hours => b.reminder_lead_hours, mins => 10)
       order by lower(during) limit 500`,
      [now],
    );
    return rows.map((r) => ({ appointment: toAppointment(r), leadHours: Number(r.reminder_lead_hours) }));
  }

  /** Doctors with active appointments in a branch in [from, to) and a work e-mail, whose list for `day` is not queued. */
  async doctorsWithoutDayList(branchId: string, from: Date, to: Date, day: string): Promise<string[]> {
    const rows = await this.database.query<{ specialist_id: string }>(
      `select distinct a.specialist_id from appointment a join specialist s on s.id = a.specialist_id
       where a.branch_id = $1 and a.status in ('BOOKED', 'CONFIRMED') and s.notify_email is not null
         and lower(a.during) >= $2 and lower(a.during) < $3
         and not exists (select 1 from doctor_day_list l where l.specialist_id = a.specialist_id and l.day = $4::date)`,
      [branchId, from, to, day],
    );
    return rows.map((r) => String(r.specialist_id));
  }

  /** Records that a doctor's list for a day is queued (once). */
  async dayListQueued(specialistId: string, day: string): Promise<void> {
    await this.database.query(
      'insert into doctor_day_list (specialist_id, day) values ($1, $2) on conflict do nothing',
      [specialistId, day],
    );
  }

  async setDayListStatus(specialistId: string, day: string, status: 'SENT' | 'FAILED'): Promise<void> {
    await this.database.query(
      'update doctor_day_list set status = $3 where specialist_id = $1 and day = $2',
      [specialistId, day, status],
    );
  }

  /** Marks a pending reminder as scheduled. */
  async reminderScheduled(appointmentId: string): Promise<void> {
    await this.database.query(
      `update appointment set reminder_status = 'SCHEDULED' where id = $1 and reminder_status = 'PENDING'`,
      [appointmentId],
    );
  }

  /** Sets the reminder status of the appointment, if it still starts at `startsAt`. */
  async setReminderStatus(appointmentId: string, status: ReminderStatus, startsAt: string): Promise<void> {
    await this.database.query(
      'update appointment set reminder_status = $2 where id = $1 and lower(during) = $3::timestamptz',
      [appointmentId, status, startsAt],
    );
  }

  /** The doctor's work e-mail for day lists (never exposed through the API). */
  async notifyEmail(specialistId: string): Promise<string | null> {
    const rows = await this.database.query<{ notify_email: string | null }>(
      'select notify_email from specialist where id = $1',
      [specialistId],
    );
    return rows[0]?.notify_email ?? null;
  }

  /** A random secret generated on first use and kept in the service's own database (e.g. link signing). */
  async serviceSecret(name: string): Promise<Uint8Array> {
    const fresh = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64');
    await this.database.query(
      'insert into service_secret (name, value) values ($1, $2) on conflict do nothing',
      [name, fresh],
    );
    const [row] = await this.database.query<{ value: string }>(
      'select value from service_secret where name = $1',
      [name],
    );
    return new Uint8Array(Buffer.from(row!.value, 'base64'));
  }

  /** A lab notice to send (inside the event's inbox transaction); a repeat changes nothing. */
  async labResultsReleased(orderId: string, patientId: string): Promise<void> {
    await this.database.query(
      'insert into lab_results_notice (order_id, patient_id) values ($1, $2) on conflict (order_id) do nothing',
      [orderId, patientId],
    );
  }

  async pendingLabNotices(limit = 200): Promise<Array<{ orderId: string; patientId: string }>> {
    const rows = await this.database.query<{ order_id: string; patient_id: string }>(
      'select order_id, patient_id from lab_results_notice where queued_at is null order by received_at limit $1',
      [limit],
    );
    return rows.map((r) => ({ orderId: String(r.order_id), patientId: String(r.patient_id) }));
  }

  async labNoticeQueued(orderId: string): Promise<void> {
    await this.database.query('update lab_results_notice set queued_at = now() where order_id = $1', [
      orderId,
    ]);
  }
}
