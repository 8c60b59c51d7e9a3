import type { Database } from '@medikamente/runtime';
import { CLOSED_STATUSES, type RequestChannel, type RequestStatus, type RequestType } from './requests.rules';

export type DataRequestRecord = {
  id: string;
  patientId: string;
  type: RequestType;
  channel: RequestChannel;
  status: RequestStatus;
  details: string | null;
  /** Calendar dates (YYYY-MM-DD, Europe/Moscow). */
  receivedOn: string;
  dueOn: string;
  originalDueOn: string;
  legalBasis: string;
  filedByAccountId: string;
  ownerAccountId: string | null;
  extensionReason: string | null;
  refusalReason: string | null;
  completionNote: string | null;
  outcomeRef: string | null;
  escalatedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type DataRequestStepRecord = {
  id: string;
  requestId: string;
  action: string;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus;
  accountId: string | null;
  note: string | null;
  at: Date;
};

export type DataRequestFilter = {
  status?: RequestStatus | null;
  type?: RequestType | null;
  /** Only requests past their deadline (today is after `dueOn`) and not closed; false: the others. */
  overdue?: { today: string; value: boolean } | null;
};

type Row = Record<string, unknown>;
const date = (v: unknown) => (v == null ? null : new Date(v as string));
const text = (v: unknown) => (v == null ? null : String(v));
const toRecord = (r: Row): DataRequestRecord => ({
  id: String(r.id),
  patientId: String(r.patient_id),
  type: r.type as RequestType,
  channel: r.channel as RequestChannel,
  status: r.status as RequestStatus,
  details: text(r.details),
  receivedOn: String(r.received_on),
  dueOn: String(r.due_on),
  originalDueOn: String(r.original_due_on),
  legalBasis: String(r.legal_basis),
  filedByAccountId: String(r.filed_by_account_id),
  ownerAccountId: text(r.owner_account_id),
  extensionReason: text(r.extension_reason),
  refusalReason: text(r.refusal_reason),
  completionNote: text(r.completion_note),
  outcomeRef: text(r.outcome_ref),
  escalatedAt: date(r.escalated_at),
  closedAt: date(r.closed_at),
  createdAt: new Date(r.created_at as string),
  updatedAt: new Date(r.updated_at as string),
});
const toStep = (r: Row): DataRequestStepRecord => ({
  id: String(r.id),
  requestId: String(r.request_id),
  action: String(r.action),
  fromStatus: (r.from_status as RequestStatus | null) ?? null,
  toStatus: r.to_status as RequestStatus,
  accountId: text(r.account_id),
  note: text(r.note),
  at: new Date(r.at as string),
});

// Dates as text: drivers would turn a `date` into a local-midnight Date.
const COLUMNS = `id, patient_id, type, channel, status, details, received_on::text as received_on,
  due_on::text as due_on, original_due_on::text as original_due_on, legal_basis, filed_by_account_id,
  owner_account_id, extension_reason, refusal_reason, completion_note, outcome_ref, escalated_at,
  closed_at, created_at, updated_at`;
const OPEN = `status not in (${CLOSED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

export type NewDataRequest = Pick<
  DataRequestRecord,
  | 'id'
  | 'patientId'
  | 'type'
  | 'channel'
  | 'details'
  | 'receivedOn'
  | 'dueOn'
  | 'legalBasis'
  | 'filedByAccountId'
>;
export type DataRequestChange = Partial<
  Pick<
    DataRequestRecord,
    | 'status'
    | 'dueOn'
    | 'ownerAccountId'
    | 'extensionReason'
    | 'refusalReason'
    | 'completionNote'
    | 'outcomeRef'
    | 'closedAt'
  >
>;
const CHANGE_COLUMNS: Record<keyof DataRequestChange, string> = {
  status: 'status',
  dueOn: 'due_on',
  ownerAccountId: 'owner_account_id',
  extensionReason: 'extension_reason',
  refusalReason: 'refusal_reason',
  completionNote: 'completion_note',
  outcomeRef: 'outcome_ref',
  closedAt: 'closed_at',
};

/** Data-subject requests and their append-only steps: all SQL of the module. */
export class DataRequestStore {
  constructor(private readonly database: Database) {}

  async byIds(ids: readonly string[]): Promise<Map<string, DataRequestRecord>> {
    const rows = await this.database.query<Row>(
      `select ${COLUMNS} from data_request where id = any($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [String(r.id), toRecord(r)]));
  }

  async byId(id: string): Promise<DataRequestRecord | null> {
    return (await this.byIds([id])).get(id) ?? null;
  }

  /** The row locked for a transition (inside a transaction). */
  async lock(id: string): Promise<DataRequestRecord | null> {
    const [row] = await this.database.query<Row>(
      `select ${COLUMNS} from data_request where id = $1 for update`,
      [id],
    );
    return row ? toRecord(row) : null;
  }

  async forPatient(patientId: string): Promise<DataRequestRecord[]> {
    const rows = await this.database.query<Row>(
      `select ${COLUMNS} from data_request where patient_id = $1 order by created_at desc, id`,
      [patientId],
    );
    return rows.map(toRecord);
  }

  /** The register, soonest deadline first. */
  async list(filter: DataRequestFilter, limit = 500): Promise<DataRequestRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) where.push(`status = $${params.push(filter.status)}`);
    if (filter.type) where.push(`type = $${params.push(filter.type)}`);
    if (filter.overdue) {
      const cond = `(${OPEN} and due_on < $${params.push(filter.overdue.today)}::date)`;
      where.push(filter.overdue.value ? cond : `not ${cond}`);
    }
    const rows = await this.database.query<Row>(
      `select ${COLUMNS} from data_request ${where.length ? `where ${where.join(' and ')}` : ''}
       order by due_on, created_at, id limit $${params.push(limit)}`,
      params,
    );
    return rows.map(toRecord);
  }

  /** Every request not yet completed or refused (the reminder job). */
  async open(): Promise<DataRequestRecord[]> {
    const rows = await this.database.query<Row>(
      `select ${COLUMNS} from data_request where ${OPEN} order by due_on, id`,
    );
    return rows.map(toRecord);
  }

  async insert(r: NewDataRequest): Promise<DataRequestRecord> {
    const [row] = await this.database.query<Row>(
      `insert into data_request (id, patient_id, type, channel, status, details, received_on, due_on,
         original_due_on, legal_basis, filed_by_account_id)
       values ($1, $2, $3, $4, 'RECEIVED', $5, $6, $7, $7, $8, $9) returning ${COLUMNS}`,
      [
        r.id,
        r.patientId,
        r.type,
        r.channel,
        r.details,
        r.receivedOn,
        r.dueOn,
        r.legalBasis,
        r.filedByAccountId,
      ],
    );
    return toRecord(row!);
  }

  async update(id: string, change: DataRequestChange): Promise<DataRequestRecord> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [key, value] of Object.entries(change))
      sets.push(`${CHANGE_COLUMNS[key as keyof DataRequestChange]} = $${params.push(value)}`);
    const [row] = await this.database.query<Row>(
      `update data_request set ${sets.join(', ')}, updated_at = now() where id = $1 returning ${COLUMNS}`,
      params,
    );
    return toRecord(row!);
  }

  /** Flags an overdue request once; false when it already was. */
  async markEscalated(id: string): Promise<boolean> {
    const rows = await this.database.query(
      'update data_request set escalated_at = now() where id = $1 and escalated_at is null returning id',
      [id],
    );
    return rows.length > 0;
  }

  async step(s: Omit<DataRequestStepRecord, 'id' | 'at'>): Promise<void> {
    await this.database.query(
      `insert into data_request_step (request_id, action, from_status, to_status, account_id, note)
       values ($1, $2, $3, $4, $5, $6)`,
      [s.requestId, s.action, s.fromStatus, s.toStatus, s.accountId, s.note],
    );
  }

  async stepsOf(ids: readonly string[]): Promise<DataRequestStepRecord[]> {
    const rows = await this.database.query<Row>(
      'select * from data_request_step where request_id = any($1::uuid[]) order by id',
      [ids],
    );
    return rows.map(toStep);
  }
}
