import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kopecksToRubles, rublesToKopecks } from '../src/modules/fiscal/atol-protocol.js';
import { toAtolTask } from '../src/modules/fiscal/atol-web-server.adapter.js';
import type { FiscalReceipt, VatRate } from '../src/modules/fiscal/fiscal.port.js';
import {
  allocate,
  buildReturnReceipt,
  buildSellReceipt,
  type InvoiceLine,
} from '../src/modules/fiscal/receipt.js';

const vat = fc.constantFrom<VatRate>('none', 'vat22', 'vat10', 'vat0');
const line: fc.Arbitrary<InvoiceLine> = fc
  .record({
    name: fc.constantFrom('Приём терапевта', 'УЗИ брюшной полости', 'Анализ крови', 'Справка'),
    unitPriceKopecks: fc.integer({ min: 1, max: 5_000_000 }),
    quantity: fc.integer({ min: 1, max: 5 }),
    discountKopecks: fc.nat({ max: 1_000 }),
    vat,
  })
  .map(({ discountKopecks, ...l }) => ({
    ...l,
    amountKopecks: Math.max(1, l.unitPriceKopecks * l.quantity - discountKopecks),
  }));
const lines = fc.array(line, { minLength: 1, maxLength: 8 });
const total = (ls: readonly { amountKopecks: number }[]) => ls.reduce((a, l) => a + l.amountKopecks, 0);
const method = fc.constantFrom<'cash' | 'card'>('cash', 'card');
const operatorName = 'Кассир Петрова А. А.';

function expectFfd12Service(receipt: FiscalReceipt) {
  for (const l of receipt.lines) {
    expect(l).toMatchObject({
      measurementUnit: 'piece',
      paymentMethod: 'fullPayment',
      paymentObject: 'service',
    });
  }
}

describe('buildReturnReceipt: refunds spread over the lines', () => {
  it('proportional refund: lines sum exactly to the refund and never exceed the sold lines', () => {
    fc.assert(
      fc.property(lines, fc.double({ min: 0, max: 1, noNaN: true }), method, (ls, share, how) => {
        const refund = Math.max(1, Math.round(total(ls) * share));
        const receipt = buildReturnReceipt(ls, { method: how, amountKopecks: refund, operatorName });
        expect(receipt.operation).toBe('sellReturn');
        expect(total(receipt.lines)).toBe(refund);
        expect(receipt.totalKopecks).toBe(refund);
        expect(receipt.payments).toEqual([
          { type: how === 'cash' ? 'cash' : 'electronically', sumKopecks: refund },
        ]);
        // Lines keep their order; each refunded line belongs to a sold line and stays within it.
        let from = 0;
        for (const returned of receipt.lines) {
          const index = ls.findIndex(
            (l, i) =>
              i >= from &&
              l.name === returned.name &&
              l.vat === returned.vat &&
              returned.amountKopecks <= l.amountKopecks,
          );
          expect(index).toBeGreaterThanOrEqual(0);
          from = index + 1;
          expect(returned.amountKopecks).toBeGreaterThan(0);
          if (returned.amountKopecks < ls[index]!.amountKopecks) {
            expect(returned.priceKopecks * returned.quantity).toBe(returned.amountKopecks);
          }
        }
        expectFfd12Service(receipt);
      }),
    );
  });

  it('allocate: largest remainder over integers, each share within floor..ceil of its exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2_000_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (amounts, share) => {
          fc.pre(amounts.some((a) => a > 0));
          const sum = amounts.reduce((a, b) => a + b, 0);
          const target = Math.round(sum * share);
          const parts = allocate(
            amounts.map((amountKopecks) => ({ amountKopecks })),
            target,
          );
          expect(parts.reduce((a, b) => a + b, 0)).toBe(target);
          const remainder = (i: number) => (BigInt(target) * BigInt(amounts[i]!)) % BigInt(sum);
          const bumped = parts.map((part, i) => {
            const floor = (BigInt(target) * BigInt(amounts[i]!)) / BigInt(sum);
            expect(BigInt(part) - floor).toBeGreaterThanOrEqual(0n);
            expect(BigInt(part) - floor).toBeLessThanOrEqual(1n);
            expect(part).toBeLessThanOrEqual(amounts[i]!);
            return BigInt(part) > floor;
          });
          // The extra kopecks went to the largest remainders.
          bumped.forEach((up, i) => {
            if (!up) return;
            bumped.forEach((other, j) => {
              if (!other) expect(remainder(i) >= remainder(j)).toBe(true);
            });
          });
        },
      ),
    );
  });

  it('a full refund gives back the sold lines as they were', () => {
    fc.assert(
      fc.property(lines, method, (ls, how) => {
        const sale = buildSellReceipt(ls, { method: how, amountKopecks: total(ls), operatorName });
        const refund = buildReturnReceipt(ls, { method: how, amountKopecks: total(ls), operatorName });
        expect(refund.lines).toEqual(sale.lines);
        expect(refund.totalKopecks).toBe(sale.totalKopecks);
      }),
    );
  });

  it('refund by given amounts per line: taken as given, zero lines left out', () => {
    fc.assert(
      fc.property(
        lines.chain((ls) =>
          fc.tuple(fc.constant(ls), fc.tuple(...ls.map((l) => fc.integer({ min: 0, max: l.amountKopecks })))),
        ),
        ([ls, byLine]) => {
          fc.pre(byLine.some((x) => x > 0));
          const amount = byLine.reduce((a, b) => a + b, 0);
          const receipt = buildReturnReceipt(ls, {
            method: 'card',
            amountKopecks: amount,
            operatorName,
            byLine,
          });
          expect(receipt.lines.map((l) => l.amountKopecks)).toEqual(byLine.filter((x) => x > 0));
          expect(receipt.totalKopecks).toBe(amount);
        },
      ),
    );
  });

  it('refuses refunds above the lines, zero refunds and inconsistent per-line amounts', () => {
    const ls: InvoiceLine[] = [
      { name: 'Приём', unitPriceKopecks: 100_00, quantity: 1, amountKopecks: 100_00, vat: 'none' },
    ];
    expect(() => buildReturnReceipt(ls, { method: 'cash', amountKopecks: 100_01, operatorName })).toThrow(
      RangeError,
    );
    expect(() => buildReturnReceipt(ls, { method: 'cash', amountKopecks: 0, operatorName })).toThrow(
      RangeError,
    );
    expect(() =>
      buildReturnReceipt(ls, { method: 'cash', amountKopecks: 50_00, operatorName, byLine: [40_00] }),
    ).toThrow(/sums to/);
    expect(() =>
      buildReturnReceipt(ls, { method: 'cash', amountKopecks: 50_00, operatorName, byLine: [50_00, 0] }),
    ).toThrow(/one amount per line/);
    expect(() => buildReturnReceipt(ls, { method: 'cash', amountKopecks: 50.5, operatorName })).toThrow(
      /whole kopecks/,
    );
  });
});

