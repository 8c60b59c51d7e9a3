import type { Database } from '@medikamente/runtime';

/**
 * Doctor–patient care relationships read by the policy's `careRelationship` condition.
 * Until the schedule subgraph publishes appointment events, tests and seeds fill it directly.
 */
export class CareStore {
  constructor(private readonly database: Database) {}

  /** Patient ids among `patientIds` the doctor currently has a care relationship with. */
  async activeFor(doctorAccountId: string, patientIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.database.query<{ patient_id: string }>(
      `select distinct patient_id from care_relationship
       where doctor_account_id = $1 and patient_id = any($2::uuid[]) and valid_until > now()`,
      [doctorAccountId, patientIds],
    );
    return new Set(rows.map((r) => String(r.patient_id)));
  }

  /** Grants or extends a relationship (idempotent per doctor, patient and source). */
  async grant(doctorAccountId: string, patientId: string, source: string, validUntil: Date): Promise<void> {
    await this.database.query(
      `insert into care_relationship (doctor_account_id, patient_id, source, valid_until) values ($1, $2, $3, $4)
       on conflict (doctor_account_id, patient_id, source) do update set valid_until = excluded.valid_until`,
      [doctorAccountId, patientId, source, validUntil],
    );
  }

  /** Whether this service holds the patient (events about others are not projected). */
  /**
   * Records `occurredAt` as the newest event of `source` unless a newer one was applied already;
   * false means the event is stale and must change nothing. Runs in the inbox transaction.
   */
  async advance(source: string, occurredAt: Date): Promise<boolean> {
    const rows = await this.database.query(
      `insert into care_source_version (source, occurred_at) values ($1, $2)
       on conflict (source) do update set occurred_at = excluded.occurred_at
       where care_source_version.occurred_at <= excluded.occurred_at
       returning source`,
      [source, occurredAt],
    );
    return rows.length > 0;
  }

  async holdsPatient(patientId: string): Promise<boolean> {
    const rows = await this.database.query('select 1 from patient where id = $1', [patientId]);
    return rows.length > 0;
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
}
