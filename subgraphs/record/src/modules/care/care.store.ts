import type { Database } from '@medikamente/runtime';

/**
 * Doctor–patient care relationships of the record subgraph, projected from the schedule
 * subgraph's appointment events (the policy's `careRelationship` here).
 */
export class CareStore {
  constructor(private readonly database: Database) {}

  /** Patient ids among `patientIds` the doctor currently has a care relationship with. */
  async activeFor(doctorAccountId: string, patientIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.database.query<{ patient_id: string }>(
      `select distinct patient_id from care_relationship
        where doctor_account_id = $1 and patient_id = any($2::uuid[]) and until > now()`,
      [doctorAccountId, patientIds],
    );
    return new Set(rows.map((r) => String(r.patient_id)));
  }

  /** Whether this appointment (from the schedule's events) is the doctor's, with this patient. */
  async appointmentOf(doctorAccountId: string, patientId: string, appointmentId: string): Promise<boolean> {
    const rows = await this.database.query(
      'select 1 from care_relationship where doctor_account_id = $1 and patient_id = $2 and source = $3',
      [doctorAccountId, patientId, `appointment:${appointmentId}`],
    );
    return rows.length > 0;
  }

  /** Grants or extends what one source (an appointment) gives a doctor. */
  async grant(doctorAccountId: string, patientId: string, source: string, until: Date): Promise<void> {
    await this.database.query(
      `insert into care_relationship (doctor_account_id, patient_id, source, until) values ($1, $2, $3, $4)
       on conflict (doctor_account_id, patient_id, source) do update set until = excluded.until`,
      [doctorAccountId, patientId, source, until.toISOString()],
    );
  }

  /** Withdraws what one source granted (to every doctor, or to all but `exceptDoctor`). */
  async withdraw(source: string, opts: { exceptDoctor?: string } = {}): Promise<void> {
    if (opts.exceptDoctor === undefined)
      await this.database.query('delete from care_relationship where source = $1', [source]);
    else
      await this.database.query(
        'delete from care_relationship where source = $1 and doctor_account_id <> $2',
        [source, opts.exceptDoctor],
      );
  }

  /**
   * Records `occurredAt` as the newest applied event of `source` unless a newer one was applied
   * already; false: the event is stale and must change nothing.
   */
  async advance(source: string, occurredAt: Date): Promise<boolean> {
    const rows = await this.database.query(
      `insert into care_source_version (source, occurred_at) values ($1, $2)
       on conflict (source) do update set occurred_at = excluded.occurred_at
       where care_source_version.occurred_at <= excluded.occurred_at returning source`,
      [source, occurredAt.toISOString()],
    );
    return rows.length > 0;
  }
}
