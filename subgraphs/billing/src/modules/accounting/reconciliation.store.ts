import type { Database } from '@medikamente/runtime';
import type { PaymentMethod, PaymentStatus } from '../payments/payments.store';

/** Ledger sums of one payment method over a window: payments in, refunds out. */
export type MethodTotals = {
  method: PaymentMethod;
  paymentsCount: number;
  paymentsKopecks: number;
  refundsCount: number;
  refundsKopecks: number;
};

/** A payment the reconciliation looks at, with what the ledger and its receipt say about it. */
export type PaymentCheck = {
  id: string;
  method: PaymentMethod;
  status: PaymentStatus;
  amountKopecks: number;
  registerId: string | null;
  providerPaymentId: string | null;
  createdAt: Date;
  capturedAt: Date | null;
  /** The sale receipt's total, or null when no receipt was printed. */
  receiptKopecks: number | null;
  /** The ledger's PAYMENT entry, or null when the money is not in the ledger. */
  ledgerKopecks: number | null;
};

export type RefundCheck = {
  id: string;
  paymentId: string;
  method: PaymentMethod;
  status: 'PENDING' | 'DONE' | 'FAILED';
  amountKopecks: number;
  registerId: string | null;
  providerPaymentId: string | null;
  createdAt: Date;
  doneAt: Date | null;
  receiptKopecks: number | null;
  ledgerKopecks: number | null;
};

/** Our receipts of one register shift, summed by operation and method, at their ledger amounts. */
export type ShiftLedger = {
  sellCashKopecks: number;
  sellElectronicKopecks: number;
  returnCashKopecks: number;
  returnElectronicKopecks: number;
  receiptCount: number;
};

/** Our side of a provider payment: what we recorded and the branch of its invoice. */
export type ProviderMatch = {
  id: string;
  providerPaymentId: string;
  status: PaymentStatus;
  amountKopecks: number;
  branchId: string;
};

const n = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v));
const d = (v: Date | string | null) => (v === null ? null : new Date(v));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The daily reconciliation's reads: sums and per-record checks of one branch's day. All SQL of
 * the reconciliation; it reads, never writes, and returns no patient ids.
 */
export class ReconciliationStore {
  constructor(private readonly database: Database) {}

  /** PAYMENT and REFUND ledger entries of the branch's invoices written in [from, to), by method. */
  async ledgerTotals(branchId: string, from: Date, to: Date): Promise<MethodTotals[]> {
    const rows = await this.database.query<{
      method: PaymentMethod;
      kind: 'PAYMENT' | 'REFUND';
      count: string | number;
      sum: string | number;
    }>(
      `select p.method, l.kind, count(*) as count, coalesce(sum(l.amount_kopecks), 0) as sum
         from ledger_entry l
         join invoice i on i.id = l.invoice_id
         join payment p on p.id = l.payment_id
        where i.branch_id = $1 and l.kind in ('PAYMENT', 'REFUND') and l.created_at >= $2 and l.created_at < $3
        group by p.method, l.kind`,
      [branchId, from, to],
    );
    return (['CASH', 'CARD', 'ONLINE'] as const).map((method) => {
      const of = (kind: 'PAYMENT' | 'REFUND') => rows.find((r) => r.method === method && r.kind === kind);
      return {
        method,
        paymentsCount: Number(of('PAYMENT')?.count ?? 0),
        paymentsKopecks: Number(of('PAYMENT')?.sum ?? 0),
        refundsCount: Number(of('REFUND')?.count ?? 0),
        refundsKopecks: Number(of('REFUND')?.sum ?? 0),
      };
    });
  }

  /**
   * The branch's payments captured in [from, to), and those still unfinished (waiting for the
   * register or the provider's capture) that were created before `to`, whatever their day.
   */
  async payments(branchId: string, from: Date, to: Date): Promise<PaymentCheck[]> {
    const rows = await this.database.query<{
      id: string;
      method: PaymentMethod;
      status: PaymentStatus;
      amount_kopecks: string | number;
      register_id: string | null;
      provider_payment_id: string | null;
      created_at: Date | string;
      captured_at: Date | string | null;
      receipt_kopecks: string | number | null;
      ledger_kopecks: string | number | null;
    }>(
      `select p.id, p.method, p.status, p.amount_kopecks, p.register_id, p.provider_payment_id, p.created_at,
              p.captured_at, r.total_kopecks as receipt_kopecks, l.amount_kopecks as ledger_kopecks
         from payment p
         join invoice i on i.id = p.invoice_id
         left join receipt r on r.id = p.id and r.operation = 'SELL'
         left join ledger_entry l on l.payment_id = p.id and l.kind = 'PAYMENT'
        where i.branch_id = $1
          and ((p.status = 'CAPTURED' and p.captured_at >= $2 and p.captured_at < $3)
            or (p.status in ('PENDING_FISCAL', 'CAPTURING') and p.created_at < $3))
        order by p.created_at, p.id`,
      [branchId, from, to],
    );
    return rows.map((r) => ({
      id: String(r.id),
      method: r.method,
      status: r.status,
      amountKopecks: Number(r.amount_kopecks),
      registerId: r.register_id,
      providerPaymentId: r.provider_payment_id,
      createdAt: new Date(r.created_at),
      capturedAt: d(r.captured_at),
      receiptKopecks: n(r.receipt_kopecks),
      ledgerKopecks: n(r.ledger_kopecks),
    }));
  }

