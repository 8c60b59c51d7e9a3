import { type Database, inputError, type Logger } from '@medikamente/runtime';
import { codes } from '../../error-codes.generated';
import type { FiscalOutcome, FiscalReceipt } from '../fiscal/fiscal.port';
import type { InvoiceStore } from '../invoices/invoices.store';
import { Refused } from '../refused';
import type { PaymentRecord, PaymentStore, RefundRecord } from './payments.store';

/** What the payment flows share: the stores and the database. */
export type PaymentDeps = {
  database: Database;
  invoices: InvoiceStore;
  payments: PaymentStore;
  logger: Logger;
};

/** Money the invoice can still take: its ledger balance less payments on their way (pending). */
export async function outstandingKopecks(deps: PaymentDeps, invoiceId: string): Promise<number> {
  const totals = (await deps.invoices.totals([invoiceId])).get(invoiceId)!;
  return totals.balanceKopecks - (await deps.payments.committedKopecks(invoiceId));
}

/**
 * What a new payment of the invoice may take (its outstanding amount), or refused: a cancelled
 * invoice (INVOICE_CANCELLED — reversed, or waiting for the cashier's refund decision: what it
 * billed will not be done, so no more money is taken), nothing outstanding (INVOICE_ALREADY_PAID).
 * Called under the invoice's row lock.
 */
export async function payableKopecks(deps: PaymentDeps, invoiceId: string): Promise<number> {
  const cancellation = (await deps.invoices.cancellations([invoiceId])).get(invoiceId);
  if (cancellation)
    throw new Refused([
      inputError('input.invoiceId', codes.INVOICE_CANCELLED, `Счёт аннулирован: ${cancellation.reason}`),
    ]);
  const outstanding = await outstandingKopecks(deps, invoiceId);
  if (outstanding <= 0)
    throw new Refused([inputError('input.invoiceId', codes.INVOICE_ALREADY_PAID, 'Счёт уже оплачен')]);
  return outstanding;
}

/**
 * The register printed the payment's receipt: the payment becomes CAPTURED, its money enters the
 * ledger and the receipt is kept — in one transaction, once (status guard + unique ledger index).
 */
export async function recordCapturedWithReceipt(
  deps: PaymentDeps,
  payment: PaymentRecord,
  receipt: FiscalReceipt,
  outcome: Extract<FiscalOutcome, { status: 'done' }>,
  actor: string,
): Promise<PaymentRecord | null> {
  return deps.database.tx(async () => {
    const moved = await deps.payments.transition(payment.id, ['PENDING_FISCAL'], 'CAPTURED');
    if (!moved) return null;
    await deps.invoices.ledger(payment.invoiceId, 'PAYMENT', payment.amountKopecks, actor, {
      paymentId: payment.id,
    });
    await deps.payments.insertReceipt({
      id: payment.id,
      paymentId: payment.id,
      refundId: null,
      patientId: payment.patientId,
      operation: 'SELL',
      registerId: payment.registerId!,
      body: receipt,
      fiscal: outcome.fiscal,
    });
    return moved;
  });
}

/** A refund the register (and for online payments the provider) carried out: DONE, ledger, receipt. */
export async function recordRefundDone(
  deps: PaymentDeps,
  refund: RefundRecord,
  printed: {
    registerId: string;
    receipt: FiscalReceipt;
    outcome: Extract<FiscalOutcome, { status: 'done' }>;
  } | null,
  actor: string,
): Promise<RefundRecord | null> {
  return deps.database.tx(async () => {
    const done = await deps.payments.finishRefund(refund.id, 'DONE', null);
    if (!done) return null;
    await deps.invoices.ledger(refund.invoiceId, 'REFUND', refund.amountKopecks, actor, {
      paymentId: refund.paymentId,
      refundId: refund.id,
    });
    if (printed)
      await deps.payments.insertReceipt({
        id: refund.id,
        paymentId: refund.paymentId,
        refundId: refund.id,
        patientId: refund.patientId,
        operation: 'SELL_RETURN',
        registerId: printed.registerId,
        body: printed.receipt,
        fiscal: printed.outcome.fiscal,
      });
    return done;
  });
}
