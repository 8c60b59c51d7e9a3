import type { Database } from '@medikamente/runtime';
import type { Flag, ValueKind } from './result-values';

export type ResultRecord = {
  id: string;
  orderId: string;
  patientId: string;
  testId: string;
  partnerResultId: string;
  kind: ValueKind;
  numeric: number | null;
  unit: string | null;
  coded: string | null;
  text: string | null;
  rangeLow: number | null;
  rangeHigh: number | null;
  rangeText: string | null;
  flag: Flag | null;
  partnerComment: string | null;
  resultedAt: Date;
  /** Whether the order was released to the patient (joined from the order). */
  released: boolean;
};

/** `resultedAt`: now unless given (a history import: results are append-only, so set at insert). */
export type NewResult = Omit<ResultRecord, 'resultedAt' | 'released'> & { resultedAt?: Date };

export type ResultPost = { orderId: string; requestHash: string; answer: unknown };

type Row = Record<string, unknown>;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const toRecord = (r: Row): ResultRecord => ({
  id: String(r.id),
  orderId: String(r.order_id),
  patientId: String(r.patient_id),
  testId: String(r.test_id),
  partnerResultId: String(r.partner_result_id),
  kind: r.kind as ValueKind,
  numeric: num(r.numeric_value),
  unit: (r.unit as string | null) ?? null,
  coded: (r.coded_value as string | null) ?? null,
  text: (r.text_value as string | null) ?? null,
  rangeLow: num(r.range_low),
  rangeHigh: num(r.range_high),
  rangeText: (r.range_text as string | null) ?? null,
  flag: (r.flag as Flag | null) ?? null,
  partnerComment: (r.partner_comment as string | null) ?? null,
  resultedAt: new Date(r.resulted_at as string),
  released: r.released === true,
});

const SELECT = `select r.*, (o.status = 'RELEASED') as released from lab_result r join lab_order o on o.id = r.order_id`;

/** Results and the partners' result posts: all SQL of the module. Results are append-only. */
export class ResultStore {
  constructor(private readonly database: Database) {}

  async insert(r: NewResult): Promise<void> {
    await this.database.query(
      `insert into lab_result (id, order_id, patient_id, test_id, partner_result_id, kind, numeric_value, unit,
         coded_value, text_value, range_low, range_high, range_text, flag, partner_comment, resulted_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, coalesce($16::timestamptz, now()))`,
      [
        r.id,
        r.orderId,
        r.patientId,
        r.testId,
        r.partnerResultId,
        r.kind,
        r.numeric,
        r.unit,
        r.coded,
        r.text,
        r.rangeLow,
        r.rangeHigh,
        r.rangeText,
        r.flag,
        r.partnerComment,
        r.resultedAt?.toISOString() ?? null,
      ],
    );
  }

  async byIds(ids: readonly string[]): Promise<Map<string, ResultRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.database.query<Row>(`${SELECT} where r.id = any($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [String(r.id), toRecord(r)]));
  }

  async forOrders(orderIds: readonly string[]): Promise<Map<string, ResultRecord[]>> {
    const out = new Map<string, ResultRecord[]>(orderIds.map((id) => [id, []]));
    if (orderIds.length === 0) return out;
    const rows = await this.database.query<Row>(
      `${SELECT} where r.order_id = any($1::uuid[]) order by r.resulted_at, r.id`,
      [orderIds],
    );
    for (const r of rows) out.get(String(r.order_id))?.push(toRecord(r));
    return out;
  }

  /** One test's results for a patient, oldest first (releasedOnly: what the patient may see). */
  async history(
    patientId: string,
    testId: string,
    opts: { releasedOnly: boolean; before?: Date },
  ): Promise<ResultRecord[]> {
    const rows = await this.database.query<Row>(
      `${SELECT} where r.patient_id = $1 and r.test_id = $2 and ($3 = false or o.status = 'RELEASED')
         and ($4::timestamptz is null or r.resulted_at < $4)
       order by r.resulted_at, r.id limit 200`,
      [patientId, testId, opts.releasedOnly, opts.before?.toISOString() ?? null],
    );
    return rows.map(toRecord);
  }

  /** Of `ids`, the results of released orders of this patient (the `resultReleased` condition). */
  async releasedTo(patientId: string | null, ids: readonly string[]): Promise<Set<string>> {
    if (!patientId || ids.length === 0) return new Set();
    const rows = await this.database.query<{ id: string }>(
      `select r.id from lab_result r join lab_order o on o.id = r.order_id
        where r.id = any($1::uuid[]) and r.patient_id = $2 and o.patient_id = $2 and o.status = 'RELEASED'`,
      [ids, patientId],
    );
    return new Set(rows.map((r) => String(r.id)));
  }

  /**
   * Serialises, until the transaction ends, every post of one result id by one partner (an advisory
   * lock: the id may not have a row yet). Without it two posts of one id for two specimens both
   * found none and the second failed on the primary key (INTERNAL).
   */
  async lockPost(partnerClientId: string, partnerResultId: string): Promise<void> {
    await this.database.query(`select pg_advisory_xact_lock(hashtextextended('lab-post:' || $1, 0))`, [
      `${partnerClientId}|${partnerResultId}`,
    ]);
  }

  /** The stored answer to a partner's result message (a replay); null when new. */
  async post(partnerClientId: string, partnerResultId: string): Promise<ResultPost | null> {
    const [row] = await this.database.query<{ order_id: string; request_hash: string; answer: unknown }>(
      'select order_id, request_hash, answer from lab_result_post where partner_client_id = $1 and partner_result_id = $2',
      [partnerClientId, partnerResultId],
    );
    if (!row) return null;
    const answer = typeof row.answer === 'string' ? JSON.parse(row.answer) : row.answer;
    return { orderId: String(row.order_id), requestHash: row.request_hash, answer };
  }

  async recordPost(p: {
    partnerClientId: string;
    partnerResultId: string;
    orderId: string;
    requestHash: string;
    answer: unknown;
    conclusion: string | null;
    issuedAt: Date | null;
  }): Promise<void> {
    await this.database.query(
      `insert into lab_result_post (partner_client_id, partner_result_id, order_id, request_hash, answer, conclusion, issued_at)
       values ($1, $2, $3, $4, $5::jsonb, $6, $7)`,
      [
        p.partnerClientId,
        p.partnerResultId,
        p.orderId,
        p.requestHash,
        JSON.stringify(p.answer),
        p.conclusion,
        p.issuedAt?.toISOString() ?? null,
      ],
    );
  }
}