  /** The branch's refunds done in [from, to), and the pending ones created before `to`. */
  async refunds(branchId: string, from: Date, to: Date): Promise<RefundCheck[]> {
    const rows = await this.database.query<{
      id: string;
      payment_id: string;
      method: PaymentMethod;
      status: RefundCheck['status'];
      amount_kopecks: string | number;
      register_id: string | null;
      provider_payment_id: string | null;
      created_at: Date | string;
      done_at: Date | string | null;
      receipt_kopecks: string | number | null;
      ledger_kopecks: string | number | null;
    }>(
      `select f.id, f.payment_id, p.method, f.status, f.amount_kopecks, p.register_id, p.provider_payment_id,
              f.created_at, f.done_at, r.total_kopecks as receipt_kopecks, l.amount_kopecks as ledger_kopecks
         from refund f
         join payment p on p.id = f.payment_id
         join invoice i on i.id = f.invoice_id
         left join receipt r on r.id = f.id and r.operation = 'SELL_RETURN'
         left join ledger_entry l on l.refund_id = f.id and l.kind = 'REFUND'
        where i.branch_id = $1
          and ((f.status = 'DONE' and f.done_at >= $2 and f.done_at < $3) or (f.status = 'PENDING' and f.created_at < $3))
        order by f.created_at, f.id`,
      [branchId, from, to],
    );
    return rows.map((r) => ({
      id: String(r.id),
      paymentId: String(r.payment_id),
      method: r.method,
      status: r.status,
      amountKopecks: Number(r.amount_kopecks),
      registerId: r.register_id,
      providerPaymentId: r.provider_payment_id,
      createdAt: new Date(r.created_at),
      doneAt: d(r.done_at),
      receiptKopecks: n(r.receipt_kopecks),
      ledgerKopecks: n(r.ledger_kopecks),
    }));
  }

  /**
   * What our ledger says a register shift should hold: the receipts we recorded under that
   * register and shift number (printed between `from` and `to`, which tells apart equal numbers
   * of another fiscal drive), each at the amount of its ledger entry.
   */
  async shiftLedger(registerId: string, shiftNumber: number, from: Date, to: Date): Promise<ShiftLedger> {
    const rows = await this.database.query<{
      operation: 'SELL' | 'SELL_RETURN';
      method: PaymentMethod;
      count: string | number;
      sum: string | number;
    }>(
      `select r.operation, p.method, count(*) as count, coalesce(sum(l.amount_kopecks), 0) as sum
         from receipt r
         join payment p on p.id = r.payment_id
         left join ledger_entry l
           on (r.refund_id is null and l.payment_id = r.payment_id and l.kind = 'PAYMENT')
           or (r.refund_id is not null and l.refund_id = r.refund_id and l.kind = 'REFUND')
        where r.register_id = $1 and r.shift_number = $2 and r.fiscal_at >= $3 and r.fiscal_at < $4
        group by r.operation, p.method`,
      [registerId, shiftNumber, from, to],
    );
    const sum = (op: 'SELL' | 'SELL_RETURN', cash: boolean) =>
      rows
        .filter((r) => r.operation === op && (r.method === 'CASH') === cash)
        .reduce((s, r) => s + Number(r.sum), 0);
    return {
      sellCashKopecks: sum('SELL', true),
      sellElectronicKopecks: sum('SELL', false),
      returnCashKopecks: sum('SELL_RETURN', true),
      returnElectronicKopecks: sum('SELL_RETURN', false),
      receiptCount: rows.reduce((s, r) => s + Number(r.count), 0),
    };
  }

  /** Our payments behind the provider's ids, with their invoice's branch. */
  async byProviderIds(providerPaymentIds: readonly string[]): Promise<Map<string, ProviderMatch>> {
    if (providerPaymentIds.length === 0) return new Map();
    const rows = await this.database.query<{
      id: string;
      provider_payment_id: string;
      status: PaymentStatus;
      amount_kopecks: string | number;
      branch_id: string;
    }>(
      `select p.id, p.provider_payment_id, p.status, p.amount_kopecks, i.branch_id
         from payment p join invoice i on i.id = p.invoice_id
        where p.provider_payment_id = any($1::text[])`,
      [providerPaymentIds],
    );
    return new Map(
      rows.map((r) => [
        r.provider_payment_id,
        {
          id: String(r.id),
          providerPaymentId: r.provider_payment_id,
          status: r.status,
          amountKopecks: Number(r.amount_kopecks),
          branchId: String(r.branch_id),
        },
      ]),
    );
  }

  /** Branches of invoices named by id (ids that are not UUIDs are skipped, not an SQL error). */
  async invoiceBranches(invoiceIds: readonly string[]): Promise<Map<string, string>> {
    const ids = [...new Set(invoiceIds.filter((i) => UUID.test(i)).map((i) => i.toLowerCase()))];
    if (ids.length === 0) return new Map();
    const rows = await this.database.query<{ id: string; branch_id: string }>(
      'select id, branch_id from invoice where id = any($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [String(r.id), String(r.branch_id)]));
  }
}
