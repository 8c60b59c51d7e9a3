import { randomUUID } from 'node:crypto';
import type { Database } from '@medikamente/runtime';
import type { CatalogueTestRules, ReferenceRange, ValueKind } from '../results/result-values';

export type CodeSystem = 'LOINC' | 'FSLI' | 'LOCAL';

/** A catalogue test: what the clinic orders, how the platform judges its values. */
export type LabTestRecord = CatalogueTestRules & {
  id: string;
  codeSystem: CodeSystem;
  name: string;
  specimenType: string;
  turnaroundHours: number;
  partnerClientId: string;
  partnerName: string;
  priceReference: string | null;
  active: boolean;
};

export type LabTestInput = Omit<LabTestRecord, 'id'> & { id: string | null };

type Row = {
  id: string;
  code: string;
  code_system: CodeSystem;
  name: string;
  specimen_type: string;
  kind: ValueKind;
  unit: string | null;
  unit_aliases: string[] | string;
  reference_ranges: ReferenceRange[] | string;
  critical_low: number | null;
  critical_high: number | null;
  plausible_low: number | null;
  plausible_high: number | null;
  normal_codes: string[] | string;
  turnaround_hours: number;
  partner_client_id: string;
  partner_name: string;
  price_reference: string | null;
  active: boolean;
};

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

const toRecord = (r: Row): LabTestRecord => ({
  id: String(r.id),
  code: r.code,
  codeSystem: r.code_system,
  name: r.name,
  specimenType: r.specimen_type,
  kind: r.kind,
  unit: r.unit,
  unitAliases: json(r.unit_aliases),
  referenceRanges: json(r.reference_ranges),
  criticalLow: num(r.critical_low),
  criticalHigh: num(r.critical_high),
  plausibleLow: num(r.plausible_low),
  plausibleHigh: num(r.plausible_high),
  normalCodes: json(r.normal_codes),
  turnaroundHours: Number(r.turnaround_hours),
  partnerClientId: r.partner_client_id,
  partnerName: r.partner_name,
  priceReference: r.price_reference,
  active: r.active,
});

/** The test catalogue: all SQL of the module. */
export class CatalogueStore {
  constructor(private readonly database: Database) {}

  async byIds(ids: readonly string[]): Promise<Map<string, LabTestRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.database.query<Row>('select * from lab_test where id = any($1::uuid[])', [ids]);
    return new Map(rows.map((r) => [String(r.id), toRecord(r)]));
  }

  async byCode(code: string): Promise<LabTestRecord | null> {
    const [row] = await this.database.query<Row>('select * from lab_test where code = $1', [code]);
    return row ? toRecord(row) : null;
  }

  /** Active tests (or all), matching the code or every word of the name; by name. */
  async search(search: string | null, includeInactive: boolean): Promise<LabTestRecord[]> {
    const words = (search ?? '').toLowerCase().replaceAll('ё', 'е').split(/\s+/).filter(Boolean).slice(0, 8);
    const params: unknown[] = [includeInactive];
    const where = words.map((w) => {
      params.push(`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const p = `$${params.length}`;
      return `(lower(code) like ${p} or replace(lower(name), 'ё', 'е') like ${p})`;
    });
    const rows = await this.database.query<Row>(
      `select * from lab_test where ($1 or active) ${where.map((w) => `and ${w}`).join(' ')} order by name limit 200`,
      params,
    );
    return rows.map(toRecord);
  }

  /** Inserts a new test or replaces the one with `input.id`; null when that id is unknown. */
  async save(input: LabTestInput): Promise<LabTestRecord | null> {
    const values = [
      input.code,
      input.codeSystem,
      input.name,
      input.specimenType,
      input.kind,
      input.unit,
      JSON.stringify(input.unitAliases),
      JSON.stringify(input.referenceRanges),
      input.criticalLow,
      input.criticalHigh,
      input.plausibleLow,
      input.plausibleHigh,
      JSON.stringify(input.normalCodes),
      input.turnaroundHours,
      input.partnerClientId,
      input.partnerName,
      input.priceReference,
      input.active,
    ];
    if (input.id === null) {
      const [row] = await this.database.query<Row>(
        `insert into lab_test (id, code, code_system, name, specimen_type, kind, unit, unit_aliases,
           reference_ranges, critical_low, critical_high, plausible_low, plausible_high, normal_codes,
           turnaround_hours, partner_client_id, partner_name, price_reference, active)
         values ($19, $1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11, $12, $13::jsonb, $14, $15, $16, $17, $18)
         returning *`,
        [...values, randomUUID()],
      );
      return toRecord(row!);
    }
    const [row] = await this.database.query<Row>(
      `update lab_test set code = $1, code_system = $2, name = $3, specimen_type = $4, kind = $5, unit = $6,
         unit_aliases = $7::jsonb, reference_ranges = $8::jsonb, critical_low = $9, critical_high = $10,
         plausible_low = $11, plausible_high = $12, normal_codes = $13::jsonb, turnaround_hours = $14,
         partner_client_id = $15, partner_name = $16, price_reference = $17, active = $18, updated_at = now()
       where id = $19 returning *`,
      [...values, input.id],
    );
    return row ? toRecord(row) : null;
  }

  /** Whether another test already uses this code. */
  async codeTaken(code: string, exceptId: string | null): Promise<boolean> {
    const rows = await this.database.query('select 1 from lab_test where code = $1 and id <> $2', [
      code,
      exceptId ?? '00000000-0000-0000-0000-000000000000',
    ]);
    return rows.length > 0;
  }
}
