import type { Database } from '@medikamente/runtime';
import type { Vat } from '../prices/prices.store';

export type InvoiceSource = 'APPOINTMENT' | 'LAB_ORDER' | 'DESK';

export type InvoiceLineRecord = {
  lineNo: number;
  priceItemId: string | null;
  name: string;
  unitPriceKopecks: number;
  quantity: number;
  discountKopecks: number;
  discountReason: string | null;
  amountKopecks: number;
  vat: Vat;
};

export type InvoiceRecord = {
  id: string;
  number: string;
  patientId: string;
  branchId: string;
  source: InvoiceSource;
  sourceId: string | null;
  createdBy: string;
  createdAt: Date;
};

/**
 * The ledger's sums for an invoice. balance = charges − reversals − payments + refunds (a reversal
 * takes back the charge of a cancelled, unpaid invoice).
 */
export type InvoiceTotals = {
  chargedKopecks: number;
  reversedKopecks: number;
  paidKopecks: number;
  refundedKopecks: number;
  balanceKopecks: number;
};

type Row = {
  id: string;
  number: string;
  patient_id: string;
  branch_id: string;
  source: InvoiceSource;
  source_id: string | null;
  created_by: string;
  created_at: Date | string;
};
type LineRow = {
  invoice_id: string;
  line_no: number;
  price_item_id: string | null;
  name: string;
  unit_price_kopecks: string | number;
  quantity: number;
  discount_kopecks: string | number;
  discount_reason: string | null;
  amount_kopecks: string | number;
  vat: Vat;
};

const toRecord = (r: Row): InvoiceRecord => ({
  id: String(r.id),
  number: r.number,
  patientId: String(r.patient_id),
  branchId: String(r.branch_id),
  source: r.source,
  sourceId: r.source_id,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
});
const toLine = (r: LineRow): InvoiceLineRecord => ({
  lineNo: Number(r.line_no),
  priceItemId: r.price_item_id === null ? null : String(r.price_item_id),
  name: r.name,
  unitPriceKopecks: Number(r.unit_price_kopecks),
  quantity: Number(r.quantity),
  discountKopecks: Number(r.discount_kopecks),
  discountReason: r.discount_reason,
  amountKopecks: Number(r.amount_kopecks),
  vat: r.vat,
});

export type CancellationOutcome = 'REVERSED' | 'REFUND_DECISION_NEEDED';

/** What billed the invoice was cancelled, and what billing made of it (one per invoice, never changed). */
export type InvoiceCancellationRecord = {
  invoiceId: string;
  outcome: CancellationOutcome;
  reason: string;
  actor: string;
  cancelledAt: Date;
};

type CancellationRow = {
  invoice_id: string;
  outcome: CancellationOutcome;
  reason: string;
  actor: string;
  cancelled_at: Date | string;
};

const toCancellation = (r: CancellationRow): InvoiceCancellationRecord => ({
  invoiceId: String(r.invoice_id),
  outcome: r.outcome,
  reason: r.reason,
  actor: r.actor,
  cancelledAt: new Date(r.cancelled_at),
});

/** Invoices, their lines and the ledger: all SQL of the module. Nothing here updates or deletes. */
export class InvoiceStore {
  constructor(private readonly database: Database) {}

  async byIds(ids: readonly string[]): Promise<Map<string, InvoiceRecord>> {
    const rows = await this.database.query<Row>('select * from invoice where id = any($1::uuid[])', [ids]);
    return new Map(rows.map((r) => [String(r.id), toRecord(r)]));
  }

  async forPatient(patientId: string): Promise<InvoiceRecord[]> {
    const rows = await this.database.query<Row>(
      'select * from invoice where patient_id = $1 order by created_at desc, id',
      [patientId],
    );
    return rows.map(toRecord);
  }

  /** The branch's invoices created in [from, to), newest first. */
  async forBranch(branchId: string, from: Date, to: Date): Promise<InvoiceRecord[]> {
    const rows = await this.database.query<Row>(
      `select * from invoice where branch_id = $1 and created_at >= $2 and created_at < $3
        order by created_at desc, id limit 500`,
      [branchId, from, to],
    );
    return rows.map(toRecord);
  }

  async bySource(source: InvoiceSource, sourceId: string): Promise<InvoiceRecord | null> {
    const [row] = await this.database.query<Row>(
      'select * from invoice where source = $1 and source_id = $2',
      [source, sourceId],
    );
    return row ? toRecord(row) : null;
  }

  async lines(invoiceIds: readonly string[]): Promise<Map<string, InvoiceLineRecord[]>> {
    const rows = await this.database.query<LineRow>(
      'select * from invoice_line where invoice_id = any($1::uuid[]) order by invoice_id, line_no',
      [invoiceIds],
    );
    const out = new Map<string, InvoiceLineRecord[]>(invoiceIds.map((id) => [id, []]));
    for (const r of rows) out.get(String(r.invoice_id))?.push(toLine(r));
    return out;
  }

  async totals(invoiceIds: readonly string[]): Promise<Map<string, InvoiceTotals>> {
    const rows = await this.database.query<{ invoice_id: string; kind: string; sum: string | number }>(
      `select invoice_id, kind, sum(amount_kopecks) as sum from ledger_entry
        where invoice_id = any($1::uuid[]) group by invoice_id, kind`,
      [invoiceIds],
    );
    const out = new Map<string, InvoiceTotals>(
      invoiceIds.map((id) => [
        id,
        { chargedKopecks: 0, reversedKopecks: 0, paidKopecks: 0, refundedKopecks: 0, balanceKopecks: 0 },
      ]),
    );
    for (const r of rows) {
      const t = out.get(String(r.invoice_id));
      if (!t) continue;
      if (r.kind === 'CHARGE') t.chargedKopecks = Number(r.sum);
      if (r.kind === 'PAYMENT') t.paidKopecks = Number(r.sum);
      if (r.kind === 'REFUND') t.refundedKopecks = Number(r.sum);
      if (r.kind === 'REVERSAL') t.reversedKopecks = Number(r.sum);
    }
    for (const t of out.values())
      t.balanceKopecks = t.chargedKopecks - t.reversedKopecks - t.paidKopecks + t.refundedKopecks;
    return out;
  }

