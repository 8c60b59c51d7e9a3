import type { Database } from '@medikamente/runtime';

export type IncidentStatus = 'OPEN' | 'NOTIFIED_24H' | 'REPORTED_72H' | 'CLOSED';
export const INCIDENT_STATUSES: readonly IncidentStatus[] = [
  'OPEN',
  'NOTIFIED_24H',
  'REPORTED_72H',
  'CLOSED',
];

/** Which audit events an incident concerns: every given criterion must hold (AND). */
export type IncidentScope = {
  actorIds: string[];
  services: string[];
  categories: string[];
  /** [from, to) as ISO instants; null: unbounded on that side. */
  from: string | null;
  to: string | null;
  /** Derived from the linked alerts (actors, window) rather than given by the officer. */
  derived: boolean;
};

/** The affected patients as resolved at `computedAt` (a snapshot; recompute to refresh). */
export type AffectedSnapshot = {
  computedAt: string;
  events: number;
  patientIds: string[];
  byCategory: Array<{ category: string; patients: number }>;
};

export type IncidentRecord = {
  id: string;
  title: string;
  description: string;
  status: IncidentStatus;
  detectedAt: Date;
  deadline24h: Date;
  deadline72h: Date;
  ownerAccountId: string;
  openedByAccountId: string;
  presumedCauses: string | null;
  harm: string | null;
  measures: string | null;
  contactPerson: string | null;
  investigationResults: string | null;
  responsiblePersons: string | null;
  notified24hAt: Date | null;
  notified24hRef: string | null;
  reported72hAt: Date | null;
  reported72hRef: string | null;
  overdue24hAt: Date | null;
  overdue72hAt: Date | null;
  scope: IncidentScope | null;
  affected: AffectedSnapshot | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type IncidentStepRecord = {
  incidentId: string;
  action: string;
  fromStatus: IncidentStatus | null;
  toStatus: IncidentStatus;
  accountId: string | null;
  note: string | null;
  at: Date;
};

type Row = Record<string, unknown>;
const date = (v: unknown) => (v == null ? null : new Date(v as string));
const text = (v: unknown) => (v == null ? null : String(v));
const json = <T>(v: unknown): T | null =>
  v == null ? null : ((typeof v === 'string' ? JSON.parse(v) : v) as T);
const toRecord = (r: Row): IncidentRecord => ({
  id: String(r.id),
  title: String(r.title),
  description: String(r.description),
  status: r.status as IncidentStatus,
  detectedAt: new Date(r.detected_at as string),
  deadline24h: new Date(r.deadline_24h as string),
  deadline72h: new Date(r.deadline_72h as string),
  ownerAccountId: String(r.owner_account_id),
  openedByAccountId: String(r.opened_by_account_id),
  presumedCauses: text(r.presumed_causes),
  harm: text(r.harm),
  measures: text(r.measures),
  contactPerson: text(r.contact_person),
  investigationResults: text(r.investigation_results),
  responsiblePersons: text(r.responsible_persons),
  notified24hAt: date(r.notified_24h_at),
  notified24hRef: text(r.notified_24h_ref),
  reported72hAt: date(r.reported_72h_at),
  reported72hRef: text(r.reported_72h_ref),
  overdue24hAt: date(r.overdue_24h_at),
  overdue72hAt: date(r.overdue_72h_at),
  scope: json<IncidentScope>(r.scope),
  affected: json<AffectedSnapshot>(r.affected),
  closedAt: date(r.closed_at),
  createdAt: new Date(r.created_at as string),
  updatedAt: new Date(r.updated_at as string),
});

export type IncidentChange = Partial<
  Pick<
    IncidentRecord,
    | 'status'
    | 'ownerAccountId'
    | 'presumedCauses'
    | 'harm'
    | 'measures'
    | 'contactPerson'
    | 'investigationResults'
    | 'responsiblePersons'
    | 'notified24hAt'
    | 'notified24hRef'
    | 'reported72hAt'
    | 'reported72hRef'
    | 'scope'
    | 'affected'
    | 'closedAt'
  >
>;
const CHANGE_COLUMNS: Record<keyof IncidentChange, string> = {
  status: 'status',
  ownerAccountId: 'owner_account_id',
  presumedCauses: 'presumed_causes',
  harm: 'harm',
  measures: 'measures',
  contactPerson: 'contact_person',
  investigationResults: 'investigation_results',
  responsiblePersons: 'responsible_persons',
  notified24hAt: 'notified_24h_at',
  notified24hRef: 'notified_24h_ref',
  reported72hAt: 'reported_72h_at',
  reported72hRef: 'reported_72h_ref',
  scope: 'scope',
  affected: 'affected',
  closedAt: 'closed_at',
};
const JSON_COLUMNS = new Set(['scope', 'affected']);

/** Incidents, their alert links and steps, and the affected-patient query: all SQL of the module. */
export class IncidentStore {
  constructor(private readonly database: Database) {}

  async byIds(ids: readonly string[]): Promise<Map<string, IncidentRecord>> {
    const rows = await this.database.query<Row>(
      'select * from security_incident where id = any($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [String(r.id), toRecord(r)]));
  }

  async byId(id: string): Promise<IncidentRecord | null> {
    return (await this.byIds([id])).get(id) ?? null;
  }

  async lock(id: string): Promise<IncidentRecord | null> {
    const [row] = await this.database.query<Row>('select * from security_incident where id = $1 for update', [
      id,
    ]);
    return row ? toRecord(row) : null;
  }

  /** The register, newest detection first. */
  async list(status: IncidentStatus | null, limit = 200): Promise<IncidentRecord[]> {
    const rows = await this.database.query<Row>(
      `select * from security_incident where ($1::text is null or status = $1)
       order by detected_at desc, id limit $2`,
      [status, limit],
    );
    return rows.map(toRecord);
  }

  /** Incidents with a notice still due (the overdue job). */
  async pendingNotices(): Promise<IncidentRecord[]> {
    const rows = await this.database.query<Row>(
      `select * from security_incident where status in ('OPEN', 'NOTIFIED_24H') order by detected_at, id`,
    );
    return rows.map(toRecord);
  }

  async insert(r: {
    id: string;
    title: string;
    description: string;
    detectedAt: Date;
    ownerAccountId: string;
  }): Promise<IncidentRecord> {
    const [row] = await this.database.query<Row>(
      `insert into security_incident (id, title, description, status, detected_at, deadline_24h, deadline_72h,
         owner_account_id, opened_by_account_id)
       values ($1, $2, $3, 'OPEN', $4::timestamptz, $4::timestamptz + interval '24 hours',
         $4::timestamptz + interval '72 hours', $5, $5) returning *`,
      [r.id, r.title, r.description, r.detectedAt.toISOString(), r.ownerAccountId],
    );
    return toRecord(row!);
  }

  async update(id: string, change: IncidentChange): Promise<IncidentRecord> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [key, value] of Object.entries(change)) {
      const column = CHANGE_COLUMNS[key as keyof IncidentChange];
      const v = value instanceof Date ? value.toISOString() : value;
      sets.push(
        JSON_COLUMNS.has(column)
          ? `${column} = $${params.push(v == null ? null : JSON.stringify(v))}::jsonb`
          : `${column} = $${params.push(v)}`,
      );
    }
    const [row] = await this.database.query<Row>(
      `update security_incident set ${sets.join(', ')}, updated_at = now() where id = $1 returning *`,
      params,
    );
    return toRecord(row!);
  }

  /** Flags a passed deadline once; false when it already was. */
  async markOverdue(id: string, deadline: '24h' | '72h'): Promise<boolean> {
    const column = deadline === '24h' ? 'overdue_24h_at' : 'overdue_72h_at';
    const rows = await this.database.query(
      `update security_incident set ${column} = now() where id = $1 and ${column} is null returning id`,
      [id],
    );
    return rows.length > 0;
  }

  async step(s: Omit<IncidentStepRecord, 'at'>): Promise<void> {
    await this.database.query(
      `insert into security_incident_step (incident_id, action, from_status, to_status, account_id, note)
       values ($1, $2, $3, $4, $5, $6)`,
      [s.incidentId, s.action, s.fromStatus, s.toStatus, s.accountId, s.note],
    );
  }

  async stepsOf(ids: readonly string[]): Promise<Map<string, IncidentStepRecord[]>> {
    const rows = await this.database.query<Row>(
      'select * from security_incident_step where incident_id = any($1::uuid[]) order by id',
      [ids],
    );
    const out = new Map<string, IncidentStepRecord[]>();
    for (const r of rows) {
      const id = String(r.incident_id);
      out.set(id, [
        ...(out.get(id) ?? []),
        {
          incidentId: id,
          action: String(r.action),
          fromStatus: (r.from_status as IncidentStatus | null) ?? null,
          toStatus: r.to_status as IncidentStatus,
          accountId: text(r.account_id),
          note: text(r.note),
          at: new Date(r.at as string),
        },
      ]);
    }
    return out;
  }

  /** Links alerts to an incident; the ids already linked to any incident are returned, nothing else written. */
  async linkedElsewhere(alertIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.database.query<Row>(
      'select alert_id, incident_id from security_incident_alert where alert_id = any($1::uuid[])',
      [alertIds],
    );
    return new Map(rows.map((r) => [String(r.alert_id), String(r.incident_id)]));
  }

  async link(incidentId: string, alertIds: readonly string[], by: string): Promise<void> {
    await this.database.query(
      `insert into security_incident_alert (incident_id, alert_id, linked_by)
       select $1, a, $3 from unnest($2::uuid[]) as a`,
      [incidentId, alertIds, by],
    );
  }

  async alertIdsOf(incidentIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.database.query<Row>(
      `select incident_id, alert_id from security_incident_alert where incident_id = any($1::uuid[])
       order by linked_at, alert_id`,
      [incidentIds],
    );
    const out = new Map<string, string[]>();
    for (const r of rows)
      out.set(String(r.incident_id), [...(out.get(String(r.incident_id)) ?? []), String(r.alert_id)]);
    return out;
  }

  /**
   * The distinct patients of the audit events in scope (read-only on the central stream), with
   * the distinct patients per data category and the number of events.
   */
  async resolveAffected(scope: IncidentScope): Promise<Omit<AffectedSnapshot, 'computedAt'>> {
    const where = `($1::text[] is null or actor_id = any($1)) and ($2::text[] is null or service = any($2))
      and ($3::text[] is null or categories && $3) and ($4::timestamptz is null or occurred_at >= $4)
      and ($5::timestamptz is null or occurred_at < $5)`;
    const params = [
      scope.actorIds.length ? scope.actorIds : null,
      scope.services.length ? scope.services : null,
      scope.categories.length ? scope.categories : null,
      scope.from,
      scope.to,
    ];
    // One after the other: inside a transaction both run on its single connection.
    const patients = await this.database.query<Row>(
      `select patient_id::text as patient_id, count(*) as events from audit_record where ${where}
         group by patient_id order by patient_id`,
      params,
    );
    const categories = await this.database.query<Row>(
      `select c as category, count(distinct patient_id) as patients
         from audit_record, unnest(categories) as c where ${where}
           and ($3::text[] is null or c = any($3))
         group by c order by c`,
      params,
    );
    return {
      events: patients.reduce((n, r) => n + Number(r.events), 0),
      patientIds: patients.map((r) => String(r.patient_id)),
      byCategory: categories.map((r) => ({ category: String(r.category), patients: Number(r.patients) })),
    };
  }
}
