import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNotification, sourceAllowed } from '../src/modules/online/notification';
import { ProviderRejectedError, ProviderUnavailableError } from '../src/modules/online/provider.port';
import { YooKassaProvider } from '../src/modules/online/yookassa.adapter';
import { startYooKassaEmulator, type YooKassaEmulator } from '../src/modules/online/yookassa-emulator';
import { closeServer, startNotificationReceiver } from './yookassa-support';

const shopId = '506751';
const secretKey = `test_${randomUUID()}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('YooKassa adapter against the emulator', () => {
  let emu: YooKassaEmulator;
  let receiver: Awaited<ReturnType<typeof startNotificationReceiver>>;
  let provider: YooKassaProvider;
  const create = (amountKopecks: number, capture = true, extra: Record<string, string> = {}) =>
    provider.createPayment(
      {
        amountKopecks,
        description: 'Счёт №1 — приём терапевта',
        returnUrl: 'https://clinic.example/pay/done',
        metadata: { invoiceId: randomUUID(), ...extra },
        capture,
      },
      randomUUID(),
    );
  const paid = async (amountKopecks: number) => {
    const p = await create(amountKopecks);
    emu.pay(p.id);
    return p;
  };

  beforeAll(async () => {
    receiver = await startNotificationReceiver();
    emu = await startYooKassaEmulator({ shopId, secretKey, notifyUrl: receiver.url });
    provider = new YooKassaProvider({ baseUrl: emu.url, shopId, secretKey, timeoutMs: 3000 });
  });
  afterAll(async () => {
    await emu.close();
    await receiver.close();
  });

  it('creates a payment with a key; the same key and body answer the same payment, no second object', async () => {
    const key = randomUUID();
    const input = {
      amountKopecks: 123456,
      description: 'Счёт №2',
      returnUrl: 'https://clinic.example/r',
      metadata: { invoiceId: randomUUID(), attemptId: key },
      capture: true,
    };
    const first = await provider.createPayment(input, key);
    expect(first).toMatchObject({
      status: 'pending',
      amountKopecks: 123456,
      currency: 'RUB',
      paid: false,
      metadata: input.metadata,
      capturedAt: null,
      refundedKopecks: 0,
    });
    expect(first.confirmationUrl).toBe(emu.checkoutUrl(first.id));
    expect(emu.payments.get(first.id)?.amount).toEqual({ value: '1234.56', currency: 'RUB' });

    const replay = await provider.createPayment(input, key);
    expect(replay).toEqual(first);
    expect([...emu.payments.values()].filter((p) => p.metadata.attemptId === key)).toHaveLength(1);

    const other = provider.createPayment({ ...input, amountKopecks: 123457 }, key);
    await expect(other).rejects.toBeInstanceOf(ProviderRejectedError);
    await expect(other).rejects.toMatchObject({ code: 'invalid_request' });
    expect([...emu.payments.values()].filter((p) => p.metadata.attemptId === key)).toHaveLength(1);
  });

  it('refuses bad credentials, a POST without Idempotence-Key, and reads unknown ids as null', async () => {
    const intruder = new YooKassaProvider({ baseUrl: emu.url, shopId, secretKey: 'wrong', timeoutMs: 3000 });
    await expect(intruder.getPayment(randomUUID())).rejects.toMatchObject({
      name: 'ProviderRejectedError',
      code: 'invalid_credentials',
    });
    await expect(intruder.settlement(new Date(0), new Date())).rejects.toBeInstanceOf(ProviderRejectedError);
    const noAuth = await fetch(`${emu.url}/payments/x`);
    expect(noAuth.status).toBe(401);

    const auth = `Basic ${Buffer.from(`${shopId}:${secretKey}`).toString('base64')}`;
    const noKey = await fetch(`${emu.url}/payments`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noKey.status).toBe(400);
    expect(await noKey.json()).toMatchObject({
      type: 'error',
      code: 'invalid_request',
      parameter: 'Idempotence-Key',
    });

    const malformed = await fetch(`${emu.url}/payments/%E0%A4%A`, { headers: { authorization: auth } });
    expect(malformed.status).toBe(400);

    expect(await provider.getPayment(randomUUID())).toBeNull();
    expect(await provider.getRefund(randomUUID())).toBeNull();
  });

  it('is paid through the checkout form, returns the payer, and notifies our endpoint', async () => {
    const p = await create(50000);
    const page = await fetch(p.confirmationUrl as string);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Оплатить');
    expect(html).toContain('Отказаться');
    expect(html).toContain('500,00 ₽');
    const action = /<form method="post" action="([^"]+\/pay)">/.exec(html)?.[1];
    expect(action).toBeDefined();

    const submit = await fetch(new URL(action as string, p.confirmationUrl as string), {
      method: 'POST',
      redirect: 'manual',
    });
    expect(submit.status).toBe(303);
    expect(submit.headers.get('location')).toBe('https://clinic.example/pay/done');

    const read = await provider.getPayment(p.id);
    expect(read).toMatchObject({
      id: p.id,
      status: 'succeeded',
      paid: true,
      amountKopecks: 50000,
      confirmationUrl: null,
    });
    expect(read?.capturedAt).toBeInstanceOf(Date);

    const note = await receiver.waitFor('payment.succeeded', p.id);
    expect(note.body.type).toBe('notification');
    expect(parseNotification(note.body)).toEqual({ ok: true, event: 'payment.succeeded', objectId: p.id });
    expect(sourceAllowed(note.remote, ['127.0.0.1/32'])).toBe(true);

    // Pressing again changes nothing and sends one notification only.
    const again = await fetch(new URL(action as string, p.confirmationUrl as string), {
      method: 'POST',
      redirect: 'manual',
    });
    expect(again.status).toBe(303);
    await sleep(50);
    expect(receiver.received.filter((n) => n.body.object?.id === p.id)).toHaveLength(1);
  });

  it('declines through the form: canceled, and notified', async () => {
    const p = await create(1000);
    const res = await fetch(`${p.confirmationUrl}/decline`, { method: 'POST', redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(await provider.getPayment(p.id)).toMatchObject({ status: 'canceled', paid: false });
    await receiver.waitFor('payment.canceled', p.id);
  });

  it('captures and cancels two-stage payments', async () => {
    const a = await create(25050, false);
    expect(emu.pay(a.id).status).toBe('waiting_for_capture');
    await receiver.waitFor('payment.waiting_for_capture', a.id);
    expect(await provider.getPayment(a.id)).toMatchObject({
      status: 'waiting_for_capture',
      paid: true,
      capturedAt: null,
    });
    const key = randomUUID();
    const captured = await provider.capturePayment(a.id, key);
    expect(captured).toMatchObject({ status: 'succeeded', amountKopecks: 25050 });
    expect(await provider.capturePayment(a.id, key)).toEqual(captured);
    await expect(provider.capturePayment(a.id, randomUUID())).rejects.toMatchObject({
      code: 'invalid_request',
    });
    await expect(provider.cancelPayment(a.id, randomUUID())).rejects.toBeInstanceOf(ProviderRejectedError);

    const b = await create(9900, false);
    await expect(provider.cancelPayment(b.id, randomUUID())).rejects.toBeInstanceOf(ProviderRejectedError); // still pending
    emu.pay(b.id);
    expect(await provider.cancelPayment(b.id, randomUUID())).toMatchObject({
      status: 'canceled',
      paid: false,
    });
    await receiver.waitFor('payment.canceled', b.id);
    await expect(provider.capturePayment(b.id, randomUUID())).rejects.toBeInstanceOf(ProviderRejectedError);
  });

  it('refunds partially, refuses more than remains, then refunds the rest', async () => {
    const p = await paid(100000);
    const key = randomUUID();
    const first = await provider.createRefund(
      { paymentId: p.id, amountKopecks: 30000, description: 'Возврат части' },
      key,
    );
    expect(first).toMatchObject({ paymentId: p.id, status: 'succeeded', amountKopecks: 30000 });
    expect(
      await provider.createRefund(
        { paymentId: p.id, amountKopecks: 30000, description: 'Возврат части' },
        key,
      ),
    ).toEqual(first);
    expect(await provider.getRefund(first.id)).toEqual(first);
    expect((await provider.getPayment(p.id))?.refundedKopecks).toBe(30000);
    await receiver.waitFor('refund.succeeded', first.id);

    const tooMuch = provider.createRefund(
      { paymentId: p.id, amountKopecks: 70001, description: 'Слишком много' },
      randomUUID(),
    );
    await expect(tooMuch).rejects.toMatchObject({ name: 'ProviderRejectedError', code: 'invalid_request' });

    await provider.createRefund(
      { paymentId: p.id, amountKopecks: 70000, description: 'Остаток' },
      randomUUID(),
    );
    expect(await provider.getPayment(p.id)).toMatchObject({ status: 'succeeded', refundedKopecks: 100000 });
    await expect(
      provider.createRefund({ paymentId: p.id, amountKopecks: 1, description: 'Ещё' }, randomUUID()),
    ).rejects.toBeInstanceOf(ProviderRejectedError);

    const unpaid = await create(500);
    await expect(
      provider.createRefund({ paymentId: unpaid.id, amountKopecks: 500, description: 'x' }, randomUUID()),
    ).rejects.toBeInstanceOf(ProviderRejectedError);
  });

  it('lists succeeded payments and refunds created in [from, to), across pages', async () => {
    const before = await paid(100);
    await sleep(5);
    const from = new Date();
    await sleep(5);
    const a = await paid(200);
    const b = await paid(300);
    const pending = await create(400);
    const declined = await create(500);
    emu.decline(declined.id);
    const refund = await provider.createRefund(
      { paymentId: a.id, amountKopecks: 50, description: 'Возврат' },
      randomUUID(),
    );
    await sleep(5);
    const to = new Date();
    await sleep(5);
    const after = await paid(600);

    const paged = new YooKassaProvider({
      baseUrl: emu.url,
      shopId,
      secretKey,
      timeoutMs: 3000,
      listPageSize: 1,
    });
    const s = await paged.settlement(from, to);
    expect(s.payments.map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    expect(s.refunds).toEqual([refund]);
    expect(s.payments.find((p) => p.id === a.id)).toMatchObject({ amountKopecks: 200, refundedKopecks: 50 });
    // The same window read in one page gives the same answer; what lies outside never appears.
    expect(await provider.settlement(from, to)).toEqual(s);
    const ids = new Set(s.payments.map((p) => p.id));
    for (const outside of [before, pending, declined, after]) expect(ids.has(outside.id)).toBe(false);
  });

  it('reports a provider that is down, failing or silent as unavailable, and recovers', async () => {
    const p = await create(700);
    emu.fail('down');
    await expect(create(700)).rejects.toBeInstanceOf(ProviderUnavailableError);
    await expect(provider.getPayment(p.id)).rejects.toBeInstanceOf(ProviderUnavailableError);
    emu.fail('5xx');
    await expect(
      provider.createRefund({ paymentId: p.id, amountKopecks: 1, description: 'x' }, randomUUID()),
    ).rejects.toBeInstanceOf(ProviderUnavailableError);
    await expect(provider.settlement(new Date(0), new Date())).rejects.toBeInstanceOf(
      ProviderUnavailableError,
    );
    emu.fail(null);
    expect(await provider.getPayment(p.id)).toMatchObject({ id: p.id, status: 'pending' });

    const silent = createServer(() => {}); // accepts, never answers
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const slow = new YooKassaProvider({
        baseUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/v3`,
        shopId,
        secretKey,
        timeoutMs: 200,
      });
      await expect(slow.getPayment(p.id)).rejects.toThrow(
        new ProviderUnavailableError('payment provider timed out'),
      );
    } finally {
      await closeServer(silent);
    }
  });
});
