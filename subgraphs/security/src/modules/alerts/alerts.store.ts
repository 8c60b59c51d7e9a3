import { randomUUID } from 'node:crypto';
import type { Database } from '@medikamente/runtime';
import type { AlertCandidate, StreamEvent, VolumeStats } from './rules';
import type { RuleId, Severity } from './rules.config';

export type AlertStatus = 'NEW' | 'EXPLAINED' | 'UNEXPLAINED' | 'INCIDENT';
export const ALERT_STATUSES: readonly AlertStatus[] = ['NEW', 'EXPLAINED', 'UNEXPLAINED', 'INCIDENT'];

export type AlertRecord = {
  id: string;
  rule: RuleId;
  severity: Severity;
  actorId: string | null;
  actorRole: string | null;
  patientId: string | null;
  service: string | null;
  occurredAt: Date;
  evidence: Record<string, unknown>;
  status: AlertStatus;
  assigneeId: string | null;
  raisedAt: Date;
  updatedAt: Date;
};

export type AlertStepRecord = {
  alertId: string;
  step: 'RAISED' | 'NOTIFIED' | 'ASSIGNED' | 'TRIAGED' | 'NOTE';
  accountId: string | null;
  status: string | null;
  assigneeId: string | null;
  note: string | null;
  at: Date;
};

/** A failed chain verification (the stream module's chain_verification rows). */
export type ChainFailure = {
  id: number;
  service: string;
  checkedAt: Date;
  reason: string | null;
  brokenAtSeq: number | null;
};

type Row = Record<string, unknown>;
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;
const toAlert = (r: Row): AlertRecord => ({
  id: String(r.id),
  rule: r.rule as RuleId,
  severity: r.severity as Severity,
  actorId: (r.actor_id as string | null) ?? null,
  actorRole: (r.actor_role as string | null) ?? null,
  patientId: (r.patient_id as string | null) ?? null,
  service: (r.service as string | null) ?? null,
  occurredAt: new Date(r.occurred_at as string),
  evidence: json(r.evidence),
  status: r.status as AlertStatus,
  assigneeId: (r.assignee_id as string | null) ?? null,
  raisedAt: new Date(r.raised_at as string),
  updatedAt: new Date(r.updated_at as string),
});
const toEvent = (r: Row): StreamEvent => ({
  streamId: Number(r.stream_id),
  service: String(r.service),
  occurredAt: new Date(r.occurred_at as string),
  actorId: String(r.actor_id),
  actorRole: String(r.actor_role),
  patientId: String(r.patient_id),
  categories: r.categories as string[],
  operation: (r.operation as string | null) ?? null,
  requestId: String(r.request_id),
  purpose: (r.purpose as string | null) ?? null,
  branchIds: (r.actor_branches as string[] | null) ?? null,
});

/** Alerts, their steps, the rules' cursors and VIP flags: all SQL of the module. */
export class AlertStore {
  constructor(private readonly database: Database) {}

  // ---- reading the stream -------------------------------------------------------------------

  async cursor(name: string): Promise<number> {
    const [row] = await this.database.query<{ position: string }>(
      'select position from monitoring_cursor where name = $1',
      [name],
    );
    return Number(row?.position ?? 0);
  }

  async advance(name: string, position: number): Promise<void> {
    await this.database.query(
      `insert into monitoring_cursor (name, position) values ($1, $2)
       on conflict (name) do update set position = greatest(monitoring_cursor.position, excluded.position)`,
      [name, position],
    );
  }

  /** Events of the central stream after `after` (stream order), at most `limit`. */
  async streamAfter(after: number, limit: number): Promise<StreamEvent[]> {
    const rows = await this.database.query<Row>(
      `select stream_id, service, occurred_at, actor_id, actor_role, patient_id, categories, operation, request_id, purpose, actor_branches
       from audit_record where stream_id > $1 order by stream_id limit $2`,
      [after, limit],
    );
    return rows.map(toEvent);
  }

