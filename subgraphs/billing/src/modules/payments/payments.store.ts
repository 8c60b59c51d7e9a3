import type { Database } from '@medikamente/runtime';
import type { FiscalParams, FiscalReceipt } from '../fiscal/fiscal.port';

export type PaymentMethod = 'CASH' | 'CARD' | 'ONLINE';
export type PaymentStatus =
  | 'PENDING_FISCAL'
  | 'CAPTURED'
  | 'FAILED'
  | 'AWAITING_PAYER'
  | 'CAPTURING'
  | 'CANCELED';

export type PaymentRecord = {
  id: string;
  invoiceId: string;
  patientId: string;
  method: PaymentMethod;
  amountKopecks: number;
  status: PaymentStatus;
  statusReason: string | null;
  registerId: string | null;
  providerPaymentId: string | null;
  confirmationUrl: string | null;
  customerContact: string | null;
  createdBy: string;
  createdAt: Date;
  capturedAt: Date | null;
};

export type RefundRecord = {
  id: string;
  paymentId: string;
  invoiceId: string;
  patientId: string;
  amountKopecks: number;
  reason: string;
  status: 'PENDING' | 'DONE' | 'FAILED';
  statusReason: string | null;
  createdBy: string;
  createdAt: Date;
  doneAt: Date | null;
};

export type ReceiptRecord = {
  id: string;
  paymentId: string;
  refundId: string | null;
  patientId: string;
  operation: 'SELL' | 'SELL_RETURN';
  registerId: string;
  body: FiscalReceipt;
  fiscal: FiscalParams;
};

type PaymentRow = {
  id: string;
  invoice_id: string;
  patient_id: string;
  method: PaymentMethod;
  amount_kopecks: string | number;
  status: PaymentStatus;
  status_reason: string | null;
  register_id: string | null;
  provider_payment_id: string | null;
  confirmation_url: string | null;
  customer_contact: string | null;
  created_by: string;
  created_at: Date | string;
  captured_at: Date | string | null;
};
type RefundRow = {
  id: string;
  payment_id: string;
  invoice_id: string;
  patient_id: string;
  amount_kopecks: string | number;
  reason: string;
  status: RefundRecord['status'];
  status_reason: string | null;
  created_by: string;
  created_at: Date | string;
  done_at: Date | string | null;
};
type ReceiptRow = {
  id: string;
  payment_id: string;
  refund_id: string | null;
  patient_id: string;
  operation: ReceiptRecord['operation'];
  register_id: string;
  body: FiscalReceipt | string;
  total_kopecks: string | number;
  fiscal_document_number: number;
  fiscal_sign: string;
  fn_number: string;
  registration_number: string;
  shift_number: number;
  receipt_number: number | null;
  fiscal_at: Date | string;
};

const date = (d: Date | string | null) => (d === null ? null : new Date(d));
const toPayment = (r: PaymentRow): PaymentRecord => ({
  id: String(r.id),
  invoiceId: String(r.invoice_id),
  patientId: String(r.patient_id),
  method: r.method,
  amountKopecks: Number(r.amount_kopecks),
  status: r.status,
  statusReason: r.status_reason,
  registerId: r.register_id,
  providerPaymentId: r.provider_payment_id,
  confirmationUrl: r.confirmation_url,
  customerContact: r.customer_contact,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  capturedAt: date(r.captured_at),
});
const toRefund = (r: RefundRow): RefundRecord => ({
  id: String(r.id),
  paymentId: String(r.payment_id),
  invoiceId: String(r.invoice_id),
  patientId: String(r.patient_id),
  amountKopecks: Number(r.amount_kopecks),
  reason: r.reason,
  status: r.status,
  statusReason: r.status_reason,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  doneAt: date(r.done_at),
});
const toReceipt = (r: ReceiptRow): ReceiptRecord => ({
  id: String(r.id),
  paymentId: String(r.payment_id),
  refundId: r.refund_id === null ? null : String(r.refund_id),
  patientId: String(r.patient_id),
  operation: r.operation,
  registerId: r.register_id,
  body: typeof r.body === 'string' ? JSON.parse(r.body) : r.body,
  fiscal: {
    fiscalDocumentNumber: Number(r.fiscal_document_number),
    fiscalDocumentSign: r.fiscal_sign,
    fnNumber: r.fn_number,
    registrationNumber: r.registration_number,
    shiftNumber: Number(r.shift_number),
    fiscalReceiptNumber: r.receipt_number === null ? undefined : Number(r.receipt_number),
    totalKopecks: Number(r.total_kopecks),
    fiscalAt: new Date(r.fiscal_at),
  },
});

/** Payments, refunds and receipts: all SQL of the module. The ledger is the invoice store's. */
export class PaymentStore {
  constructor(private readonly database: Database) {}

