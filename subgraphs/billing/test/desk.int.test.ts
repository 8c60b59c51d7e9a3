import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AtolEmulator, startAtolEmulator } from '../src/modules/fiscal/atol-emulator';
import { FIXTURE_BRANCH } from '../src/testing';
import {
  createInvoice,
  invoice,
  openShift,
  people,
  priceConsultation,
  refund,
  takePayment,
} from './billing-helpers';
import { type BillingHarness, startBillingSubgraph } from './harness';

// Cash and card at the desk through the ATOL Web Server protocol (the emulator over real HTTP).
let h: BillingHarness;
let atol: AtolEmulator;
let who: Awaited<ReturnType<typeof people>>;
let priceId: string;

beforeAll(async () => {
  atol = await startAtolEmulator();
  h = await startBillingSubgraph({ env: { FISCAL_REGISTER_URL: atol.url } });
  who = await people(h);
  priceId = await priceConsultation(h, who.accountant);
});
afterAll(async () => {
  await h?.stop();
  await atol?.close();
});

const newInvoice = async (
  lines: Array<{ priceItemId: string; quantity?: number }> = [{ priceItemId: priceId }],
) => {
  const r = await createInvoice(h, who.cashier, who.patientId, lines);
  expect(r.errors).toBeUndefined();
  expect(r.data.createInvoice.inputErrors).toEqual([]);
  return r.data.createInvoice.invoice;
};