  async chainFailuresAfter(after: number): Promise<{ last: number; failures: ChainFailure[] }> {
    const rows = await this.database.query<Row>(
      'select id, service, checked_at, ok, reason_code, broken_at_seq from chain_verification where id > $1 order by id limit 500',
      [after],
    );
    return {
      last: rows.length ? Number(rows[rows.length - 1]!.id) : after,
      failures: rows
        .filter((r) => r.ok === false)
        .map((r) => ({
          id: Number(r.id),
          service: String(r.service),
          checkedAt: new Date(r.checked_at as string),
          reason: (r.reason_code as string | null) ?? null,
          brokenAtSeq: r.broken_at_seq === null ? null : Number(r.broken_at_seq),
        })),
    };
  }

  /** One person's events in (at − window, at] and per active window over the baseline days before. */
  async volumeStats(
    actorId: string,
    at: Date,
    windowMinutes: number,
    baselineDays: number,
  ): Promise<VolumeStats> {
    const [row] = await this.database.query<Row>(
      `with w as (select $2::timestamptz - make_interval(mins => $3) as start)
       select
         (select count(*) from audit_record, w where actor_id = $1 and occurred_at > w.start and occurred_at <= $2) as current,
         (select count(*) from audit_record, w where actor_id = $1 and occurred_at <= w.start
            and occurred_at > w.start - make_interval(days => $4)) as baseline_events,
         (select count(distinct date_bin(make_interval(mins => $3), occurred_at, timestamptz '2000-01-01'))
            from audit_record, w where actor_id = $1 and occurred_at <= w.start
            and occurred_at > w.start - make_interval(days => $4)) as baseline_windows`,
      [actorId, at.toISOString(), windowMinutes, baselineDays],
    );
    return {
      current: Number(row!.current),
      baselineEvents: Number(row!.baseline_events),
      baselineWindows: Number(row!.baseline_windows),
    };
  }

  /** Distinct search requests and card opens of one person in (at − window, at]. */
  async searchStats(
    actorId: string,
    at: Date,
    windowMinutes: number,
    searchOperations: string[],
    openOperations: string[],
  ): Promise<{ searches: number; opens: number; streamIds: number[] }> {
    const [row] = await this.database.query<Row>(
      `select
         count(distinct request_id) filter (where operation = any($4::text[])) as searches,
         count(*) filter (where operation = any($5::text[])) as opens,
         (array_agg(stream_id order by stream_id) filter (where operation = any($4::text[])))[1:20] as ids
       from audit_record
       where actor_id = $1 and occurred_at > $2::timestamptz - make_interval(mins => $3) and occurred_at <= $2`,
      [actorId, at.toISOString(), windowMinutes, searchOperations, openOperations],
    );
    return {
      searches: Number(row!.searches),
      opens: Number(row!.opens),
      streamIds: ((row!.ids as unknown[] | null) ?? []).map(Number),
    };
  }

  async vipAmong(patientIds: string[]): Promise<Set<string>> {
    if (patientIds.length === 0) return new Set();
    const rows = await this.database.query<{ patient_id: string }>(
      'select patient_id from vip_patient where patient_id = any($1::uuid[])',
      [patientIds],
    );
    return new Set(rows.map((r) => r.patient_id));
  }

  async setVip(patientId: string, vip: boolean, by: string): Promise<void> {
    if (vip)
      await this.database.query(
        'insert into vip_patient (patient_id, flagged_by) values ($1, $2) on conflict (patient_id) do nothing',
        [patientId, by],
      );
    else await this.database.query('delete from vip_patient where patient_id = $1', [patientId]);
  }

  async isVip(patientIds: readonly string[]): Promise<Map<string, boolean>> {
    const vip = await this.vipAmong([...patientIds]);
    return new Map(patientIds.map((id) => [id, vip.has(id)]));
  }

  // ---- alerts -------------------------------------------------------------------------------

