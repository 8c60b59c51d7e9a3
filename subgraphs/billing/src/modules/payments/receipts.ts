import type { FiscalReceipt, ReceiptLine } from '../fiscal/fiscal.port';
import { allocate } from '../fiscal/receipt';
import type { InvoiceLineRecord } from '../invoices/invoices.store';

/**
 * The receipt of a payment (or refund) of `amountKopecks` against an invoice's lines: the whole
 * invoice when the amount covers it (price × quantity per line, full payment), otherwise each line
 * carries its share (quantity 1 at its share) — a partial payment (tag 1214 "prepayment" while
 * money is still due, "fullPayment" for the payment that settles the invoice).
 */
export function receiptFor(input: {
  operation: FiscalReceipt['operation'];
  lines: InvoiceLineRecord[];
  amountKopecks: number;
  method: 'cash' | 'electronically';
  settles: boolean;
  customerContact: string | null;
  operatorName: string;
}): FiscalReceipt {
  const total = input.lines.reduce((s, l) => s + l.amountKopecks, 0);
  const whole = input.amountKopecks === total;
  const shares = whole
    ? input.lines.map((l) => l.amountKopecks)
    : allocate(input.lines, Math.min(input.amountKopecks, total));
  const lines: ReceiptLine[] = input.lines
    .map((l, i) => ({ l, share: shares[i]! }))
    .filter(({ share }) => share > 0)
    .map(({ l, share }) => ({
      name: l.name.slice(0, 128),
      priceKopecks: whole && l.discountKopecks === 0 ? l.unitPriceKopecks : share,
      quantity: whole && l.discountKopecks === 0 ? l.quantity : 1,
      amountKopecks: share,
      measurementUnit: 'piece',
      vat: l.vat,
      paymentMethod: input.settles ? 'fullPayment' : 'prepayment',
      paymentObject: 'service',
    }));
  return {
    operation: input.operation,
    lines,
    payments: [{ type: input.method, sumKopecks: input.amountKopecks }],
    totalKopecks: input.amountKopecks,
    customerContact: input.customerContact,
    operatorName: input.operatorName,
  };
}
