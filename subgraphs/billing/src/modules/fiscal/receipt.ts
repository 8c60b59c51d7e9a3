/**
 * Fiscal receipts (54-FZ, FFD 1.2) for desk payments and refunds of invoices for medical services.
 * Pure: money in integer kopecks in and out; the register adapter converts to its units.
 *
 * FFD 1.2 values written (checked against the FNS format tables as reproduced by ATOL Online v5
 * clients): tag 1212 "признак предмета расчета" = 4 (service) → `service`; tag 1214 "признак
 * способа расчета" = 4 (full payment) → `fullPayment` (1 is 100 % prepayment, 2 partial prepayment);
 * tag 2108 "мера количества" = 0 (piece or unit) → `piece`; tag 1199 "ставка НДС" = 6 (no VAT) →
 * `none`.
 *
 * VAT: licensed medical services are exempt (Tax Code art. 149 p. 2 pp. 2; the services are listed
 * by the Government — check the current list before marking a price item exempt) and go on the
 * receipt as `none`. Taxed items carry the general rate, 22 % since 1 January 2026 (the Tax Code
 * amendment signed on 28.11.2025; 10 % stays for the reduced list). Tag 1199 values 11 = 22 % and
 * 12 = 22/122 were added to the fiscal formats by FNS order ЕД-7-20/1050@ of 08.12.2025 (applied
 * from 5 January 2026); ATOL names them `vat22` / `vat122`.
 */
import type { FiscalReceipt, ReceiptLine, ReceiptPayment, VatRate } from './fiscal.port.js';

/** A line of the invoice being paid: what the patient bought. */
export type InvoiceLine = {
  name: string;
  unitPriceKopecks: number;
  quantity: number;
  /** unitPrice × quantity after the line's discount. */
  amountKopecks: number;
  vat: VatRate;
};

/** A desk payment: how the money came and where to send the electronic receipt. */
export type DeskPayment = {
  method: 'cash' | 'card';
  amountKopecks: number;
  customerContact?: string | null;
  operatorName: string;
};

/** A refund of (part of) a payment, back by the way it came. */
export type DeskRefund = DeskPayment & {
  /**
   * Kopecks refunded per invoice line (same order and length as the lines; 0 for a line not
   * refunded), summing to `amountKopecks`. Without it the refund is spread over the lines in
   * proportion to their amounts.
   */
  byLine?: readonly number[];
};

/** The sale receipt for a payment of the whole invoice: the payment must equal the lines' sum. */
export function buildSellReceipt(lines: readonly InvoiceLine[], payment: DeskPayment): FiscalReceipt {
  checkLines(lines);
  const total = sum(lines.map((l) => l.amountKopecks));
  checkKopecks(payment.amountKopecks, 'payment amount');
  if (payment.amountKopecks !== total) {
    throw new RangeError(`payment ${payment.amountKopecks} differs from the invoice lines' sum ${total}`);
  }
  return {
    operation: 'sell',
    lines: lines.map((l) => receiptLine(l.name, l.unitPriceKopecks, l.quantity, l.amountKopecks, l.vat)),
    payments: [receiptPayment(payment)],
    totalKopecks: total,
    customerContact: payment.customerContact ?? null,
    operatorName: payment.operatorName,
  };
}

/**
 * The sale-refund receipt (tag 1054 = 2) for `refund` of a payment of `lines` (the lines of the
 * sale receipt). The refunded lines sum exactly to the refund and none exceeds its sold amount.
 * A line refunded whole keeps its price and quantity; a part of a line keeps the quantity when the
 * part divides evenly, otherwise it is one unit at the refunded sum.
 */