  /** Inserts the candidates whose key is new (with their RAISED step); returns those inserted. */
  async raise(candidates: AlertCandidate[]): Promise<AlertRecord[]> {
    const out: AlertRecord[] = [];
    for (const c of candidates) {
      const rows = await this.database.query<Row>(
        `insert into security_alert (id, rule, severity, dedupe_key, actor_id, actor_role, patient_id, service, occurred_at, evidence)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
         on conflict (dedupe_key) do nothing returning *`,
        [
          randomUUID(),
          c.rule,
          c.severity,
          c.dedupeKey,
          c.actorId,
          c.actorRole,
          c.patientId,
          c.service,
          c.occurredAt.toISOString(),
          JSON.stringify(c.evidence),
        ],
      );
      if (!rows[0]) continue;
      const alert = toAlert(rows[0]);
      await this.step(alert.id, 'RAISED', null, { status: 'NEW' });
      out.push(alert);
    }
    return out;
  }

  async step(
    alertId: string,
    step: AlertStepRecord['step'],
    accountId: string | null,
    extra: { status?: string | null; assigneeId?: string | null; note?: string | null } = {},
  ): Promise<void> {
    await this.database.query(
      'insert into security_alert_step (alert_id, step, account_id, status, assignee_id, note) values ($1, $2, $3, $4, $5, $6)',
      [alertId, step, accountId, extra.status ?? null, extra.assigneeId ?? null, extra.note ?? null],
    );
  }

  async lock(id: string): Promise<AlertRecord | null> {
    const [row] = await this.database.query<Row>('select * from security_alert where id = $1 for update', [
      id,
    ]);
    return row ? toAlert(row) : null;
  }

  async update(id: string, patch: { status?: AlertStatus; assigneeId?: string }): Promise<AlertRecord> {
    const [row] = await this.database.query<Row>(
      `update security_alert set status = coalesce($2, status), assignee_id = coalesce($3, assignee_id), updated_at = now()
       where id = $1 returning *`,
      [id, patch.status ?? null, patch.assigneeId ?? null],
    );
    return toAlert(row!);
  }

  async byIds(ids: readonly string[]): Promise<Map<string, AlertRecord>> {
    const rows = await this.database.query<Row>('select * from security_alert where id = any($1::uuid[])', [
      ids,
    ]);
    return new Map(rows.map((r) => [String(r.id), toAlert(r)]));
  }

  /** The officer's queue: by status (all when empty), newest first. */
  async queue(
    filter: { statuses: AlertStatus[]; actorId?: string | null; patientId?: string | null },
    limit: number,
  ) {
    const rows = await this.database.query<Row>(
      `select * from security_alert
       where (cardinality($1::text[]) = 0 or status = any($1::text[]))
         and ($2::text is null or actor_id = $2) and ($3::uuid is null or patient_id = $3)
       order by raised_at desc, id limit $4`,
      [filter.statuses, filter.actorId ?? null, filter.patientId ?? null, limit],
    );
    return rows.map(toAlert);
  }

  async stepsOf(alertIds: readonly string[]): Promise<Map<string, AlertStepRecord[]>> {
    const rows = await this.database.query<Row>(
      'select * from security_alert_step where alert_id = any($1::uuid[]) order by id',
      [alertIds],
    );
    const out = new Map<string, AlertStepRecord[]>(alertIds.map((id) => [id, []]));
    for (const r of rows)
      out.get(String(r.alert_id))?.push({
        alertId: String(r.alert_id),
        step: r.step as AlertStepRecord['step'],
        accountId: (r.account_id as string | null) ?? null,
        status: (r.status as string | null) ?? null,
        assigneeId: (r.assignee_id as string | null) ?? null,
        note: (r.note as string | null) ?? null,
        at: new Date(r.at as string),
      });
    return out;
  }

  /** Untriaged alerts per severity (the metrics gauge). */
  async openBySeverity(): Promise<Record<Severity, number>> {
    const rows = await this.database.query<{ severity: Severity; n: string }>(
      "select severity, count(*) as n from security_alert where status = 'NEW' group by severity",
    );
    const out: Record<Severity, number> = { low: 0, medium: 0, high: 0, critical: 0 };
    for (const r of rows) out[r.severity] = Number(r.n);
    return out;
  }
}
