import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AtolEmulator, startAtolEmulator } from '../src/modules/fiscal/atol-emulator';
import { NO_VISIT_NOTE } from '../src/modules/invoices/lab-orders.service';
import { INVOICE_FIELDS, openShift, refund, staff, takePayment } from './billing-helpers';
import { type BillingHarness, startBillingSubgraph } from './harness';

/**
 * Lab orders become invoices from the lab's events, the branch taken from the schedule's
 * appointment facts — both posted to billing's HTTP inbox as the producers' relays do.
 */
let h: BillingHarness;
let atol: AtolEmulator;
let accountant: string;
let cashier: string;
beforeAll(async () => {
  // One register for every branch (the orders' branches are random): payments of cancelled orders.
  atol = await startAtolEmulator();
  h = await startBillingSubgraph({ env: { FISCAL_REGISTER_URL: atol.url } });
  accountant = await h.tokenFor(staff('accountant'));
  cashier = await h.tokenFor(staff('cashier'));
  await openShift(h, cashier);
});
afterAll(async () => {
  await h?.stop();
  await atol?.close();
});

type Event = { id: string; type: string; occurredAt: string; payload: Record<string, unknown> };
const event = (type: string, payload: Record<string, unknown>, at = new Date()): Event => ({
  id: randomUUID(),
  type,
  occurredAt: at.toISOString(),
  payload,
});

