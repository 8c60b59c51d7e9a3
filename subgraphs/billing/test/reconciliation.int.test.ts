import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AtolEmulator, startAtolEmulator } from '../src/modules/fiscal/atol-emulator';
import { AtolWebServerRegister } from '../src/modules/fiscal/atol-web-server.adapter';
import { runFiscalTask } from '../src/modules/fiscal/registers';
import { YooKassaProvider } from '../src/modules/online/yookassa.adapter';
import { startYooKassaEmulator, type YooKassaEmulator } from '../src/modules/online/yookassa-emulator';
import { NOTIFICATION_PATH } from '../src/modules/payments/notifications.route';
import { FIXTURE_BRANCH } from '../src/testing';
import {
  createInvoice,
  invoice,
  openShift,
  people,
  priceConsultation,
  refund,
  staff,
  takePayment,
} from './billing-helpers';
import { type BillingHarness, startBillingSubgraph } from './harness';

// The daily reconciliation of a branch on a day of its own (a fresh database and emulators): the
// ledger against the desk register's shift report and the provider's settlement, over real HTTP.
let h: BillingHarness;
let desk: AtolEmulator;
let cloud: AtolEmulator;
let kassa: YooKassaEmulator;
let who: Awaited<ReturnType<typeof people>>;
let priceId: string;
const today = DateTime.now().setZone('Europe/Moscow').toISODate()!;

beforeAll(async () => {
  desk = await startAtolEmulator();
  cloud = await startAtolEmulator();
  kassa = await startYooKassaEmulator({ shopId: '100500', secretKey: 'test_secret' });
  h = await startBillingSubgraph({
    env: {
      FISCAL_REGISTER_URL: desk.url,
      ONLINE_FISCAL_URL: cloud.url,
      YOOKASSA_URL: kassa.url,
      YOOKASSA_SHOP_ID: '100500',
      YOOKASSA_SECRET_KEY: 'test_secret',
      PAYMENT_NOTIFICATION_NETWORKS: '127.0.0.1/32',
    },
  });
  kassa.setNotifyUrl(`${h.baseUrl}${NOTIFICATION_PATH}`);
  who = await people(h);
  priceId = await priceConsultation(h, who.accountant);
  await openShift(h, who.cashier);
});
afterAll(async () => {
  await h?.stop();
  await Promise.all([desk?.close(), cloud?.close(), kassa?.close()]);
});

const TOTALS = 'sellCashKopecks sellElectronicKopecks returnCashKopecks returnElectronicKopecks receiptCount';
const RECONCILIATION = `query($b: ID!, $d: String!) { reconciliation(branchId: $b, day: $d) {
  branchId day registerId balanced checkedAt
  ledger { method paymentsCount paymentsKopecks refundsCount refundsKopecks netKopecks }
  shifts { registerId shiftNumber open source report { ${TOTALS} } ledger { ${TOTALS} } }
  settlement { configured available paymentsCount paymentsKopecks refundsCount refundsKopecks }
  discrepancies { code message paymentId refundId providerPaymentId registerId shiftNumber expectedKopecks actualKopecks } } }`;

async function reconcile(token = who.accountant) {
  const r = await h.query(RECONCILIATION, { b: FIXTURE_BRANCH, d: today }, token);
  expect(r.errors).toBeUndefined();
  return r.data.reconciliation;
}
const codes = (r: { discrepancies: Array<{ code: string }> }) => r.discrepancies.map((d) => d.code).sort();

const newInvoice = async () => {
  const r = await createInvoice(h, who.cashier, who.patientId, [{ priceItemId: priceId }]);
  return r.data.createInvoice.invoice as { id: string };
};

async function until<T>(f: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const v = await f();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition not reached');
}

