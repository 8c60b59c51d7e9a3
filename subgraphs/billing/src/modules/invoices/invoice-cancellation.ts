import type { Database } from '@medikamente/runtime';
import type { PaymentStore } from '../payments/payments.store';
import type { InvoiceCancellationRecord, InvoiceStore } from './invoices.store';

/** Why a lab order's invoice was cancelled (Russian: shown to cashiers and accountants). */
export const LAB_ORDER_CANCELLED = 'Лабораторный заказ отменён';

/**
 * What billed an invoice was cancelled (ADR 0017). Under the invoice's row lock — the lock every
 * payment takes first, so no payment slips in between the check and the reversal:
 * - nothing kept (payments less refunds is zero) and no payment on its way (PENDING_FISCAL,
 *   CAPTURING): the rest of the charge is reversed by one REVERSAL entry and the invoice is
 *   cancelled (REVERSED: status CANCELLED, nothing owed, payments refused);
 * - otherwise nothing is reversed: money went through the register or the provider and only a
 *   refund with its return receipt can give it back. The invoice is marked
 *   REFUND_DECISION_NEEDED and listed for the cashier (`invoicesAwaitingRefundDecision`).
 * Append-only and once per invoice: a repeated cancellation returns the first outcome unchanged.
 */
export async function cancelInvoice(
  deps: { database: Database; invoices: InvoiceStore; payments: PaymentStore },
  c: { invoiceId: string; reason: string; actor: string; at: Date },
): Promise<InvoiceCancellationRecord | null> {
  return deps.database.tx(async () => {
    const invoice = await deps.invoices.lock(c.invoiceId);
    if (!invoice) return null;
    const done = (await deps.invoices.cancellations([invoice.id])).get(invoice.id);
    if (done) return done;
    const totals = (await deps.invoices.totals([invoice.id])).get(invoice.id)!;
    const kept = totals.paidKopecks - totals.refundedKopecks;
    const onItsWay = await deps.payments.committedKopecks(invoice.id);
    const reverse = kept === 0 && onItsWay === 0;
    const charged = totals.chargedKopecks - totals.reversedKopecks;
    if (reverse && charged > 0) await deps.invoices.ledger(invoice.id, 'REVERSAL', charged, c.actor);
    const record: InvoiceCancellationRecord = {
      invoiceId: invoice.id,
      outcome: reverse ? 'REVERSED' : 'REFUND_DECISION_NEEDED',
      reason: c.reason,
      actor: c.actor,
      cancelledAt: c.at,
    };
    await deps.invoices.recordCancellation(record);
    return record;
  });
}
