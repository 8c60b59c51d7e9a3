import type { Database } from '@medikamente/runtime';
import {
  type ContractData,
  type ContractTemplate,
  contractDataSchema,
  parseContractTemplate,
} from '../documents';

export type ContractStatus = 'DRAFT' | 'ACCEPTED' | 'SIGNED';
export type AcceptanceChannel = 'PORTAL' | 'DESK';
/** What a contract was made of: everything but how it was concluded (kept in its own columns). */
export type ContractSnapshot = Omit<ContractData, 'acceptance'>;

export type ContractRecord = {
  id: string;
  number: string;
  patientId: string;
  branchId: string;
  templateVersion: number;
  data: ContractSnapshot;
  status: ContractStatus;
  acceptedAt: Date | null;
  acceptanceChannel: AcceptanceChannel | null;
  acceptedBy: string | null;
  createdBy: string;
  createdAt: Date;
};

export type ContractTemplateRecord = {
  version: number;
  template: ContractTemplate;
  createdBy: string;
  createdAt: Date;
};

type Row = {
  id: string;
  number: string;
  patient_id: string;
  branch_id: string;
  template_version: number;
  data: unknown;
  status: ContractStatus;
  accepted_at: Date | string | null;
  acceptance_channel: AcceptanceChannel | null;
  accepted_by: string | null;
  created_by: string;
  created_at: Date | string;
};
type TemplateRow = { version: number; body: unknown; created_by: string; created_at: Date | string };

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
// Rows are validated at this boundary: a snapshot that no longer parses is a corrupted row.
const snapshotSchema = contractDataSchema.omit({ acceptance: true });

const toRecord = (r: Row): ContractRecord => ({
  id: String(r.id),
  number: r.number,
  patientId: String(r.patient_id),
  branchId: String(r.branch_id),
  templateVersion: Number(r.template_version),
  data: snapshotSchema.parse(json(r.data)),
  status: r.status,
  acceptedAt: r.accepted_at === null ? null : new Date(r.accepted_at),
  acceptanceChannel: r.acceptance_channel,
  acceptedBy: r.accepted_by,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
});
const toTemplate = (r: TemplateRow): ContractTemplateRecord => ({
  version: Number(r.version),
  // Decree 736 items were checked when it was saved; a later change of the checklist must not make
  // the contracts already made of it unprintable.
  template: parseContractTemplate(json(r.body), { checkCompliance: false }),
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
});

/** Contracts and their templates: all SQL of the module. Nothing here deletes. */
export class ContractStore {
  constructor(private readonly database: Database) {}

  async byIds(ids: readonly string[]): Promise<Map<string, ContractRecord>> {
    const rows = await this.database.query<Row>('select * from contract where id = any($1::uuid[])', [ids]);
    return new Map(rows.map((r) => [String(r.id), toRecord(r)]));
  }

  async forPatient(patientId: string): Promise<ContractRecord[]> {
    const rows = await this.database.query<Row>(
      'select * from contract where patient_id = $1 order by created_at desc, id limit 200',
      [patientId],
    );
    return rows.map(toRecord);
  }

  /** The next contract number, `Д-2026-000017` (inside the creating transaction). */
  async nextNumber(year: number): Promise<string> {
    const [seq] = await this.database.query<{ n: string }>(
      "select nextval('contract_number_seq')::text as n",
    );
    return `Д-${year}-${seq!.n.padStart(6, '0')}`;
  }

  async insert(
    c: Omit<ContractRecord, 'status' | 'acceptedAt' | 'acceptanceChannel' | 'acceptedBy' | 'createdAt'>,
  ) {
    const [row] = await this.database.query<Row>(
      `insert into contract (id, number, patient_id, branch_id, template_version, data, status, created_by)
       values ($1, $2, $3, $4, $5, $6::jsonb, 'DRAFT', $7) returning *`,
      [c.id, c.number, c.patientId, c.branchId, c.templateVersion, JSON.stringify(c.data), c.createdBy],
    );
    return toRecord(row!);
  }

  /** Concludes a draft; null when it is not a draft any more (the caller re-reads it). */
  async conclude(id: string, channel: AcceptanceChannel, by: string): Promise<ContractRecord | null> {
    const [row] = await this.database.query<Row>(
      `update contract set status = $2, acceptance_channel = $3, accepted_at = now(), accepted_by = $4
        where id = $1 and status = 'DRAFT' returning *`,
      [id, channel === 'PORTAL' ? 'ACCEPTED' : 'SIGNED', channel, by],
    );
    return row ? toRecord(row) : null;
  }

  /** The newest template version, or null when none was saved yet. */
  async currentTemplate(): Promise<ContractTemplateRecord | null> {
    const [row] = await this.database.query<TemplateRow>(
      'select * from contract_template order by version desc limit 1',
    );
    return row ? toTemplate(row) : null;
  }

  async templates(versions: readonly number[]): Promise<Map<number, ContractTemplateRecord>> {
    const rows = await this.database.query<TemplateRow>(
      'select * from contract_template where version = any($1::int[])',
      [versions],
    );
    return new Map(rows.map((r) => [Number(r.version), toTemplate(r)]));
  }

  /** Adds a template version; null when that version exists (a concurrent save won). */
  async addTemplate(template: ContractTemplate, by: string): Promise<ContractTemplateRecord | null> {
    const [row] = await this.database.query<TemplateRow>(
      `insert into contract_template (version, body, created_by) values ($1, $2::jsonb, $3)
       on conflict (version) do nothing returning *`,
      [template.version, JSON.stringify(template), by],
    );
    return row ? toTemplate(row) : null;
  }
}