describe('desk payments with fiscal receipts', () => {
  it('refuses a payment before the shift is opened, writing nothing', async () => {
    const inv = await newInvoice();
    const r = await takePayment(h, who.cashier, {
      invoiceId: inv.id,
      method: 'CASH',
      amountKopecks: 250_000,
    });
    expect(r.data.takeDeskPayment.inputErrors.map((e: { code: string }) => e.code)).toEqual([
      'SHIFT_NOT_OPEN',
    ]);
    expect((await invoice(h, who.cashier, inv.id)).payments).toEqual([]);
    expect(atol.state.receipts).toHaveLength(0);
  });

  it('takes cash: the receipt carries the FFD 1.2 fields of the payment and the register’s fiscal sign', async () => {
    await openShift(h, who.cashier);
    const inv = await newInvoice([{ priceItemId: priceId, quantity: 2 }]);
    expect(inv.totalKopecks).toBe(500_000);
    const r = await takePayment(h, who.cashier, {
      invoiceId: inv.id,
      method: 'CASH',
      amountKopecks: 500_000,
      customerContact: '+79161234567',
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.takeDeskPayment.payment.status).toBe('CAPTURED');
    const after = await invoice(h, who.cashier, inv.id);
    expect(after).toMatchObject({ status: 'PAID', balanceKopecks: 0, paidKopecks: 500_000 });
    const [receipt] = after.payments[0].receipts;
    expect(receipt).toMatchObject({
      operation: 'SELL',
      totalKopecks: 500_000,
      cashKopecks: 500_000,
      electronicKopecks: 0,
      customerContact: '+79161234567',
      lines: [
        {
          name: 'Приём кардиолога, первичный',
          priceKopecks: 250_000,
          quantity: 2,
          amountKopecks: 500_000,
          vat: 'NONE',
          paymentMethod: 'fullPayment',
          paymentObject: 'service',
        },
      ],
    });
    const printed = atol.state.receipts.at(-1)!;
    expect(receipt.fiscalSign).toBe(String(printed.fiscalParams.fiscalDocumentSign));
    expect(atol.state.receipts).toHaveLength(1);
  });

  it('a retried request with the same key never charges or prints twice', async () => {
    const inv = await newInvoice();
    const key = randomUUID();
    const first = await takePayment(h, who.cashier, {
      invoiceId: inv.id,
      method: 'CARD',
      amountKopecks: 250_000,
      idempotencyKey: key,
    });
    const again = await takePayment(h, who.cashier, {
      invoiceId: inv.id,
      method: 'CARD',
      amountKopecks: 250_000,
      idempotencyKey: key,
    });
    expect(again.data.takeDeskPayment.payment.id).toBe(first.data.takeDeskPayment.payment.id);
    const after = await invoice(h, who.cashier, inv.id);
    expect(after.payments).toHaveLength(1);
    expect(after.paidKopecks).toBe(250_000);
    expect(atol.state.executions(first.data.takeDeskPayment.payment.id)).toBe(1);
  });

  it('register down: the payment stays PENDING_FISCAL, holds its amount, and the retry prints exactly one receipt', async () => {
    const inv = await newInvoice();
    const before = atol.state.receipts.length;
    await atol.fail('down');
    const r = await takePayment(h, who.cashier, {
      invoiceId: inv.id,
      method: 'CASH',
      amountKopecks: 250_000,
    });
    const pending = r.data.takeDeskPayment.payment;
    expect(pending.status).toBe('PENDING_FISCAL');
    expect(pending.statusReason).toMatch(/Касса не отвечает/);
    expect((await invoice(h, who.cashier, inv.id)).paidKopecks).toBe(0);
    // Its amount is held: a second payment of the same invoice meanwhile is refused.
    const second = await takePayment(h, who.cashier, {
      invoiceId: inv.id,
      method: 'CARD',
      amountKopecks: 250_000,
    });
    expect(second.data.takeDeskPayment.inputErrors[0].code).toBe('INVOICE_ALREADY_PAID');
    await atol.fail(null);
    // The retry job takes payments untouched for one retry period (PAYMENT_RETRY_MS, 50 ms here).
    await new Promise((r) => setTimeout(r, 80));
    await h.service.services.retry.runOnce();
    await h.service.services.retry.runOnce();
    const after = await invoice(h, who.cashier, inv.id);
    expect(after.payments[0].status).toBe('CAPTURED');
    expect(after.paidKopecks).toBe(250_000);
    expect(atol.state.receipts.length).toBe(before + 1);
    expect(atol.state.executions(pending.id)).toBe(1);
  });

  it('refuses more than the balance, and partial payments add up', async () => {
    const inv = await newInvoice();
    const over = await takePayment(h, who.cashier, {
      invoiceId: inv.id,
      method: 'CASH',
      amountKopecks: 250_001,
    });
    expect(over.data.takeDeskPayment.inputErrors[0].code).toBe('AMOUNT_EXCEEDS_BALANCE');
    await takePayment(h, who.cashier, { invoiceId: inv.id, method: 'CASH', amountKopecks: 100_000 });
    expect((await invoice(h, who.cashier, inv.id)).status).toBe('PARTIALLY_PAID');
    await takePayment(h, who.cashier, { invoiceId: inv.id, method: 'CARD', amountKopecks: 150_000 });
    const after = await invoice(h, who.cashier, inv.id);
    expect(after).toMatchObject({ status: 'PAID', balanceKopecks: 0, paidKopecks: 250_000 });
    expect(after.payments.map((p: { receipts: unknown[] }) => p.receipts.length)).toEqual([1, 1]);
  });

  it('refunds partially then the rest, never more than paid, each with a return receipt', async () => {
    const inv = await newInvoice();
    const paid = await takePayment(h, who.cashier, {
      invoiceId: inv.id,
      method: 'CASH',
      amountKopecks: 250_000,
    });
    const paymentId = paid.data.takeDeskPayment.payment.id;
    const part = await refund(h, who.cashier, { paymentId, amountKopecks: 100_000 });
    expect(part.data.refundPayment.refund.status).toBe('DONE');
    const tooMuch = await refund(h, who.cashier, { paymentId, amountKopecks: 150_001 });
    expect(tooMuch.data.refundPayment.inputErrors[0].code).toBe('REFUND_EXCEEDS_PAID');
    const rest = await refund(h, who.accountant, { paymentId, amountKopecks: 150_000 });
    expect(rest.data.refundPayment.refund.status).toBe('DONE');
    const after = await invoice(h, who.cashier, inv.id);
    expect(after).toMatchObject({ paidKopecks: 250_000, refundedKopecks: 250_000, balanceKopecks: 250_000 });
    const receipts = after.payments[0].receipts;
    expect(
      receipts.map((r: { operation: string; totalKopecks: number }) => [r.operation, r.totalKopecks]),
    ).toEqual([
      ['SELL', 250_000],
      ['SELL_RETURN', 100_000],
      ['SELL_RETURN', 150_000],
    ]);
    expect(receipts[1].cashKopecks).toBe(100_000);
    const nothingLeft = await refund(h, who.cashier, { paymentId, amountKopecks: 1 });
    expect(nothingLeft.data.refundPayment.inputErrors[0].code).toBe('REFUND_EXCEEDS_PAID');
  });

  it('a discount needs a reason, and a cashier only up to the limit', async () => {
    const noReason = await createInvoice(h, who.cashier, who.patientId, [
      { priceItemId: priceId, discountKopecks: 10_000 },
    ]);
    expect(noReason.data.createInvoice.inputErrors.map((e: { code: string }) => e.code)).toEqual([
      'REQUIRED',
    ]);
    const big = await createInvoice(h, who.cashier, who.patientId, [
      { priceItemId: priceId, discountKopecks: 50_000, discountReason: 'Постоянный пациент' },
    ]);
    expect(big.data.createInvoice.inputErrors[0].code).toBe('DISCOUNT_NOT_ALLOWED');
    const reception = await createInvoice(h, who.receptionist, who.patientId, [
      { priceItemId: priceId, discountKopecks: 1_000, discountReason: 'Постоянный пациент' },
    ]);
    expect(reception.data.createInvoice.inputErrors[0].code).toBe('DISCOUNT_NOT_ALLOWED');
    const ok = await createInvoice(h, who.accountant, who.patientId, [
      { priceItemId: priceId, discountKopecks: 50_000, discountReason: 'Постоянный пациент' },
    ]);
    expect(ok.data.createInvoice.invoice).toMatchObject({
      totalKopecks: 200_000,
      lines: [{ discountKopecks: 50_000, amountKopecks: 200_000 }],
    });
  });

  it('100 concurrent payment attempts on one invoice: exactly one captured, one receipt', async () => {
    const inv = await newInvoice();
    const before = atol.state.receipts.length;
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        takePayment(h, who.cashier, {
          invoiceId: inv.id,
          method: i % 2 ? 'CARD' : 'CASH',
          amountKopecks: 250_000,
        }),
      ),
    );
    const captured = answers.filter((a) => a.data?.takeDeskPayment.payment?.status === 'CAPTURED');
    const refused = answers.filter(
      (a) => a.data?.takeDeskPayment.inputErrors[0]?.code === 'INVOICE_ALREADY_PAID',
    );
    expect(captured).toHaveLength(1);
    expect(refused).toHaveLength(99);
    const after = await invoice(h, who.cashier, inv.id);
    expect(after.payments).toHaveLength(1);
    expect(after.paidKopecks).toBe(250_000);
    expect(atol.state.receipts.length).toBe(before + 1);
  });

  it('closes the shift with the register’s totals; a cashier of another branch reaches neither register nor shift', async () => {
    const other = await h.tokenFor({
      role: 'cashier',
      sub: 'cashier-elsewhere',
      amr: ['pwd', 'otp'],
      bid: [randomUUID()],
    });
    const foreign = await h.query(
      `mutation($b: ID!) { closeFiscalShift(branchId: $b) { shift { open } } }`,
      { b: FIXTURE_BRANCH },
      other,
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const r = await h.query(
      `mutation($b: ID!) { closeFiscalShift(branchId: $b) { ok inputErrors { code } shift { open closedAt } } }`,
      { b: FIXTURE_BRANCH },
      who.cashier,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.closeFiscalShift.shift.open).toBe(false);
    // Closing again: the register's state answers in inputErrors, not as an error.
    const again = await h.query(
      `mutation($b: ID!) { closeFiscalShift(branchId: $b) { ok inputErrors { code } shift { open } } }`,
      { b: FIXTURE_BRANCH },
      who.cashier,
    );
    expect(again.data.closeFiscalShift).toMatchObject({
      ok: false,
      inputErrors: [{ code: 'SHIFT_NOT_OPEN' }],
      shift: null,
    });
    expect(atol.state.shift.open).toBe(false);
  });
});

