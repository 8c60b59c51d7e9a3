import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AtolEmulator, startAtolEmulator } from '../src/modules/fiscal/atol-emulator';
import { startYooKassaEmulator, type YooKassaEmulator } from '../src/modules/online/yookassa-emulator';
import { NOTIFICATION_PATH } from '../src/modules/payments/notifications.route';
import { createInvoice, invoice, openShift, people, priceConsultation } from './billing-helpers';
import { type BillingHarness, startBillingSubgraph } from './harness';

// Attacks on the provider's notification endpoint: forged sources, forged bodies claiming success,
// ids of other shops' payments, floods and huge bodies. Only the provider's answer may move money,
// and nothing is parsed or asked before the source check.
let h: BillingHarness;
let desk: AtolEmulator;
let cloud: AtolEmulator;
let kassa: YooKassaEmulator;
let who: Awaited<ReturnType<typeof people>>;
let priceId: string;

beforeAll(async () => {
  [desk, cloud] = await Promise.all([startAtolEmulator(), startAtolEmulator()]);
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
  who = await people(h);
  priceId = await priceConsultation(h, who.accountant);
  await openShift(h, who.cashier);
});
afterAll(async () => {
  await h?.stop();
  await Promise.all([desk?.close(), cloud?.close(), kassa?.close()]);
});

/** POSTs raw bytes to the endpoint from `localAddress` (127.0.0.2: loopback, outside the networks). */
function post(body: string | Buffer, localAddress = '127.0.0.1', headers: Record<string, string> = {}) {
  const url = new URL(`${h.baseUrl}${NOTIFICATION_PATH}`);
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      },
    );
    // The server may answer and close before it has read a refused body.
    req.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'EPIPE' || e.code === 'ECONNRESET' ? resolve({ status: -1, text: '' }) : reject(e),
    );
    req.end(body);
  });
}
const notification = (event: string, id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'notification', event, object: { id, ...extra } });

/** The recorded verdicts, newest first. */
const verdicts = async () => (await h.service.stores.payments.notifications()).map((n) => n.verdict);
const latest = async () => (await verdicts())[0];

async function awaitingPayment() {
  const inv = (await createInvoice(h, who.cashier, who.patientId, [{ priceItemId: priceId }])).data
    .createInvoice.invoice;
  const r = await h.query(
    `mutation($i: PayInvoiceOnlineInput!) { payInvoiceOnline(input: $i) { payment { id status } } }`,
    { i: { invoiceId: inv.id, idempotencyKey: randomUUID() } },
    who.patient,
  );
  const payment = r.data.payInvoiceOnline.payment;
  const providerId = [...kassa.payments.values()].find((p) => p.metadata?.paymentId === payment.id)!.id;
  return { invoiceId: inv.id as string, paymentId: payment.id as string, providerId };
}

describe('the notification endpoint under attack', () => {
  it('a forged source is refused before its body is read: huge or malformed bodies answer 403 too', async () => {
    const { providerId } = await awaitingPayment();
    const huge = notification('payment.succeeded', providerId, { pad: 'x'.repeat(2 << 20) });
    const answers = [
      await post(notification('payment.succeeded', providerId), '127.0.0.2'),
      await post('{"type": "notification", "event": ', '127.0.0.2'),
      await post(huge, '127.0.0.2'),
    ];
    // Forwarding headers are not a source: only the peer's address counts.
    const spoofed = {
      'x-forwarded-for': '185.71.76.1',
      forwarded: 'for=185.71.76.1',
      'x-real-ip': '185.71.76.1',
    };
    answers.push(await post(notification('payment.succeeded', providerId), '127.0.0.2', spoofed));
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403]);
    expect((await verdicts()).slice(0, 4)).toEqual(Array(4).fill('WRONG_SOURCE'));
    for (const a of answers) expect(a.text).not.toMatch(/INTERNAL|stack|at .*\.ts/);
  });

  it('a flood from outside the networks asks the provider nothing and moves no money', async () => {
    const { invoiceId, paymentId, providerId } = await awaitingPayment();
    kassa.pay(providerId); // the payer really authorised it; only the provider may tell us so
    kassa.fail('down'); // any call to the provider would now fail loudly (503 from the route)
    try {
      const answers = await Promise.all(
        Array.from({ length: 50 }, () =>
          post(notification('payment.waiting_for_capture', providerId), '127.0.0.2'),
        ),
      );
      expect(new Set(answers.map((a) => a.status))).toEqual(new Set([403]));
    } finally {
      kassa.fail(null);
    }
    const [payment] = (await h.service.stores.payments.byIds([paymentId])).values();
    expect(payment!.status).toBe('AWAITING_PAYER');
    expect((await invoice(h, who.cashier, invoiceId)).paidKopecks).toBe(0);
  });

  it('a body from the provider network claiming success is not trusted: the provider says pending', async () => {
    const { invoiceId, paymentId, providerId } = await awaitingPayment();
    const forged = notification('payment.succeeded', providerId, {
      status: 'succeeded',
      paid: true,
      amount: { value: '2500.00', currency: 'RUB' },
    });
    expect((await post(forged)).status).toBe(200);
    expect(await latest()).toBe('NOT_CONFIRMED');
    const [payment] = (await h.service.stores.payments.byIds([paymentId])).values();
    expect(payment!.status).toBe('AWAITING_PAYER');
    expect((await invoice(h, who.cashier, invoiceId)).paidKopecks).toBe(0);
  });

  it("another shop's payment id, a made-up refund and odd ids change nothing and are recorded", async () => {
    kassa.fail('down'); // an unknown payment must not even be looked up at the provider
    try {
      expect(
        (await post(notification('payment.succeeded', '2419a771-000f-5000-9000-1edaf29243f2'))).status,
      ).toBe(200);
    } finally {
      kassa.fail(null);
    }
    expect(await latest()).toBe('UNKNOWN_PAYMENT');
    expect((await post(notification('refund.succeeded', randomUUID()))).status).toBe(200);
    expect(await latest()).toBe('NOT_CONFIRMED');
    for (const id of ['../../v3/payments', 'a'.repeat(65), '']) {
      const r = await post(notification('payment.succeeded', id));
      expect(r.status).toBe(400);
      expect(await latest()).toBe('MALFORMED');
    }
  });

  it('a huge body from the provider network is refused as too large, not as an internal error', async () => {
    const r = await post(notification('payment.succeeded', 'x', { pad: 'x'.repeat(1 << 20) }));
    expect([400, 413, -1]).toContain(r.status);
    expect(r.text).not.toMatch(/INTERNAL|stack|at .*\.ts/);
  });
});
