import type { Database } from '@medikamente/runtime';

export type ReportRecord = {
  id: string;
  orderId: string;
  patientId: string;
  partnerResultId: string;
  storageKey: string;
  sizeBytes: number;
  sha256: string;
};

type Row = Record<string, unknown>;
const toRecord = (r: Row): ReportRecord => ({
  id: String(r.id),
  orderId: String(r.order_id),
  patientId: String(r.patient_id),
  partnerResultId: String(r.partner_result_id),
  storageKey: String(r.storage_key),
  sizeBytes: Number(r.size_bytes),
  sha256: String(r.sha256),
});

/** Partner PDF reports (the bytes are sealed in the blob storage): all SQL of the module. */
export class ReportStore {
  constructor(private readonly database: Database) {}

  async find(orderId: string, partnerResultId: string): Promise<ReportRecord | null> {
    const [row] = await this.database.query<Row>(
      'select * from lab_report where order_id = $1 and partner_result_id = $2',
      [orderId, partnerResultId],
    );
    return row ? toRecord(row) : null;
  }

  async insert(r: ReportRecord): Promise<void> {
    await this.database.query(
      `insert into lab_report (id, order_id, patient_id, partner_result_id, storage_key, size_bytes, sha256)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [r.id, r.orderId, r.patientId, r.partnerResultId, r.storageKey, r.sizeBytes, r.sha256],
    );
  }

  async forOrders(orderIds: readonly string[]): Promise<Map<string, ReportRecord[]>> {
    const out = new Map<string, ReportRecord[]>(orderIds.map((id) => [id, []]));
    if (orderIds.length === 0) return out;
    const rows = await this.database.query<Row>(
      'select * from lab_report where order_id = any($1::uuid[]) order by created_at',
      [orderIds],
    );
    for (const r of rows) out.get(String(r.order_id))?.push(toRecord(r));
    return out;
  }
}