describe('buildSellReceipt', () => {
  it('carries the FFD 1.2 fields, the payment by type and the contact', () => {
    fc.assert(
      fc.property(
        lines,
        method,
        fc.constantFrom('+79161234567', 'patient@example.ru', null),
        (ls, how, contact) => {
          const receipt = buildSellReceipt(ls, {
            method: how,
            amountKopecks: total(ls),
            customerContact: contact,
            operatorName,
          });
          expect(receipt).toMatchObject({
            operation: 'sell',
            totalKopecks: total(ls),
            customerContact: contact,
            operatorName,
          });
          expect(receipt.payments).toEqual([
            { type: how === 'card' ? 'electronically' : 'cash', sumKopecks: total(ls) },
          ]);
          receipt.lines.forEach((l, i) => {
            expect(l).toMatchObject({
              name: ls[i]!.name,
              priceKopecks: ls[i]!.unitPriceKopecks,
              quantity: ls[i]!.quantity,
              amountKopecks: ls[i]!.amountKopecks,
              vat: ls[i]!.vat,
            });
          });
          expectFfd12Service(receipt);
        },
      ),
    );
  });

  it('refuses a payment that is not the invoice total', () => {
    const ls: InvoiceLine[] = [
      { name: 'Приём', unitPriceKopecks: 100_00, quantity: 1, amountKopecks: 100_00, vat: 'none' },
    ];
    expect(() => buildSellReceipt(ls, { method: 'card', amountKopecks: 99_99, operatorName })).toThrow(
      RangeError,
    );
    expect(() => buildSellReceipt([], { method: 'card', amountKopecks: 0, operatorName })).toThrow(
      RangeError,
    );
  });

  it('becomes an ATOL sell task with rubles written exactly', () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const task = toAtolTask({
          type: 'receipt',
          receipt: buildSellReceipt(ls, {
            method: 'cash',
            amountKopecks: total(ls),
            customerContact: 'a@b.ru',
            operatorName,
          }),
        });
        const wire = JSON.parse(JSON.stringify(task));
        expect(wire).toMatchObject({
          type: 'sell',
          operator: { name: operatorName },
          clientInfo: { emailOrPhone: 'a@b.ru' },
        });
        expect(rublesToKopecks(wire.total)).toBe(total(ls));
        wire.items.forEach((item: Record<string, unknown>, i: number) => {
          expect(rublesToKopecks(item.amount)).toBe(ls[i]!.amountKopecks);
          expect(rublesToKopecks(item.price)).toBe(ls[i]!.unitPriceKopecks);
          expect(item).toMatchObject({
            type: 'position',
            measurementUnit: 'piece',
            paymentObject: 'service',
            paymentMethod: 'fullPayment',
            tax: { type: ls[i]!.vat },
          });
        });
      }),
    );
  });
});

describe('kopecks ↔ rubles', () => {
  it('round-trips every amount and writes JSON as the exact decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 50), max: 2 ** 50 }), (k) => {
        const rubles = kopecksToRubles(k);
        expect(rublesToKopecks(rubles)).toBe(k);
        const abs = Math.abs(k);
        const decimal = `${k < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
        // The JSON number is the decimal itself (trailing zeros dropped), not a float approximation.
        expect(JSON.stringify(rubles)).toBe(decimal.replace(/0+$/, '').replace(/\.$/, ''));
      }),
    );
    expect(kopecksToRubles(10)).toBe(0.1);
    expect(JSON.stringify(kopecksToRubles(3734_33))).toBe('3734.33');
  });

  it('refuses what is not money', () => {
    for (const bad of [0.001, 1.005, Number.NaN, Number.POSITIVE_INFINITY, '1.00', 1e21]) {
      expect(() => rublesToKopecks(bad)).toThrow(RangeError);
    }
    expect(() => kopecksToRubles(0.5)).toThrow(RangeError);
  });
});
