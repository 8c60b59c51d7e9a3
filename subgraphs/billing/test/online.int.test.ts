import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AtolEmulator, startAtolEmulator } from '../src/modules/fiscal/atol-emulator';
import { startYooKassaEmulator, type YooKassaEmulator } from '../src/modules/online/yookassa-emulator';
import { NOTIFICATION_PATH } from '../src/modules/payments/notifications.route';
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

// Online payments through the YooKassa protocol (the emulator over real HTTP), electronic receipts
// on the online register, notifications checked by source network and re-read from the provider.
let h: BillingHarness;
let desk: AtolEmulator;
let cloud: AtolEmulator;
let kassa: YooKassaEmulator;
let who: Awaited<ReturnType<typeof people>>;
let priceId: string;

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
      // The emulator posts from 127.0.0.1; anything else is "outside the provider's networks".
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

const newInvoice = async () =>
  (await createInvoice(h, who.cashier, who.patientId, [{ priceItemId: priceId }])).data.createInvoice.invoice;

const payOnline = (invoiceId: string, token = who.patient, idempotencyKey = randomUUID()) =>
  h.query(
    `mutation($i: PayInvoiceOnlineInput!) { payInvoiceOnline(input: $i) { ok inputErrors { code } payment { id status confirmationUrl amountKopecks } } }`,
    { i: { invoiceId, idempotencyKey } },
    token,
  );

const providerIdOf = (paymentId: string) =>
  [...kassa.payments.values()].find((p) => p.metadata?.paymentId === paymentId)!.id;

async function until<T>(f: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const v = await f();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition not reached');
}

