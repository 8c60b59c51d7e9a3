import { randomUUID } from 'node:crypto';
import { addToOutbox, type Database, type SubjectKeyring } from '@medikamente/runtime';
import { HEALTH_KEYS } from '../keys/keys';

export type BreakGlassRecord = {
  id: string;
  doctorAccountId: string;
  patientId: string;
  startedAt: Date;
  expiresAt: Date;
};

export type AlertRecord = {
  id: string;
  kind: string;
  severity: string;
  actorAccountId: string;
  patientId: string;
  breakGlassId: string | null;
  createdAt: Date;
  emailedAt: Date | null;
  emailError: string | null;
};

type AlertRow = {
  id: string;
  kind: string;
  severity: string;
  actor_account_id: string;
  patient_id: string;
  break_glass_id: string | null;
  created_at: Date | string;
  emailed_at: Date | string | null;
  email_error: string | null;
};
const toAlert = (r: AlertRow): AlertRecord => ({
  id: String(r.id),
  kind: r.kind,
  severity: r.severity,
  actorAccountId: r.actor_account_id,
  patientId: String(r.patient_id),
  breakGlassId: r.break_glass_id ? String(r.break_glass_id) : null,
  createdAt: new Date(r.created_at),
  emailedAt: r.emailed_at ? new Date(r.emailed_at) : null,
  emailError: r.email_error,
});

/** Break-glass grants (append-only; they expire) and the security officer's stored alerts. */
export class BreakGlassStore {
  constructor(
    private readonly database: Database,
    private readonly keyring: SubjectKeyring,
  ) {}

  /** Patient ids among `patientIds` the doctor holds an unexpired break-glass grant for. */
  async activeFor(doctorAccountId: string, patientIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.database.query<{ patient_id: string }>(
      `select distinct patient_id from break_glass
        where doctor_account_id = $1 and patient_id = any($2::uuid[]) and expires_at > now()`,
      [doctorAccountId, patientIds],
    );
    return new Set(rows.map((r) => String(r.patient_id)));
  }

  /** When the doctor's newest unexpired grant for the patient ends, or null. */
  async activeUntil(doctorAccountId: string, patientId: string): Promise<Date | null> {
    const [row] = await this.database.query<{ until: Date | string | null }>(
      `select max(expires_at) as until from break_glass
        where doctor_account_id = $1 and patient_id = $2 and expires_at > now()`,
      [doctorAccountId, patientId],
    );
    return row?.until ? new Date(row.until) : null;
  }

  /**
   * Records a grant with its reason (sealed under the patient's key), the alert and the event for
   * security operations — one transaction: no access without its alert.
   */
  async grant(g: { doctorAccountId: string; patientId: string; reason: string; hours: number }): Promise<{
    grant: BreakGlassRecord;
    alert: AlertRecord;
  }> {
    return this.database.tx(async (q) => {
      const id = randomUUID();
      const key = await this.keyring.keyFor(g.patientId, HEALTH_KEYS);
      const [row] = await q<{ started_at: Date | string; expires_at: Date | string }>(
        `insert into break_glass (id, doctor_account_id, patient_id, reason_sealed, expires_at)
         values ($1, $2, $3, $4, now() + make_interval(secs => $5)) returning started_at, expires_at`,
        [
          id,
          g.doctorAccountId,
          g.patientId,
          key.seal(g.reason, { table: 'break_glass', column: 'reason', row: id }),
          g.hours * 3600,
        ],
      );
      const [alert] = await q<AlertRow>(
        `insert into security_alert (id, kind, severity, actor_account_id, patient_id, break_glass_id)
         values ($1, 'BREAK_GLASS', 'HIGH', $2, $3, $4) returning *`,
        [randomUUID(), g.doctorAccountId, g.patientId, id],
      );
      const grant = {
        id,
        doctorAccountId: g.doctorAccountId,
        patientId: g.patientId,
        startedAt: new Date(row!.started_at),
        expiresAt: new Date(row!.expires_at),
      };
      // For security operations: ids and times only (the reason stays sealed here).
      await addToOutbox(q, 'record.break_glass', {
        breakGlassId: id,
        alertId: String(alert!.id),
        doctorAccountId: g.doctorAccountId,
        patientId: g.patientId,
        startedAt: grant.startedAt.toISOString(),
        expiresAt: grant.expiresAt.toISOString(),
      });
      return { grant, alert: toAlert(alert!) };
    });
  }

  /** The stated reason of a grant (for the security officer's review). */
  async reasonOf(id: string): Promise<string | null> {
    const [row] = await this.database.query<{ patient_id: string; reason_sealed: string }>(
      'select patient_id, reason_sealed from break_glass where id = $1',
      [id],
    );
    if (!row) return null;
    const key = await this.keyring.keyFor(String(row.patient_id), HEALTH_KEYS);
    return key.openText(row.reason_sealed, { table: 'break_glass', column: 'reason', row: id });
  }

  async alerts(limit = 100): Promise<AlertRecord[]> {
    const rows = await this.database.query<AlertRow>(
      'select * from security_alert order by created_at desc limit $1',
      [limit],
    );
    return rows.map(toAlert);
  }

  async markEmailed(alertId: string, error: string | null): Promise<void> {
    await this.database.query(
      error
        ? 'update security_alert set email_error = $2 where id = $1'
        : 'update security_alert set emailed_at = now(), email_error = null where id = $1',
      error ? [alertId, error] : [alertId],
    );
  }
}
