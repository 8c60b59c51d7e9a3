import { randomUUID } from 'node:crypto';
import type { Database } from '@medikamente/runtime';

export type Vat = 'none' | 'vat0' | 'vat5' | 'vat7' | 'vat10' | 'vat20' | 'vat22';
export type PriceKind = 'SERVICE' | 'LAB_TEST' | 'OTHER';

export type PriceItemRecord = {
  id: string;
  branchId: string;
  code: string;
  kind: PriceKind;
  refId: string | null;
  name: string;
  priceKopecks: number;
  vat: Vat;
  validFrom: string;
  validTo: string | null;
};

type Row = {
  id: string;
  branch_id: string;
  code: string;
  kind: PriceKind;
  ref_id: string | null;
  name: string;
  price_kopecks: string | number;
  vat: Vat;
  valid_from: string;
  valid_to: string | null;
};

// Dates read as text (YYYY-MM-DD): no time zone of the process in between.
const COLUMNS = `id, branch_id, code, kind, ref_id, name, price_kopecks, vat,
  valid_from::text as valid_from, valid_to::text as valid_to`;

const toRecord = (r: Row): PriceItemRecord => ({
  id: String(r.id),
  branchId: String(r.branch_id),
  code: r.code,
  kind: r.kind,
  refId: r.ref_id,
  name: r.name,
  priceKopecks: Number(r.price_kopecks),
  vat: r.vat,
  validFrom: r.valid_from,
  validTo: r.valid_to,
});

// The version of each code in effect on a date: the latest valid_from on or before it, not expired.
const EFFECTIVE = `
  select distinct on (code) ${COLUMNS} from price_item
   where branch_id = $1 and valid_from <= $2::date
   order by code, valid_from desc`;

/** The price list: all SQL of the module. Rows are never edited (a new price is a new version). */
export class PriceStore {
  constructor(private readonly database: Database) {}

  async byIds(ids: readonly string[]): Promise<Map<string, PriceItemRecord>> {
    const rows = await this.database.query<Row>(
      `select ${COLUMNS} from price_item where id = any($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [String(r.id), toRecord(r)]));
  }

  /** The branch's prices in effect on `on` (YYYY-MM-DD), by name. */
  async effective(branchId: string, on: string): Promise<PriceItemRecord[]> {
    const rows = await this.database.query<Row>(
      `select * from (${EFFECTIVE}) p where valid_to is null or valid_to::date > $2::date order by name, code`,
      [branchId, on],
    );
    return rows.map(toRecord);
  }

  /** The price in effect on `on` for a service or lab test of the branch, if any. */
  async forRef(
    branchId: string,
    kind: PriceKind,
    refId: string,
    on: string,
  ): Promise<PriceItemRecord | null> {
    const [row] = await this.database.query<Row>(
      `select * from (${EFFECTIVE}) p
        where kind = $3 and ref_id = $4 and (valid_to is null or valid_to::date > $2::date)
        order by valid_from desc limit 1`,
      [branchId, on, kind, refId],
    );
    return row ? toRecord(row) : null;
  }

  /** Adds a price version; the same code and date again is a conflict (null). */
  async add(input: Omit<PriceItemRecord, 'id'>, createdBy: string): Promise<PriceItemRecord | null> {
    const rows = await this.database.query<Row>(
      `insert into price_item (id, branch_id, code, kind, ref_id, name, price_kopecks, vat, valid_from, valid_to, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       on conflict (branch_id, code, valid_from) do nothing returning ${COLUMNS}`,
      [
        randomUUID(),
        input.branchId,
        input.code,
        input.kind,
        input.refId,
        input.name,
        input.priceKopecks,
        input.vat,
        input.validFrom,
        input.validTo,
        createdBy,
      ],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }
}