  async byIds(ids: readonly string[]): Promise<Map<string, PaymentRecord>> {
    const rows = await this.database.query<PaymentRow>('select * from payment where id = any($1::uuid[])', [
      ids,
    ]);
    return new Map(rows.map((r) => [String(r.id), toPayment(r)]));
  }

  async forInvoices(invoiceIds: readonly string[]): Promise<Map<string, PaymentRecord[]>> {
    const rows = await this.database.query<PaymentRow>(
      'select * from payment where invoice_id = any($1::uuid[]) order by created_at, id',
      [invoiceIds],
    );
    const out = new Map<string, PaymentRecord[]>(invoiceIds.map((id) => [id, []]));
    for (const r of rows) out.get(String(r.invoice_id))?.push(toPayment(r));
    return out;
  }

  async byProviderId(providerPaymentId: string): Promise<PaymentRecord | null> {
    const [row] = await this.database.query<PaymentRow>(
      'select * from payment where provider_payment_id = $1',
      [providerPaymentId],
    );
    return row ? toPayment(row) : null;
  }

  /** Payments waiting for the register or the provider (the retry job's work). */
  async unfinished(olderThan: Date): Promise<PaymentRecord[]> {
    const rows = await this.database.query<PaymentRow>(
      `select * from payment where status in ('PENDING_FISCAL', 'CAPTURING') and updated_at < $1
        order by updated_at limit 50`,
      [olderThan],
    );
    return rows.map(toPayment);
  }

  /** Amount of the invoice's payments that hold money or will: captured, or on their way to it. */
  async committedKopecks(invoiceId: string): Promise<number> {
    const [row] = await this.database.query<{ sum: string | number | null }>(
      `select sum(amount_kopecks) as sum from payment
        where invoice_id = $1 and status in ('PENDING_FISCAL', 'CAPTURING')`,
      [invoiceId],
    );
    return Number(row?.sum ?? 0);
  }

  async insert(p: Omit<PaymentRecord, 'createdAt' | 'capturedAt'>): Promise<PaymentRecord> {
    const [row] = await this.database.query<PaymentRow>(
      `insert into payment (id, invoice_id, patient_id, method, amount_kopecks, status, status_reason, register_id,
         provider_payment_id, confirmation_url, customer_contact, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning *`,
      [
        p.id,
        p.invoiceId,
        p.patientId,
        p.method,
        p.amountKopecks,
        p.status,
        p.statusReason,
        p.registerId,
        p.providerPaymentId,
        p.confirmationUrl,
        p.customerContact,
        p.createdBy,
      ],
    );
    return toPayment(row!);
  }

  /** Moves a payment from one of `from` to `to`; null when it was not in `from` (someone else moved it). */
  async transition(
    id: string,
    from: PaymentStatus[],
    to: PaymentStatus,
    set: { reason?: string | null; providerPaymentId?: string; confirmationUrl?: string } = {},
  ): Promise<PaymentRecord | null> {
    const [row] = await this.database.query<PaymentRow>(
      `update payment set status = $3, status_reason = $4, updated_at = now(),
          provider_payment_id = coalesce($5, provider_payment_id), confirmation_url = coalesce($6, confirmation_url),
          captured_at = case when $3 = 'CAPTURED' then now() else captured_at end
        where id = $1 and status = any($2::text[]) returning *`,
      [id, from, to, set.reason ?? null, set.providerPaymentId ?? null, set.confirmationUrl ?? null],
    );
    return row ? toPayment(row) : null;
  }

  /** Marks an unfinished payment as looked at (the retry job's backoff). */
  async touch(id: string): Promise<void> {
    await this.database.query('update payment set updated_at = now() where id = $1', [id]);
  }

  async lockPayment(id: string): Promise<PaymentRecord | null> {
    const [row] = await this.database.query<PaymentRow>('select * from payment where id = $1 for update', [
      id,
    ]);
    return row ? toPayment(row) : null;
  }

  async refundsOf(paymentIds: readonly string[]): Promise<Map<string, RefundRecord[]>> {
    const rows = await this.database.query<RefundRow>(
      'select * from refund where payment_id = any($1::uuid[]) order by created_at, id',
      [paymentIds],
    );
    const out = new Map<string, RefundRecord[]>(paymentIds.map((id) => [id, []]));
    for (const r of rows) out.get(String(r.payment_id))?.push(toRefund(r));
    return out;
  }

  async refundsByIds(ids: readonly string[]): Promise<Map<string, RefundRecord>> {
    const rows = await this.database.query<RefundRow>('select * from refund where id = any($1::uuid[])', [
      ids,
    ]);
    return new Map(rows.map((r) => [String(r.id), toRefund(r)]));
  }

  async pendingRefunds(olderThan: Date): Promise<RefundRecord[]> {
    const rows = await this.database.query<RefundRow>(
      `select * from refund where status = 'PENDING' and coalesce(done_at, created_at) < $1 order by created_at limit 50`,
      [olderThan],
    );
    return rows.map(toRefund);
  }

