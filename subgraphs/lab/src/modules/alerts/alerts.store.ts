import { randomUUID } from 'node:crypto';
import type { Database } from '@medikamente/runtime';
import type { Flag } from '../results/result-values';

export type AlertStep = 'RAISED' | 'NOTIFIED' | 'ESCALATED' | 'ACKNOWLEDGED';

export type AlertRecord = {
  id: string;
  orderId: string;
  resultId: string;
  patientId: string;
  doctorAccountId: string;
  flag: Flag;
  raisedAt: Date;
  escalateAt: Date;
  escalatedTo: string | null;
  escalatedAt: Date | null;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
};

export type AlertStepRecord = { alertId: string; step: AlertStep; accountId: string | null; at: Date };

type Row = Record<string, unknown>;
const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));
const toRecord = (r: Row): AlertRecord => ({
  id: String(r.id),
  orderId: String(r.order_id),
  resultId: String(r.result_id),
  patientId: String(r.patient_id),
  doctorAccountId: String(r.doctor_account_id),
  flag: r.flag as Flag,
  raisedAt: new Date(r.raised_at as string),
  escalateAt: new Date(r.escalate_at as string),
  escalatedTo: (r.escalated_to as string | null) ?? null,
  escalatedAt: date(r.escalated_at),
  acknowledgedBy: (r.acknowledged_by as string | null) ?? null,
  acknowledgedAt: date(r.acknowledged_at),
});

/** Critical-value alerts and their recorded steps: all SQL of the module. */
export class AlertStore {
  constructor(private readonly database: Database) {}

  async raise(a: {
    orderId: string;
    resultId: string;
    patientId: string;
    doctorAccountId: string;
    flag: Flag;
    escalateAfterSec: number;
  }): Promise<AlertRecord> {
    const [row] = await this.database.query<Row>(
      `insert into lab_alert (id, order_id, result_id, patient_id, doctor_account_id, flag, escalate_at)
       values ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7)) returning *`,
      [randomUUID(), a.orderId, a.resultId, a.patientId, a.doctorAccountId, a.flag, a.escalateAfterSec],
    );
    const alert = toRecord(row!);
    await this.step(alert.id, 'RAISED', a.doctorAccountId);
    return alert;
  }

  async step(
    alertId: string,
    step: AlertStep,
    accountId: string | null,
    detail: string | null = null,
  ): Promise<void> {
    await this.database.query(
      'insert into lab_alert_step (alert_id, step, account_id, detail) values ($1, $2, $3, $4)',
      [alertId, step, accountId, detail],
    );
  }

  async byIds(ids: readonly string[]): Promise<Map<string, AlertRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.database.query<Row>('select * from lab_alert where id = any($1::uuid[])', [ids]);
    return new Map(rows.map((r) => [String(r.id), toRecord(r)]));
  }

  async stepsOf(alertIds: readonly string[]): Promise<Map<string, AlertStepRecord[]>> {
    const out = new Map<string, AlertStepRecord[]>(alertIds.map((id) => [id, []]));
    if (alertIds.length === 0) return out;
    const rows = await this.database.query<Row>(
      'select * from lab_alert_step where alert_id = any($1::uuid[]) order by id',
      [alertIds],
    );
    for (const r of rows)
      out.get(String(r.alert_id))?.push({
        alertId: String(r.alert_id),
        step: r.step as AlertStep,
        accountId: (r.account_id as string | null) ?? null,
        at: new Date(r.at as string),
      });
    return out;
  }

  /** Alerts raised for or escalated to the doctor, newest first. */
  async forDoctor(doctorAccountId: string, includeAcknowledged: boolean): Promise<AlertRecord[]> {
    const rows = await this.database.query<Row>(
      `select * from lab_alert where (doctor_account_id = $1 or escalated_to = $1)
         and ($2 or acknowledged_at is null) order by raised_at desc limit 200`,
      [doctorAccountId, includeAcknowledged],
    );
    return rows.map(toRecord);
  }

  async lock(id: string): Promise<AlertRecord | null> {
    const [row] = await this.database.query<Row>('select * from lab_alert where id = $1 for update', [id]);
    return row ? toRecord(row) : null;
  }

  async acknowledge(id: string, accountId: string): Promise<AlertRecord> {
    const [row] = await this.database.query<Row>(
      'update lab_alert set acknowledged_by = $2, acknowledged_at = now() where id = $1 returning *',
      [id, accountId],
    );
    await this.step(id, 'ACKNOWLEDGED', accountId);
    return toRecord(row!);
  }

  /** Claims the unacknowledged alerts due for escalation (skipping ones another replica holds). */
  async dueForEscalation(limit: number): Promise<AlertRecord[]> {
    const rows = await this.database.query<Row>(
      `select * from lab_alert where acknowledged_at is null and escalated_at is null and escalate_at <= now()
        order by escalate_at limit $1 for update skip locked`,
      [limit],
    );
    return rows.map(toRecord);
  }

  async escalate(id: string, to: string): Promise<AlertRecord> {
    const [row] = await this.database.query<Row>(
      'update lab_alert set escalated_to = $2, escalated_at = now() where id = $1 returning *',
      [id, to],
    );
    await this.step(id, 'ESCALATED', to);
    return toRecord(row!);
  }
}