describe('daily reconciliation', () => {
  it('a day of cash, card and online payments and a refund adds up: no discrepancies', async () => {
    const cash = await newInvoice();
    const paid = await takePayment(h, who.cashier, {
      invoiceId: cash.id,
      method: 'CASH',
      amountKopecks: 250_000,
    });
    const card = await newInvoice();
    await takePayment(h, who.cashier, { invoiceId: card.id, method: 'CARD', amountKopecks: 250_000 });
    const online = await newInvoice();
    const started = await h.query(
      `mutation($i: PayInvoiceOnlineInput!) { payInvoiceOnline(input: $i) { payment { id } } }`,
      { i: { invoiceId: online.id, idempotencyKey: randomUUID() } },
      who.patient,
    );
    const ourId = started.data.payInvoiceOnline.payment.id;
    kassa.pay([...kassa.payments.values()].find((p) => p.metadata?.paymentId === ourId)!.id);
    await until(
      () => invoice(h, who.cashier, online.id),
      (i) => i.status === 'PAID' && i.payments[0].receipts.length === 1,
    );
    const back = await refund(h, who.cashier, {
      paymentId: paid.data.takeDeskPayment.payment.id,
      amountKopecks: 100_000,
    });
    expect(back.data.refundPayment.refund.status).toBe('DONE');

    const r = await reconcile();
    expect(r.discrepancies).toEqual([]);
    expect(r.balanced).toBe(true);
    expect(r).toMatchObject({ branchId: FIXTURE_BRANCH, day: today, registerId: 'desk' });
    expect(r.ledger).toEqual([
      {
        method: 'CASH',
        paymentsCount: 1,
        paymentsKopecks: 250_000,
        refundsCount: 1,
        refundsKopecks: 100_000,
        netKopecks: 150_000,
      },
      {
        method: 'CARD',
        paymentsCount: 1,
        paymentsKopecks: 250_000,
        refundsCount: 0,
        refundsKopecks: 0,
        netKopecks: 250_000,
      },
      {
        method: 'ONLINE',
        paymentsCount: 1,
        paymentsKopecks: 250_000,
        refundsCount: 0,
        refundsKopecks: 0,
        netKopecks: 250_000,
      },
    ]);
    // The open shift's report is asked from the register now, and equals our receipts of it.
    const expected = {
      sellCashKopecks: 250_000,
      sellElectronicKopecks: 250_000,
      returnCashKopecks: 100_000,
      returnElectronicKopecks: 0,
      receiptCount: 3,
    };
    expect(r.shifts).toEqual([
      {
        registerId: 'desk',
        shiftNumber: desk.state.shift.number,
        open: true,
        source: 'LIVE',
        report: expected,
        ledger: expected,
      },
    ]);
    expect(r.settlement).toEqual({
      configured: true,
      available: true,
      paymentsCount: 1,
      paymentsKopecks: 250_000,
      refundsCount: 0,
      refundsKopecks: 0,
    });
    // Aggregates and opaque payment ids only: never the patient.
    expect(JSON.stringify(r)).not.toContain(who.patientId);
  });

  it('is for accountants and the branch’s cashiers only', async () => {
    expect((await reconcile(who.cashier)).balanced).toBe(true);
    const elsewhere = await h.tokenFor(staff('cashier', { bid: [randomUUID()] }));
    const other = await h.query(RECONCILIATION, { b: FIXTURE_BRANCH, d: today }, elsewhere);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const token of [who.doctor, who.patient, who.receptionist]) {
      const r = await h.query(RECONCILIATION, { b: FIXTURE_BRANCH, d: today }, token);
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('lists a payment left PENDING_FISCAL (and the register not answering), and is clean once it is printed', async () => {
    const inv = await newInvoice();
    await desk.fail('down');
    const r = await takePayment(h, who.cashier, {
      invoiceId: inv.id,
      method: 'CASH',
      amountKopecks: 250_000,
    });
    const pending = r.data.takeDeskPayment.payment;
    expect(pending.status).toBe('PENDING_FISCAL');
    const during = await reconcile();
    expect(codes(during)).toEqual(['PAYMENT_PENDING_FISCAL', 'REGISTER_UNAVAILABLE']);
    const listed = during.discrepancies.find((d: { code: string }) => d.code === 'PAYMENT_PENDING_FISCAL');
    expect(listed).toMatchObject({ paymentId: pending.id, registerId: 'desk', expectedKopecks: 250_000 });
    expect(listed.message).toMatch(/ждёт кассового чека/);
    expect(during.shifts[0].source).toBe('NONE');

    await desk.fail(null);
    await new Promise((r) => setTimeout(r, 80));
    await h.service.services.retry.runOnce();
    expect((await invoice(h, who.cashier, inv.id)).status).toBe('PAID');
    expect((await reconcile()).discrepancies).toEqual([]);
  });

  it('a receipt printed at the register outside the system shows as a shift mismatch, also in the closing report', async () => {
    const register = new AtolWebServerRegister({ baseUrl: desk.url, timeoutMs: 2000 });
    const outcome = await runFiscalTask(
      register,
      randomUUID(),
      {
        type: 'receipt',
        receipt: {
          operation: 'sell',
          lines: [
            {
              name: 'Справка для бассейна',
              priceKopecks: 50_000,
              quantity: 1,
              amountKopecks: 50_000,
              measurementUnit: 'piece',
              vat: 'none',
              paymentMethod: 'fullPayment',
              paymentObject: 'service',
            },
          ],
          payments: [{ type: 'cash', sumKopecks: 50_000 }],
          totalKopecks: 50_000,
          operatorName: 'Кассир',
        },
      },
      { waitMs: 3000 },
    );
    expect(outcome.status).toBe('done');
    const live = await reconcile();
    expect(codes(live)).toEqual(['SHIFT_TOTALS_MISMATCH', 'SHIFT_TOTALS_MISMATCH']);
    const [money, count] = live.discrepancies;
    expect(money).toMatchObject({ registerId: 'desk', expectedKopecks: 500_000, actualKopecks: 550_000 });
    expect(money.message).toMatch(/продажи наличными по отчёту кассы 5\s500,00\s₽, по учёту 5\s000,00\s₽/);
    expect(count.message).toMatch(/число чеков по отчёту кассы 5, по учёту 4/);

    const closed = await h.query(
      `mutation($b: ID!) { closeFiscalShift(branchId: $b) { shift { open } } }`,
      { b: FIXTURE_BRANCH },
      who.cashier,
    );
    expect(closed.data.closeFiscalShift.shift.open).toBe(false);
    const after = await reconcile();
    expect(after.shifts[0]).toMatchObject({ open: false, source: 'CLOSE_REPORT' });
    expect(after.shifts[0].report.sellCashKopecks).toBe(550_000);
    expect(codes(after)).toEqual(['SHIFT_TOTALS_MISMATCH', 'SHIFT_TOTALS_MISMATCH']);
  });

  it('lists a provider payment unknown to us', async () => {
    const stranger = new YooKassaProvider({ baseUrl: kassa.url, shopId: '100500', secretKey: 'test_secret' });
    const created = await stranger.createPayment(
      {
        amountKopecks: 77_700,
        description: 'Не наш платёж',
        returnUrl: 'http://127.0.0.1/',
        metadata: {},
        capture: true,
      },
      randomUUID(),
    );
    kassa.pay(created.id);
    const r = await reconcile();
    const unknown = r.discrepancies.filter((d: { code: string }) => d.code === 'PROVIDER_PAYMENT_UNKNOWN');
    expect(unknown).toEqual([
      expect.objectContaining({ providerPaymentId: created.id, actualKopecks: 77_700, paymentId: null }),
    ]);
    expect(unknown[0].message).toMatch(/у нас такого платежа нет/);
    expect(r.settlement).toMatchObject({ paymentsCount: 2, paymentsKopecks: 327_700 });
  });

  it('lists a captured desk payment whose money is in the ledger without a receipt', async () => {
    const inv = await newInvoice();
    const id = randomUUID();
    // A record written past the payment flow (a hand fix in the database): captured, no receipt.
    await h.service.database.tx(async () => {
      await h.service.stores.payments.insert({
        id,
        invoiceId: inv.id,
        patientId: who.patientId,
        method: 'CARD',
        amountKopecks: 250_000,
        status: 'PENDING_FISCAL',
        statusReason: null,
        registerId: 'desk',
        providerPaymentId: null,
        confirmationUrl: null,
        customerContact: null,
        createdBy: 'test',
      });
      await h.service.stores.payments.transition(id, ['PENDING_FISCAL'], 'CAPTURED');
      await h.service.stores.invoices.ledger(inv.id, 'PAYMENT', 250_000, 'test', { paymentId: id });
    });
    const r = await reconcile();
    expect(r.discrepancies.filter((d: { code: string }) => d.code === 'PAYMENT_WITHOUT_RECEIPT')).toEqual([
      expect.objectContaining({ paymentId: id, expectedKopecks: 250_000 }),
    ]);
    expect(r.ledger.find((l: { method: string }) => l.method === 'CARD').paymentsKopecks).toBe(500_000);
  });
});
