import type { FiscalReceipt, ReceiptLine } from '../fiscal/fiscal.port';
import type { InvoiceLineRecord } from '../invoices/invoices.store';

/**
 * Splits `amount` kopecks over lines in proportion to their amounts (largest remainder): the parts
 * sum exactly to `amount` and none exceeds its line.
 */
export function allocateKopecks(weights: number[], amount: number): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  if (total <= 0 || amount <= 0) return weights.map(() => 0);
  const capped = Math.min(amount, total);
  const exact = weights.map((w) => (w * capped) / total);
  const parts = exact.map(Math.floor);
  let rest = capped - parts.reduce((s, p) => s + p, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest === 0) break;
    if (parts[i]! < weights[i]!) {
      parts[i]! += 1;
      rest -= 1;
    }
  }
  return parts;
}

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
    : allocateKopecks(
        input.lines.map((l) => l.amountKopecks),
        input.amountKopecks,
      );
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