  /** Locks the invoice row for the rest of the transaction (payments and refunds of one invoice in turn). */
  async lock(invoiceId: string): Promise<InvoiceRecord | null> {
    const [row] = await this.database.query<Row>('select * from invoice where id = $1 for update', [
      invoiceId,
    ]);
    return row ? toRecord(row) : null;
  }

  /** Writes an invoice with its lines and one CHARGE of their total (inside the caller's transaction). */
  async insert(
    invoice: Omit<InvoiceRecord, 'number' | 'createdAt'>,
    lines: InvoiceLineRecord[],
  ): Promise<InvoiceRecord> {
    const [seq] = await this.database.query<{ n: string }>("select nextval('invoice_number_seq')::text as n");
    const number = `${new Date().getUTCFullYear()}-${seq!.n.padStart(6, '0')}`;
    const [row] = await this.database.query<Row>(
      `insert into invoice (id, number, patient_id, branch_id, source, source_id, created_by)
       values ($1, $2, $3, $4, $5, $6, $7) returning *`,
      [
        invoice.id,
        number,
        invoice.patientId,
        invoice.branchId,
        invoice.source,
        invoice.sourceId,
        invoice.createdBy,
      ],
    );
    for (const l of lines)
      await this.database.query(
        `insert into invoice_line (invoice_id, line_no, price_item_id, name, unit_price_kopecks, quantity,
           discount_kopecks, discount_reason, amount_kopecks, vat)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          invoice.id,
          l.lineNo,
          l.priceItemId,
          l.name,
          l.unitPriceKopecks,
          l.quantity,
          l.discountKopecks,
          l.discountReason,
          l.amountKopecks,
          l.vat,
        ],
      );
    const total = lines.reduce((s, l) => s + l.amountKopecks, 0);
    if (total > 0) await this.ledger(invoice.id, 'CHARGE', total, invoice.createdBy);
    return toRecord(row!);
  }

  /**
   * Appends one ledger entry (the unique indexes refuse a second PAYMENT of a payment, REFUND of a
   * refund or REVERSAL of an invoice).
   */
  async ledger(
    invoiceId: string,
    kind: 'CHARGE' | 'PAYMENT' | 'REFUND' | 'REVERSAL',
    amountKopecks: number,
    actor: string,
    refs: { paymentId?: string; refundId?: string } = {},
  ): Promise<void> {
    await this.database.query(
      `insert into ledger_entry (invoice_id, kind, amount_kopecks, payment_id, refund_id, actor)
       values ($1, $2, $3, $4, $5, $6)`,
      [invoiceId, kind, amountKopecks, refs.paymentId ?? null, refs.refundId ?? null, actor],
    );
  }

  async cancellations(invoiceIds: readonly string[]): Promise<Map<string, InvoiceCancellationRecord>> {
    const rows = await this.database.query<CancellationRow>(
      'select * from invoice_cancellation where invoice_id = any($1::uuid[])',
      [invoiceIds],
    );
    return new Map(rows.map((r) => [String(r.invoice_id), toCancellation(r)]));
  }

  /** Records the invoice's cancellation once (a second one finds the row and gets false). */
  async recordCancellation(c: InvoiceCancellationRecord): Promise<boolean> {
    const rows = await this.database.query(
      `insert into invoice_cancellation (invoice_id, outcome, reason, actor, cancelled_at)
       values ($1, $2, $3, $4, $5) on conflict (invoice_id) do nothing returning invoice_id`,
      [c.invoiceId, c.outcome, c.reason, c.actor, c.cancelledAt],
    );
    return rows.length > 0;
  }

  /**
   * Cancelled invoices on which money is still kept (paid less refunded, or a payment on its way)
   * and the cashier has to decide on a refund, oldest first: of a branch, or all.
   */
  async awaitingRefundDecision(branchId: string | null, limit = 500): Promise<InvoiceRecord[]> {
    const rows = await this.database.query<Row>(
      `select i.* from invoice_cancellation c join invoice i on i.id = c.invoice_id
        where c.outcome = 'REFUND_DECISION_NEEDED' and ($1::uuid is null or i.branch_id = $1::uuid)
          and (coalesce((select sum(case e.kind when 'PAYMENT' then e.amount_kopecks
                                               when 'REFUND' then -e.amount_kopecks else 0 end)
                           from ledger_entry e where e.invoice_id = i.id), 0) > 0
            or exists (select 1 from payment p where p.invoice_id = i.id
                        and p.status in ('PENDING_FISCAL', 'CAPTURING')))
        order by c.cancelled_at, i.id limit $2`,
      [branchId, limit],
    );
    return rows.map(toRecord);
  }

  /** Keeps a completed appointment and the invoice made of it (null: no price yet, for the cashier). */
  async noteVisit(
    v: {
      appointmentId: string;
      patientId: string;
      branchId: string;
      serviceId: string | null;
      completedAt: Date;
    },
    invoiceId: string | null,
  ): Promise<void> {
    await this.database.query(
      `insert into billable_visit (appointment_id, patient_id, branch_id, service_id, completed_at, invoice_id, note)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (appointment_id) do nothing`,
      [
        v.appointmentId,
        v.patientId,
        v.branchId,
        v.serviceId,
        v.completedAt,
        invoiceId,
        invoiceId ? null : 'no price',
      ],
    );
  }
}