describe('the price list', () => {
  it('answers the version in effect on a date; a later version replaces it from its date, an ended one disappears', async () => {
    const code = `ECG-${randomUUID().slice(0, 6)}`;
    const set = (priceKopecks: number, validFrom: string, validTo: string | null = null) =>
      h.query(
        `mutation($i: SetPriceInput!) { setPrice(input: $i) { ok inputErrors { code } } }`,
        {
          i: {
            branchId: FIXTURE_BRANCH,
            code,
            kind: 'OTHER',
            name: 'Справка для бассейна',
            priceKopecks,
            vat: 'VAT22',
            validFrom,
            validTo,
          },
        },
        who.accountant,
      );
    expect((await set(50_000, '2026-01-01')).data.setPrice.ok).toBe(true);
    expect((await set(60_000, '2026-07-01', '2026-12-01')).data.setPrice.ok).toBe(true);
    expect((await set(70_000, '2026-07-01')).data.setPrice.inputErrors[0].code).toBe('DUPLICATE');
    const on = async (day: string) =>
      (
        await h.query(
          `query($b: ID!, $on: String) { priceList(branchId: $b, on: $on) { code priceKopecks vat } }`,
          { b: FIXTURE_BRANCH, on: day },
          who.patient,
        )
      ).data.priceList.find((p: { code: string }) => p.code === code);
    expect(await on('2026-03-01')).toMatchObject({ priceKopecks: 50_000, vat: 'VAT22' });
    expect(await on('2026-08-01')).toMatchObject({ priceKopecks: 60_000 });
    expect(await on('2026-12-05')).toBeUndefined();
    const cashierSets = await h.query(
      `mutation($i: SetPriceInput!) { setPrice(input: $i) { ok } }`,
      {
        i: {
          branchId: FIXTURE_BRANCH,
          code,
          kind: 'OTHER',
          name: 'x',
          priceKopecks: 1,
          vat: 'NONE',
          validFrom: '2026-02-01',
        },
      },
      who.cashier,
    );
    expect(cashierSets.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