export function buildReturnReceipt(lines: readonly InvoiceLine[], refund: DeskRefund): FiscalReceipt {
  checkLines(lines);
  checkKopecks(refund.amountKopecks, 'refund amount');
  const total = sum(lines.map((l) => l.amountKopecks));
  if (refund.amountKopecks === 0 || refund.amountKopecks > total) {
    throw new RangeError(`refund ${refund.amountKopecks} must be within 1..${total}`);
  }
  const parts = refund.byLine
    ? checkByLine(lines, refund.byLine, refund.amountKopecks)
    : allocate(lines, refund.amountKopecks);
  const returned: ReceiptLine[] = [];
  lines.forEach((line, i) => {
    const part = parts[i] ?? 0;
    if (part === 0) return;
    if (part === line.amountKopecks) {
      returned.push(receiptLine(line.name, line.unitPriceKopecks, line.quantity, part, line.vat));
    } else if (Number.isInteger(line.quantity) && part % line.quantity === 0) {
      returned.push(receiptLine(line.name, part / line.quantity, line.quantity, part, line.vat));
    } else {
      returned.push(receiptLine(line.name, part, 1, part, line.vat));
    }
  });
  return {
    operation: 'sellReturn',
    lines: returned,
    payments: [receiptPayment(refund)],
    totalKopecks: refund.amountKopecks,
    customerContact: refund.customerContact ?? null,
    operatorName: refund.operatorName,
  };
}

/**
 * Splits `amount` kopecks over `lines` in proportion to their amounts by the largest remainder:
 * every share is floor(amount × line / total), and the kopecks left go one each to the lines with
 * the largest fractional parts (earlier line first on a tie). Exact in integers (BigInt).
 */
export function allocate(lines: readonly Pick<InvoiceLine, 'amountKopecks'>[], amount: number): number[] {
  const total = BigInt(sum(lines.map((l) => l.amountKopecks)));
  const target = BigInt(amount);
  const shares = lines.map((l, index) => {
    const scaled = target * BigInt(l.amountKopecks);
    return { index, share: scaled / total, remainder: scaled % total };
  });
  let left = target - shares.reduce((acc, s) => acc + s.share, 0n);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const s of byRemainder) {
    if (left === 0n) break;
    s.share += 1n;
    left -= 1n;
  }
  return shares.map((s) => Number(s.share));
}

function receiptLine(
  name: string,
  price: number,
  quantity: number,
  amount: number,
  vat: VatRate,
): ReceiptLine {
  return {
    name,
    priceKopecks: price,
    quantity,
    amountKopecks: amount,
    measurementUnit: 'piece',
    vat,
    paymentMethod: 'fullPayment',
    paymentObject: 'service',
  };
}

function receiptPayment(payment: DeskPayment): ReceiptPayment {
  return { type: payment.method === 'cash' ? 'cash' : 'electronically', sumKopecks: payment.amountKopecks };
}

function checkByLine(
  lines: readonly InvoiceLine[],
  byLine: readonly number[],
  amount: number,
): readonly number[] {
  if (byLine.length !== lines.length) throw new RangeError('byLine must have one amount per line');
  byLine.forEach((part, i) => {
    checkKopecks(part, `byLine[${i}]`);
    if (part > (lines[i]?.amountKopecks ?? 0)) throw new RangeError(`byLine[${i}] exceeds the line's amount`);
  });
  if (sum(byLine) !== amount)
    throw new RangeError(`byLine sums to ${sum(byLine)}, not to the refund ${amount}`);
  return byLine;
}

function checkLines(lines: readonly InvoiceLine[]): void {
  if (lines.length === 0) throw new RangeError('a receipt needs at least one line');
  for (const line of lines) {
    if (line.name.trim() === '') throw new RangeError('a line needs a name');
    checkKopecks(line.unitPriceKopecks, 'unit price');
    checkKopecks(line.amountKopecks, 'line amount');
    if (!(line.quantity > 0)) throw new RangeError('quantity must be positive');
  }
  if (sum(lines.map((l) => l.amountKopecks)) === 0) throw new RangeError('the lines sum to zero');
}

function checkKopecks(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what} must be whole kopecks ≥ 0, got ${value}`);
}

const sum = (values: readonly number[]) => values.reduce((acc, v) => acc + v, 0);