  async insertRefund(
    r: Omit<RefundRecord, 'createdAt' | 'doneAt' | 'status' | 'statusReason'>,
  ): Promise<RefundRecord> {
    const [row] = await this.database.query<RefundRow>(
      `insert into refund (id, payment_id, invoice_id, patient_id, amount_kopecks, reason, status, created_by)
       values ($1, $2, $3, $4, $5, $6, 'PENDING', $7) returning *`,
      [r.id, r.paymentId, r.invoiceId, r.patientId, r.amountKopecks, r.reason, r.createdBy],
    );
    return toRefund(row!);
  }

  async finishRefund(
    id: string,
    status: 'DONE' | 'FAILED',
    reason: string | null,
  ): Promise<RefundRecord | null> {
    const [row] = await this.database.query<RefundRow>(
      `update refund set status = $2, status_reason = $3, done_at = now() where id = $1 and status = 'PENDING' returning *`,
      [id, status, reason],
    );
    return row ? toRefund(row) : null;
  }

  async receiptsOf(paymentIds: readonly string[]): Promise<Map<string, ReceiptRecord[]>> {
    const rows = await this.database.query<ReceiptRow>(
      'select * from receipt where payment_id = any($1::uuid[]) order by created_at, id',
      [paymentIds],
    );
    const out = new Map<string, ReceiptRecord[]>(paymentIds.map((id) => [id, []]));
    for (const r of rows) out.get(String(r.payment_id))?.push(toReceipt(r));
    return out;
  }

  async receiptsByIds(ids: readonly string[]): Promise<Map<string, ReceiptRecord>> {
    const rows = await this.database.query<ReceiptRow>('select * from receipt where id = any($1::uuid[])', [
      ids,
    ]);
    return new Map(rows.map((r) => [String(r.id), toReceipt(r)]));
  }

  /** Writes the receipt the register printed; a second write of the same uuid is ignored. */
  async insertReceipt(r: ReceiptRecord): Promise<void> {
    await this.database.query(
      `insert into receipt (id, payment_id, refund_id, patient_id, operation, register_id, body, total_kopecks,
         fiscal_document_number, fiscal_sign, fn_number, registration_number, shift_number, receipt_number, fiscal_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) on conflict (id) do nothing`,
      [
        r.id,
        r.paymentId,
        r.refundId,
        r.patientId,
        r.operation,
        r.registerId,
        JSON.stringify(r.body),
        r.body.totalKopecks,
        r.fiscal.fiscalDocumentNumber,
        r.fiscal.fiscalDocumentSign,
        r.fiscal.fnNumber,
        r.fiscal.registrationNumber,
        r.fiscal.shiftNumber,
        r.fiscal.fiscalReceiptNumber ?? null,
        r.fiscal.fiscalAt,
      ],
    );
  }

  /** Records what the notification endpoint received and made of it (append-only). */
  async noteNotification(n: {
    sourceAddress: string;
    event: string | null;
    objectId: string | null;
    verdict: 'ACCEPTED' | 'WRONG_SOURCE' | 'MALFORMED' | 'UNKNOWN_PAYMENT' | 'NOT_CONFIRMED';
  }): Promise<void> {
    await this.database.query(
      'insert into payment_notification (source_address, event, object_id, verdict) values ($1, $2, $3, $4)',
      [
        n.sourceAddress.slice(0, 100),
        n.event?.slice(0, 100) ?? null,
        n.objectId?.slice(0, 100) ?? null,
        n.verdict,
      ],
    );
  }

  async notifications(
    limit = 100,
  ): Promise<
    Array<{ sourceAddress: string; event: string | null; objectId: string | null; verdict: string }>
  > {
    const rows = await this.database.query<{
      source_address: string;
      event: string | null;
      object_id: string | null;
      verdict: string;
    }>('select * from payment_notification order by id desc limit $1', [limit]);
    return rows.map((r) => ({
      sourceAddress: r.source_address,
      event: r.event,
      objectId: r.object_id,
      verdict: r.verdict,
    }));
  }

  /** Online payments waiting for the payer longer than `olderThan` (re-read: a notification may be lost). */
  async awaitingPayer(olderThan: Date): Promise<PaymentRecord[]> {
    const rows = await this.database.query<PaymentRow>(
      `select * from payment where status = 'AWAITING_PAYER' and provider_payment_id is not null and updated_at < $1
        order by updated_at limit 50`,
      [olderThan],
    );
    return rows.map(toPayment);
  }

  /** Captured online payments whose electronic receipt is not printed yet. */
  async capturedWithoutReceipt(): Promise<PaymentRecord[]> {
    const rows = await this.database.query<PaymentRow>(
      `select p.* from payment p where p.status = 'CAPTURED' and p.method = 'ONLINE' and p.register_id is not null
          and not exists (select 1 from receipt r where r.id = p.id)
        order by p.captured_at limit 50`,
    );
    return rows.map(toPayment);
  }
}
