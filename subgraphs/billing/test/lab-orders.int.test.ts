import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_VISIT_NOTE } from '../src/modules/invoices/lab-orders.service';
import { INVOICE_FIELDS, staff } from './billing-helpers';
import { type BillingHarness, startBillingSubgraph } from './harness';

/**
 * Lab orders become invoices from the lab's events, the branch taken from the schedule's
 * appointment facts — both posted to billing's HTTP inbox as the producers' relays do.
 */
let h: BillingHarness;
let accountant: string;
let cashier: string;
beforeAll(async () => {
  h = await startBillingSubgraph();
  accountant = await h.tokenFor(staff('accountant'));
  cashier = await h.tokenFor(staff('cashier'));
});
afterAll(async () => h?.stop());

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

  it('a cancelled order keeps its invoice (left to the cashier), and the ledger is not touched', async () => {
    const [patientId, doctor, branchId] = [randomUUID(), randomUUID(), randomUUID()];
    const ref = `K-${randomUUID().slice(0, 6)}`;
    await labPrice(branchId, ref, 'Калий (K+)', 45_000);
    const at = new Date(Date.now() - 3_600_000);
    await post('schedule', [checkedIn({ patientId, doctor, branchId, startsAt: at })]);
    const order = placed({ patientId, doctor, at, tests: [[ref, 'Калий']] });
    await post('lab', [order, event('lab.order_cancelled', { orderId: order.payload.orderId })]);
    const [invoice] = await invoicesOf(patientId);
    expect(invoice).toMatchObject({ totalKopecks: 45_000, balanceKopecks: 45_000, status: 'UNPAID' });
    expect(await charges(String(order.payload.orderId))).toBe(1);
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