/** Posts a notification as if from `localAddress` (127.0.0.2 is loopback, but not the provider's network). */
function notify(body: unknown, localAddress = '127.0.0.1') {
  const url = new URL(`${h.baseUrl}${NOTIFICATION_PATH}`);
  return new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const verdicts = async () =>
  (await h.service.stores.payments.notifications()).map((n) => `${n.verdict}:${n.objectId}`);

describe('online payments', () => {
  it('the patient pays at the provider: captured once, in the ledger, with an electronic receipt', async () => {
    const inv = await newInvoice();
    const started = await payOnline(inv.id);
    expect(started.errors).toBeUndefined();
    const payment = started.data.payInvoiceOnline.payment;
    expect(payment).toMatchObject({ status: 'AWAITING_PAYER', amountKopecks: 250_000 });
    expect(payment.confirmationUrl).toBe(kassa.checkoutUrl(providerIdOf(payment.id)));
    // The checkout page the patient is sent to answers (Russian, with the pay button).
    const page = await fetch(payment.confirmationUrl);
    expect(await page.text()).toMatch(/Оплатить/);
    kassa.pay(providerIdOf(payment.id));
    const paid = await until(
      () => invoice(h, who.patient, inv.id),
      (i) => i.status === 'PAID' && i.payments[0].receipts.length === 1,
    );
    expect(paid.paidKopecks).toBe(250_000);
    expect(paid.payments[0]).toMatchObject({ method: 'ONLINE', status: 'CAPTURED' });
    expect(paid.payments[0].receipts[0]).toMatchObject({
      operation: 'SELL',
      electronicKopecks: 250_000,
      cashKopecks: 0,
    });
    expect(kassa.payments.get(providerIdOf(payment.id))!.status).toBe('succeeded');
    expect(cloud.state.receipts).toHaveLength(1);
  });

  it('a retried start returns the same payment; the provider holds one payment for it', async () => {
    const inv = await newInvoice();
    const key = randomUUID();
    const a = await payOnline(inv.id, who.patient, key);
    const b = await payOnline(inv.id, who.patient, key);
    const c = await payOnline(inv.id);
    expect(b.data.payInvoiceOnline.payment.id).toBe(a.data.payInvoiceOnline.payment.id);
    expect(c.data.payInvoiceOnline.payment.id).toBe(a.data.payInvoiceOnline.payment.id);
    expect([...kassa.payments.values()].filter((p) => p.metadata?.invoiceId === inv.id)).toHaveLength(1);
  });

  it('another patient cannot start a payment of this invoice (answers as a missing one)', async () => {
    const inv = await newInvoice();
    const stranger = await h.tokenFor({ role: 'patient', sub: randomUUID(), pid: randomUUID() });
    const r = await payOnline(inv.id, stranger);
    expect(r.data.payInvoiceOnline.inputErrors.map((e: { code: string }) => e.code)).toEqual(['NOT_FOUND']);
  });

  it('forged notifications are ignored and recorded: wrong source, unknown payment, a state the provider does not confirm', async () => {
    const inv = await newInvoice();
    const payment = (await payOnline(inv.id)).data.payInvoiceOnline.payment;
    const providerId = providerIdOf(payment.id);
    const claim = {
      type: 'notification',
      event: 'payment.succeeded',
      object: { id: providerId, status: 'succeeded', paid: true },
    };
    expect(await notify(claim, '127.0.0.2')).toBe(403);
    expect(await notify({ ...claim, object: { id: 'not-a-payment-of-ours' } })).toBe(200);
    // From the right network, but the provider says the payment is still pending.
    expect(await notify(claim)).toBe(200);
    expect((await invoice(h, who.cashier, inv.id)).paidKopecks).toBe(0);
    const seen = await verdicts();
    expect(seen).toContain('WRONG_SOURCE:null');
    expect(seen).toContain('UNKNOWN_PAYMENT:not-a-payment-of-ours');
    expect(seen).toContain(`NOT_CONFIRMED:${providerId}`);
  });

  it('duplicate notifications change nothing', async () => {
    const inv = await newInvoice();
    const payment = (await payOnline(inv.id)).data.payInvoiceOnline.payment;
    const providerId = providerIdOf(payment.id);
    kassa.pay(providerId);
    await until(
      () => invoice(h, who.cashier, inv.id),
      (i) => i.status === 'PAID',
    );
    for (let i = 0; i < 3; i++)
      expect(
        await notify({ type: 'notification', event: 'payment.succeeded', object: { id: providerId } }),
      ).toBe(200);
    const after = await invoice(h, who.cashier, inv.id);
    expect(after.paidKopecks).toBe(250_000);
    expect(after.payments).toHaveLength(1);
    expect(after.payments[0].receipts).toHaveLength(1);
  });

  it('paid at the desk while the patient was at the checkout: the online authorisation is released, nothing charged twice', async () => {
    const inv = await newInvoice();
    const payment = (await payOnline(inv.id)).data.payInvoiceOnline.payment;
    const providerId = providerIdOf(payment.id);
    kassa.setNotifyUrl(null);
    kassa.pay(providerId); // authorised (waiting for capture); our notification is "lost"
    const atDesk = await takePayment(h, who.cashier, {
      invoiceId: inv.id,
      method: 'CARD',
      amountKopecks: 250_000,
    });
    expect(atDesk.data.takeDeskPayment.payment.status).toBe('CAPTURED');
    // The retry job re-reads payments untouched for one retry period (PAYMENT_RETRY_MS, 50 ms here).
    await new Promise((r) => setTimeout(r, 80));
    await h.service.services.retry.runOnce(); // re-reads waiting payments
    kassa.setNotifyUrl(`${h.baseUrl}${NOTIFICATION_PATH}`);
    const after = await until(
      () => invoice(h, who.cashier, inv.id),
      (i) => i.payments.some((p: { status: string }) => p.status === 'CANCELED'),
    );
    expect(after.paidKopecks).toBe(250_000);
    expect(
      after.payments.map((p: { method: string; status: string }) => `${p.method}:${p.status}`).sort(),
    ).toEqual(['CARD:CAPTURED', 'ONLINE:CANCELED']);
    expect(kassa.payments.get(providerId)!.status).toBe('canceled');
  });

  it('a lost notification is made up by the retry job re-reading the provider', async () => {
    const inv = await newInvoice();
    const payment = (await payOnline(inv.id)).data.payInvoiceOnline.payment;
    kassa.setNotifyUrl(null);
    kassa.pay(providerIdOf(payment.id));
    await new Promise((r) => setTimeout(r, 80));
    await h.service.services.retry.runOnce();
    kassa.setNotifyUrl(`${h.baseUrl}${NOTIFICATION_PATH}`);
    expect((await invoice(h, who.cashier, inv.id)).status).toBe('PAID');
  });

  it('refunds an online payment at the provider with a return receipt', async () => {
    const inv = await newInvoice();
    const payment = (await payOnline(inv.id)).data.payInvoiceOnline.payment;
    kassa.pay(providerIdOf(payment.id));
    await until(
      () => invoice(h, who.cashier, inv.id),
      (i) => i.status === 'PAID' && i.payments[0].receipts.length === 1,
    );
    const r = await refund(h, who.accountant, { paymentId: payment.id, amountKopecks: 100_000 });
    expect(r.data.refundPayment.refund.status).toBe('DONE');
    expect(kassa.payments.get(providerIdOf(payment.id))!.refunded_amount?.value).toBe('1000.00');
    const after = await invoice(h, who.cashier, inv.id);
    expect(after.refundedKopecks).toBe(100_000);
    expect(after.payments[0].receipts.map((x: { operation: string }) => x.operation)).toEqual([
      'SELL',
      'SELL_RETURN',
    ]);
  });
});