async function post(producer: 'schedule' | 'lab', events: Event[]) {
  const token = await h.tokenFor({ role: 'service', scope: `events:write:${producer}` });
  const res = await fetch(`${h.baseUrl}/internal/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ events }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A visit of the patient with the doctor at the branch, checked in `startsAt`. */
const checkedIn = (v: { patientId: string; doctor: string; branchId: string; startsAt: Date }) =>
  event('appointment.checked_in', {
    appointmentId: randomUUID(),
    patientId: v.patientId,
    doctorAccountId: v.doctor,
    branchId: v.branchId,
    serviceId: randomUUID(),
    startsAt: v.startsAt.toISOString(),
    endsAt: new Date(v.startsAt.getTime() + 1_800_000).toISOString(),
    status: 'CHECKED_IN',
  });

const placed = (o: { patientId: string; doctor: string; at: Date; tests: Array<[string | null, string]> }) =>
  event('lab.order_placed', {
    orderId: randomUUID(),
    patientId: o.patientId,
    orderedBy: o.doctor,
    orderedAt: o.at.toISOString(),
    tests: o.tests.map(([priceReference, name]) => ({ testId: randomUUID(), priceReference, name })),
  });

async function labPrice(branchId: string, refId: string, name: string, priceKopecks: number) {
  const r = await h.query(
    'mutation($i: SetPriceInput!) { setPrice(input: $i) { ok inputErrors { field code } } }',
    {
      i: {
        branchId,
        code: `LAB-${randomUUID().slice(0, 6)}`,
        kind: 'LAB_TEST',
        refId,
        name,
        priceKopecks,
        vat: 'NONE',
        validFrom: '2026-01-01',
      },
    },
    accountant,
  );
  expect(r.data.setPrice).toEqual({ ok: true, inputErrors: [] });
}

const invoicesOf = async (patientId: string) =>
  (
    await h.query(
      `query($p: ID!) { invoices(patientId: $p) { ${INVOICE_FIELDS} source sourceId branchId } }`,
      { p: patientId },
      cashier,
    )
  ).data.invoices as Array<Record<string, any>>;

const unbilled = async (branchId?: string) =>
  (
    await h.query(
      'query($b: ID) { unbilledLabOrders(branchId: $b) { orderId patientId branchId orderedBy note tests { priceReference name } } }',
      { b: branchId ?? null },
      cashier,
    )
  ).data.unbilledLabOrders as Array<Record<string, any>>;

const charges = async (sourceId: string) =>
  Number(
    (
      await h.service.database.query<{ n: number }>(
        `select count(*)::int as n from ledger_entry e join invoice i on i.id = e.invoice_id
          where i.source = 'LAB_ORDER' and i.source_id = $1 and e.kind = 'CHARGE'`,
        [sourceId],
      )
    )[0]!.n,
  );

describe('lab orders invoiced from the lab events', () => {
  it('bills the tests at the branch of the visit closest to the order, exactly once on a replay', async () => {
    const [patientId, doctor, branchId, otherBranch] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    const [k, crea] = [`K-${randomUUID().slice(0, 6)}`, `CREA-${randomUUID().slice(0, 6)}`];
    await labPrice(branchId, k, 'Калий (K+)', 45_000);
    await labPrice(branchId, crea, 'Креатинин', 38_000);
    await labPrice(otherBranch, k, 'Калий (K+)', 99_000);
    const at = new Date(Date.now() - 3_600_000);
    // Two visits that day with the doctor: the one at the branch starts closer to the order.
    const near = checkedIn({ patientId, doctor, branchId, startsAt: new Date(at.getTime() - 600_000) });
    const far = checkedIn({
      patientId,
      doctor,
      branchId: otherBranch,
      startsAt: new Date(at.getTime() - 7_200_000),
    });
    expect((await post('schedule', [near, far])).status).toBe(200);
    const order = placed({
      patientId,
      doctor,
      at,
      tests: [
        [k, 'Калий'],
        [crea, 'Креатинин'],
      ],
    });
    expect((await post('lab', [order])).body).toEqual({ received: 1, applied: 1 });
    expect((await post('lab', [order])).body).toEqual({ received: 1, applied: 0 });
    // The same order again under another event id (the producer's resend): still one invoice.
    expect((await post('lab', [{ ...order, id: randomUUID() }])).body).toEqual({ received: 1, applied: 1 });

    const invoices = await invoicesOf(patientId);
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({
      source: 'LAB_ORDER',
      sourceId: order.payload.orderId,
      branchId,
      totalKopecks: 83_000,
      balanceKopecks: 83_000,
      status: 'UNPAID',
    });
    expect(invoices[0]!.lines).toEqual([
      {
        name: 'Калий (K+)',
        unitPriceKopecks: 45_000,
        quantity: 1,
        discountKopecks: 0,
        amountKopecks: 45_000,
        vat: 'NONE',
      },
      {
        name: 'Креатинин',
        unitPriceKopecks: 38_000,
        quantity: 1,
        discountKopecks: 0,
        amountKopecks: 38_000,
        vat: 'NONE',
      },
    ]);
    expect(await charges(String(order.payload.orderId))).toBe(1);
    expect((await unbilled()).map((o) => o.orderId)).not.toContain(order.payload.orderId);
  });

  it('without a visit the order waits for the cashier; a visit fact arriving later bills it', async () => {
    const [patientId, doctor, branchId] = [randomUUID(), randomUUID(), randomUUID()];
    const ref = `K-${randomUUID().slice(0, 6)}`;
    await labPrice(branchId, ref, 'Калий (K+)', 45_000);
    const at = new Date(Date.now() - 3_600_000);
    // A visit two days earlier does not count, nor one only booked.
    const old = checkedIn({ patientId, doctor, branchId, startsAt: new Date(at.getTime() - 48 * 3_600_000) });
    const booked = {
      ...checkedIn({ patientId, doctor, branchId, startsAt: at }),
      type: 'appointment.booked',
    };
    booked.payload = { ...booked.payload, status: 'BOOKED' };
    expect((await post('schedule', [old, booked])).status).toBe(200);
    const order = placed({ patientId, doctor, at, tests: [[ref, 'Калий']] });
    expect((await post('lab', [order])).status).toBe(200);
    expect(await invoicesOf(patientId)).toEqual([]);
    const waiting = (await unbilled()).find((o) => o.orderId === order.payload.orderId);
    expect(waiting).toEqual({
      orderId: order.payload.orderId,
      patientId,
      branchId: null,
      orderedBy: doctor,
      note: NO_VISIT_NOTE,
      tests: [{ priceReference: ref, name: 'Калий' }],
    });
    expect(waiting!.note).toBe('Не найден визит для определения филиала');
    // At the desk the cashier finds it by the patient (no branch to list it under).
    const atDesk = await h.query(
      'query($p: ID!) { patientUnbilledLabOrders(patientId: $p) { orderId note } }',
      { p: patientId },
      cashier,
    );
    expect(atDesk.data.patientUnbilledLabOrders).toEqual([
      { orderId: order.payload.orderId, note: NO_VISIT_NOTE },
    ]);
    // The same appointment checked in (a newer event), reaching billing after the order.
    const arrived = event(
      'appointment.checked_in',
      { ...booked.payload, status: 'CHECKED_IN' },
      new Date(Date.now() + 1000),
    );
    expect((await post('schedule', [arrived])).status).toBe(200);
    const invoices = await invoicesOf(patientId);
    expect(invoices.map((i) => [i.sourceId, i.branchId, i.totalKopecks])).toEqual([
      [order.payload.orderId, branchId, 45_000],
    ]);
    expect((await unbilled()).map((o) => o.orderId)).not.toContain(order.payload.orderId);
  });

  it('a test without a price leaves the whole order unbilled with the names; cancelling removes it from the list', async () => {
    const [patientId, doctor, branchId] = [randomUUID(), randomUUID(), randomUUID()];
    const ref = `K-${randomUUID().slice(0, 6)}`;
    await labPrice(branchId, ref, 'Калий (K+)', 45_000);
    const at = new Date(Date.now() - 3_600_000);
    expect((await post('schedule', [checkedIn({ patientId, doctor, branchId, startsAt: at })])).status).toBe(
      200,
    );
    const order = placed({
      patientId,
      doctor,
      at,
      tests: [
        [ref, 'Калий'],
        [`NONE-${randomUUID().slice(0, 6)}`, 'Витамин D'],
        [null, 'Ферритин'],
      ],
    });
    expect((await post('lab', [order])).status).toBe(200);
    expect(await invoicesOf(patientId)).toEqual([]);
    const [waiting] = await unbilled(branchId);
    expect(waiting).toMatchObject({
      orderId: order.payload.orderId,
      branchId,
      note: 'Нет цены для: Витамин D, Ферритин',
    });
    expect(await unbilled(randomUUID())).toEqual([]);
    // The cashier's list only: not for doctors or patients.
    const doctorList = await h.query(
      '{ unbilledLabOrders { orderId } }',
      {},
      await h.tokenFor(staff('doctor')),
    );
    expect(doctorList.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

    const cancel = event('lab.order_cancelled', { orderId: order.payload.orderId });
    expect((await post('lab', [cancel])).body).toEqual({ received: 1, applied: 1 });
    expect(await unbilled(branchId)).toEqual([]);
  });

  it("takes each producer's events only from that producer, and refuses a malformed order", async () => {
    const [patientId, doctor] = [randomUUID(), randomUUID()];
    // The schedule's token cannot place lab orders: its consumer has no lab handler.
    const forged = placed({ patientId, doctor, at: new Date(), tests: [[null, 'Калий']] });
    expect((await post('schedule', [forged])).status).toBe(200);
    expect((await unbilled()).map((o) => o.orderId)).not.toContain(forged.payload.orderId);
    const noTests = event('lab.order_placed', { ...forged.payload, tests: [] });
    expect((await post('lab', [noTests])).body).toEqual({ error: 'BAD_USER_INPUT', eventId: noTests.id });
    const other = await h.tokenFor({ role: 'service', scope: 'events:write:record' });
    const res = await fetch(`${h.baseUrl}/internal/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${other}` },
      body: JSON.stringify({ events: [forged] }),
    });
    expect(res.status).toBe(403);
  });
});

describe('a cancelled lab order (lab.order_cancelled) and its invoice', () => {
  const CANCELLED_FIELDS = `${INVOICE_FIELDS} reversedKopecks cancellation { outcome reason cancelledAt }`;

  /** An order of two tests (450 ₽ + 380 ₽) billed at its visit's branch; returns the event and the invoice id. */
  async function billedOrder() {
    const [patientId, doctor, branchId] = [randomUUID(), randomUUID(), randomUUID()];
    const [k, crea] = [`K-${randomUUID().slice(0, 6)}`, `CREA-${randomUUID().slice(0, 6)}`];
    await labPrice(branchId, k, 'Калий (K+)', 45_000);
    await labPrice(branchId, crea, 'Креатинин', 38_000);
    const at = new Date(Date.now() - 3_600_000);
    await post('schedule', [checkedIn({ patientId, doctor, branchId, startsAt: at })]);
    const order = placed({
      patientId,
      doctor,
      at,
      tests: [
        [k, 'Калий'],
        [crea, 'Креатинин'],
      ],
    });
    expect((await post('lab', [order])).body).toEqual({ received: 1, applied: 1 });
    const [invoice] = await invoicesOf(patientId);
    expect(invoice).toMatchObject({ totalKopecks: 83_000, status: 'UNPAID' });
    const cancel = event('lab.order_cancelled', { orderId: order.payload.orderId });
    return { patientId, branchId, order, cancel, invoiceId: String(invoice!.id) };
  }

  const read = async (id: string) => {
    const r = await h.query(`query($id: ID!) { invoice(id: $id) { ${CANCELLED_FIELDS} } }`, { id }, cashier);
    expect(r.errors).toBeUndefined();
    return r.data.invoice as Record<string, any>;
  };

  /** The ledger's rows of the invoice, as written (id order). */
  const ledgerOf = async (invoiceId: string) =>
    (
      await h.service.database.query<{ id: string | number; kind: string; amount: string | number }>(
        'select id, kind, amount_kopecks as amount from ledger_entry where invoice_id = $1 order by id',
        [invoiceId],
      )
    ).map((r) => ({ id: Number(r.id), kind: r.kind, amount: Number(r.amount) }));

  /** balance = (charges − reversals) − payments + refunds, from the ledger rows, and what the API shows. */
  async function expectLedgerInvariant(invoiceId: string) {
    const rows = await ledgerOf(invoiceId);
    const sum = (kind: string) => rows.filter((r) => r.kind === kind).reduce((t, r) => t + r.amount, 0);
    const charges = sum('CHARGE') - sum('REVERSAL');
    const api = await read(invoiceId);
    expect(api).toMatchObject({
      totalKopecks: sum('CHARGE'),
      reversedKopecks: sum('REVERSAL'),
      paidKopecks: sum('PAYMENT'),
      refundedKopecks: sum('REFUND'),
      balanceKopecks: charges - sum('PAYMENT') + sum('REFUND'),
    });
    return { rows, api };
  }

  const awaiting = async (branchId?: string) =>
    (
      await h.query(
        'query($b: ID) { invoicesAwaitingRefundDecision(branchId: $b) { id status cancellation { outcome } } }',
        { b: branchId ?? null },
        cashier,
      )
    ).data.invoicesAwaitingRefundDecision as Array<Record<string, any>>;

  it('an unpaid invoice is reversed by an appended REVERSAL and cancelled; the same event again changes nothing', async () => {
    const { branchId, cancel, invoiceId } = await billedOrder();
    const before = await ledgerOf(invoiceId);
    expect(before.map((r) => r.kind)).toEqual(['CHARGE']);

    expect((await post('lab', [cancel])).body).toEqual({ received: 1, applied: 1 });
    const { rows, api } = await expectLedgerInvariant(invoiceId);
    // Appended, nothing edited: the charge row is as it was, one reversal of the whole charge after it.
    expect(rows[0]).toEqual(before[0]);
    expect(rows.slice(1).map((r) => [r.kind, r.amount])).toEqual([['REVERSAL', 83_000]]);
    expect(api).toMatchObject({
      status: 'CANCELLED',
      totalKopecks: 83_000,
      reversedKopecks: 83_000,
      balanceKopecks: 0,
      cancellation: { outcome: 'REVERSED', reason: 'Лабораторный заказ отменён' },
    });
    expect(api.cancellation.cancelledAt).toBe(cancel.occurredAt);

    // Replayed (same event id: the inbox skips it) and resent (another id: the domain skips it).
    expect((await post('lab', [cancel])).body).toEqual({ received: 1, applied: 0 });
    const resent = { ...cancel, id: randomUUID(), occurredAt: new Date().toISOString() };
    expect((await post('lab', [resent])).body).toEqual({ received: 1, applied: 1 });
    expect(await ledgerOf(invoiceId)).toEqual(rows);
    expect(await read(invoiceId)).toEqual(api);
    expect(await awaiting(branchId)).toEqual([]);

    // Nothing can be paid on it any more, and the ledger still refuses edits.
    const pay = await takePayment(h, cashier, { invoiceId, method: 'CASH', amountKopecks: 83_000 });
    expect(pay.data.takeDeskPayment.ok).toBe(false);
    expect(pay.data.takeDeskPayment.inputErrors.map((e: { code: string }) => e.code)).toEqual([
      'INVOICE_CANCELLED',
    ]);
    await expect(
      h.service.database.query('delete from ledger_entry where invoice_id = $1', [invoiceId]),
    ).rejects.toThrow();
    await expect(
      h.service.database.query('update invoice_cancellation set outcome = $2 where invoice_id = $1', [
        invoiceId,
        'REFUND_DECISION_NEEDED',
      ]),
    ).rejects.toThrow();
    expect(await ledgerOf(invoiceId)).toEqual(rows);
  });

  for (const [label, amountKopecks, status] of [
    ['partly', 30_000, 'PARTIALLY_PAID'],
    ['fully', 83_000, 'PAID'],
  ] as const)
    it(`a ${label} paid invoice is not reversed: it waits for the cashier's refund decision`, async () => {
      const { branchId, cancel, invoiceId } = await billedOrder();
      const paid = await takePayment(h, cashier, { invoiceId, method: 'CARD', amountKopecks });
      expect(paid.data.takeDeskPayment.payment.status).toBe('CAPTURED');

      expect((await post('lab', [cancel])).body).toEqual({ received: 1, applied: 1 });
      const { rows, api } = await expectLedgerInvariant(invoiceId);
      expect(rows.map((r) => r.kind)).toEqual(['CHARGE', 'PAYMENT']);
      expect(api).toMatchObject({
        status,
        reversedKopecks: 0,
        balanceKopecks: 83_000 - amountKopecks,
        cancellation: { outcome: 'REFUND_DECISION_NEEDED', reason: 'Лабораторный заказ отменён' },
      });
      const listed = { id: invoiceId, status, cancellation: { outcome: 'REFUND_DECISION_NEEDED' } };
      expect(await awaiting(branchId)).toEqual([listed]);
      expect(await awaiting()).toContainEqual(listed);
      expect(await awaiting(randomUUID())).toEqual([]);
      // What it billed will not be done: no more money is taken on it.
      const more = await takePayment(h, cashier, { invoiceId, method: 'CASH', amountKopecks: 1_000 });
      expect(more.data.takeDeskPayment.inputErrors.map((e: { code: string }) => e.code)).toEqual([
        'INVOICE_CANCELLED',
      ]);

      // A resent cancellation changes nothing, even after the money was refunded meanwhile.
      const back = await refund(h, cashier, {
        paymentId: paid.data.takeDeskPayment.payment.id,
        amountKopecks,
      });
      expect(back.data.refundPayment.refund.status).toBe('DONE');
      expect((await post('lab', [{ ...cancel, id: randomUUID() }])).body).toEqual({
        received: 1,
        applied: 1,
      });
      const after = await expectLedgerInvariant(invoiceId);
      expect(after.rows.map((r) => r.kind)).toEqual(['CHARGE', 'PAYMENT', 'REFUND']);
      expect(after.api.cancellation.outcome).toBe('REFUND_DECISION_NEEDED');
      // Refunded in full: nothing kept, no longer waiting for a decision.
      expect(await awaiting(branchId)).toEqual([]);
    });

  it('a payment on its way (waiting for the register) counts as paid: nothing reversed', async () => {
    const { branchId, patientId, cancel, invoiceId } = await billedOrder();
    await h.service.stores.payments.insert({
      id: randomUUID(),
      invoiceId,
      patientId,
      method: 'CASH',
      amountKopecks: 83_000,
      status: 'PENDING_FISCAL',
      statusReason: 'Касса ещё не напечатала чек',
      registerId: 'desk',
      providerPaymentId: null,
      confirmationUrl: null,
      customerContact: null,
      createdBy: cashier,
    });
    expect((await post('lab', [cancel])).body).toEqual({ received: 1, applied: 1 });
    const { rows, api } = await expectLedgerInvariant(invoiceId);
    expect(rows.map((r) => r.kind)).toEqual(['CHARGE']);
    expect(api).toMatchObject({ status: 'UNPAID', cancellation: { outcome: 'REFUND_DECISION_NEEDED' } });
    expect((await awaiting(branchId)).map((i) => i.id)).toEqual([invoiceId]);
  });

  it('an order cancelled before it was billed gets no invoice later; the list is for cashiers and accountants', async () => {
    const [patientId, doctor, branchId] = [randomUUID(), randomUUID(), randomUUID()];
    const ref = `K-${randomUUID().slice(0, 6)}`;
    await labPrice(branchId, ref, 'Калий (K+)', 45_000);
    const at = new Date(Date.now() - 3_600_000);
    const order = placed({ patientId, doctor, at, tests: [[ref, 'Калий']] });
    await post('lab', [order, event('lab.order_cancelled', { orderId: order.payload.orderId })]);
    // The visit arrives after the cancellation: nothing is billed.
    await post('schedule', [checkedIn({ patientId, doctor, branchId, startsAt: at })]);
    expect(await invoicesOf(patientId)).toEqual([]);
    for (const role of ['doctor', 'receptionist', 'patient']) {
      const r = await h.query(
        '{ invoicesAwaitingRefundDecision { id } }',
        {},
        await h.tokenFor(role === 'patient' ? { role, sub: randomUUID(), pid: patientId } : staff(role)),
      );
      expect(
        r.errors?.map((e) => e.extensions?.code),
        role,
      ).toEqual(['FORBIDDEN']);
    }
    const ok = await h.query('{ invoicesAwaitingRefundDecision { id } }', {}, accountant);
    expect(ok.errors).toBeUndefined();
  });
});
