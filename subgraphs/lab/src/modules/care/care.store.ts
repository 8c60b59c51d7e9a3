import type { Database } from '@medikamente/runtime';

/**
 * Doctor–patient care relationships of the lab subgraph, projected from the schedule subgraph's
 * appointment events, plus what the lab's own orders give: the ordering doctor keeps access to the
 * order's patient while the order is open or within the care window after its release, and a
 * colleague an unacknowledged critical alert was escalated to gets it too (the policy's
 * `careRelationship` here).
 */
export class CareStore {
  constructor(
    private readonly database: Database,
    private readonly careWindowDays: number,
  ) {}

  /** Patient ids among `patientIds` the doctor currently has a care relationship with. */
  async activeFor(doctorAccountId: string, patientIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.database.query<{ patient_id: string }>(
      `select patient_id from care_relationship
        where doctor_account_id = $1 and patient_id = any($2::uuid[]) and until > now()
       union
       select patient_id from lab_order
        where ordered_by = $1 and patient_id = any($2::uuid[])
          and (closed_at is null or closed_at > now() - make_interval(days => $3))
       union
       select patient_id from lab_alert
        where escalated_to = $1 and patient_id = any($2::uuid[]) and escalated_at > now() - make_interval(days => $3)`,
      [doctorAccountId, patientIds, this.careWindowDays],
    );
    return new Set(rows.map((r) => String(r.patient_id)));
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
