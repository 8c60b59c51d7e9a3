import { randomUUID } from 'node:crypto';
import { codes } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseSpecimenCode } from '../src/modules/orders/specimen-code';
import { type LabHarness, startLabSubgraph } from './harness';
import {
  actors,
  CANCEL,
  care,
  catalogueTest,
  collectedOrder,
  LAB_ORDER,
  newPartnerId,
  ORDER,
  order,
  orderInput,
  STEP,
} from './lab-helpers';

let h: LabHarness;
beforeAll(async () => {
  h = await startLabSubgraph();
});
afterAll(async () => h?.stop());

const orderRows = async (patientId: string) =>
  Number(
    (
      await h.service.database.query<{ n: number }>(
        `select (select count(*) from lab_order where patient_id = $1)
              + (select count(*) from lab_order_test t join lab_order o on o.id = t.order_id where o.patient_id = $1) as n`,
        [patientId],
      )
    )[0]!.n,
  );

/** Payloads of the outbox events of a type about the given orders. */
const outboxOf = async (type: string, orderIds: string[]) =>
  (
    await h.service.database.query<{ payload: Record<string, unknown> }>(
      `select payload from outbox where type = $1 and payload->>'orderId' = any($2::text[])`,
      [type, orderIds],
    )
  ).map(
    (r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
  );

/** As the schedule subgraph delivers it: an appointment.booked event to the lab's HTTP inbox. */
async function booked(patientId: string, doctorAccountId: string) {
  const token = await h.tokenFor({ role: 'service', scope: 'events:write:schedule' });
  const res = await fetch(h.url.replace('/graphql', '/internal/events'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      events: [
        {
          id: randomUUID(),
          type: 'appointment.booked',
          occurredAt: new Date().toISOString(),
          payload: {
            appointmentId: randomUUID(),
            patientId,
            doctorAccountId,
            startsAt: new Date(Date.now() + 3_600_000).toISOString(),
            endsAt: new Date(Date.now() + 5_400_000).toISOString(),
            status: 'BOOKED',
          },
        },
      ],
    }),
  });
  expect(await res.json()).toEqual({ received: 1, applied: 1 });
}

describe('ordering tests from a visit', () => {
  it('a doctor booked with the patient orders: one order per partner and specimen type, valid specimen codes', async () => {
    const a = await actors(h);
    await booked(a.patientId, a.doctorId);
    const [p1, p2] = [newPartnerId(), newPartnerId()];
    const k = await catalogueTest(h, p1, 'K', { priceReference: `LAB-K-${randomUUID().slice(0, 8)}` });
    const hgb = await catalogueTest(h, p1, 'HGB');
    const urine = await catalogueTest(h, p1, 'URINE');
    const crea = await catalogueTest(h, p2, 'CREA');
    const input = orderInput(a.patientId, [k.id, hgb.id, urine.id, crea.id, k.id]);
    const r = await h.query(ORDER, { input }, a.doctor);
    expect(r.data.orderLabTests).toMatchObject({ ok: true, inputErrors: [] });
    const orders = r.data.orderLabTests.orders as Array<{
      id: string;
      status: string;
      specimenCode: string;
      specimenType: string;
      tests: Array<{ testId: string }>;
    }>;
    expect(orders).toHaveLength(3);
    const groups = orders.map((o) => ({ type: o.specimenType, tests: o.tests.map((t) => t.testId).sort() }));
    expect(groups).toEqual(
      expect.arrayContaining([
        { type: 'венозная кровь', tests: [k.id, hgb.id].sort() },
        { type: 'моча', tests: [urine.id] },
        { type: 'венозная кровь', tests: [crea.id] },
      ]),
    );
    for (const o of orders) {
      expect(o.status).toBe('ORDERED');
      expect(normaliseSpecimenCode(o.specimenCode)).toBe(o.specimenCode);
      expect(o.specimenCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]$/);
    }
    expect(new Set(orders.map((o) => o.specimenCode)).size).toBe(3);
    const partners = await h.service.database.query<{ partner_client_id: string }>(
      'select partner_client_id from lab_order where patient_id = $1 order by partner_client_id',
      [a.patientId],
    );
    expect(partners.map((p) => p.partner_client_id).sort()).toEqual([p1, p1, p2].sort());

    // The same idempotency key: the same orders, nothing new written.
    const rows = await orderRows(a.patientId);
    const replay = await h.query(ORDER, { input }, a.doctor);
    expect(replay.data.orderLabTests.orders.map((o: { id: string }) => o.id).sort()).toEqual(
      orders.map((o) => o.id).sort(),
    );
    expect(await orderRows(a.patientId)).toBe(rows);
    // One lab.order_placed per order for billing (written with it, once): ids, price references, names.
    const placed = await outboxOf(
      'lab.order_placed',
      orders.map((o) => o.id),
    );
    expect(placed).toHaveLength(3);
    const catalogue = new Map([k, hgb, urine, crea].map((t) => [t.id, t]));
    for (const o of orders) {
      const e = placed.find((p) => p.orderId === o.id)!;
      expect(Object.keys(e).sort()).toEqual(['orderId', 'orderedAt', 'orderedBy', 'patientId', 'tests']);
      expect(e).toMatchObject({ patientId: a.patientId, orderedBy: a.doctorId });
      expect(Number.isNaN(Date.parse(String(e.orderedAt)))).toBe(false);
      expect(e.tests).toEqual(
        o.tests.map((t) => ({
          testId: t.testId,
          priceReference: catalogue.get(t.testId)!.priceReference,
          name: catalogue.get(t.testId)!.name,
        })),
      );
    }
    // The same key with another request: a typed refusal, nothing written.
    const mismatch = await h.query(ORDER, { input: { ...input, testIds: [k.id] } }, a.doctor);
    expect(mismatch.data.orderLabTests).toMatchObject({
      ok: false,
      orders: [],
      inputErrors: [{ field: 'input.idempotencyKey', code: 'IDEMPOTENCY_MISMATCH' }],
    });
    expect(await orderRows(a.patientId)).toBe(rows);
  });

  it('a doctor without a care relationship is refused and nothing is written', async () => {
    const a = await actors(h);
    const test = await catalogueTest(h, newPartnerId(), 'K');
    const r = await h.query(ORDER, { input: orderInput(a.patientId, [test.id]) }, a.doctor);
    expect(r.data?.orderLabTests ?? null).toBeNull();
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(await orderRows(a.patientId)).toBe(0);
    // Neither a patient nor reception may order.
    for (const token of [a.patient, await h.tokenFor({ role: 'receptionist' })])
      expect(codes(await h.query(ORDER, { input: orderInput(a.patientId, [test.id]) }, token))).toEqual([
        'FORBIDDEN',
      ]);
    expect(await orderRows(a.patientId)).toBe(0);
  });

  it('refuses unknown and inactive tests with typed errors, writing nothing', async () => {
    const a = await actors(h);
    await care(h, a.doctorId, a.patientId);
    const partner = newPartnerId();
    const active = await catalogueTest(h, partner, 'K');
    const inactive = await catalogueTest(h, partner, 'HGB', { active: false });
    const r = await h.query(
      ORDER,
      { input: orderInput(a.patientId, [active.id, randomUUID(), inactive.id]) },
      a.doctor,
    );
    expect(r.data.orderLabTests).toMatchObject({
      ok: false,
      orders: [],
      inputErrors: [
        { field: 'input.testIds[1]', code: 'UNKNOWN_LAB_TEST' },
        { field: 'input.testIds[2]', code: 'LAB_TEST_INACTIVE' },
      ],
    });
    const none = await h.query(ORDER, { input: orderInput(a.patientId, []) }, a.doctor);
    expect(none.data.orderLabTests.inputErrors).toMatchObject([{ field: 'input.testIds', code: 'REQUIRED' }]);
    const badDate = await h.query(
      ORDER,
      { input: { ...orderInput(a.patientId, [active.id]), patientBirthDate: '2999-01-01' } },
      a.doctor,
    );
    expect(badDate.data.orderLabTests.inputErrors).toMatchObject([{ field: 'input.patientBirthDate' }]);
    expect(await orderRows(a.patientId)).toBe(0);
  });

  it('records the specimen collected, then sent; steps out of order are typed refusals', async () => {
    const a = await actors(h);
    await care(h, a.doctorId, a.patientId);
    const test = await catalogueTest(h, newPartnerId(), 'K');
    const [o] = await order(h, a.doctor, a.patientId, [test.id]);
    const early = await h.query(STEP, { id: o!.id, step: 'SENT' }, a.doctor);
    expect(early.data.recordLabSpecimenStep).toMatchObject({
      ok: false,
      inputErrors: [{ field: 'input.orderId', code: 'LAB_ORDER_STATE' }],
    });
    const collected = await h.query(STEP, { id: o!.id, step: 'COLLECTED' }, a.doctor);
    expect(collected.data.recordLabSpecimenStep).toMatchObject({ ok: true, order: { status: 'COLLECTED' } });
    expect(collected.data.recordLabSpecimenStep.order.collectedAt).toBeTruthy();
    // A retry of the same step changes nothing.
    const again = await h.query(STEP, { id: o!.id, step: 'COLLECTED' }, a.doctor);
    expect(again.data.recordLabSpecimenStep.order.collectedAt).toBe(
      collected.data.recordLabSpecimenStep.order.collectedAt,
    );
    const sent = await h.query(STEP, { id: o!.id, step: 'SENT' }, a.doctor);
    expect(sent.data.recordLabSpecimenStep).toMatchObject({ ok: true, order: { status: 'SENT' } });
    const back = await h.query(STEP, { id: o!.id, step: 'COLLECTED' }, a.doctor);
    expect(back.data.recordLabSpecimenStep.inputErrors).toMatchObject([{ code: 'LAB_ORDER_STATE' }]);
    // Another doctor without care, or an unknown order.
    const stranger = await actors(h);
    expect(codes(await h.query(STEP, { id: o!.id, step: 'SENT' }, stranger.doctor))).toEqual(['FORBIDDEN']);
    expect(codes(await h.query(STEP, { id: randomUUID(), step: 'SENT' }, a.doctor))).toEqual(['NOT_FOUND']);
  });

  it('cancels with a reason (required); a cancelled order takes no further steps', async () => {
    const partner = newPartnerId();
    const c = await collectedOrder(h, partner);
    const noReason = await h.query(CANCEL, { id: c.order.id, reason: '  ' }, c.doctor);
    expect(noReason.data.cancelLabOrder).toMatchObject({
      ok: false,
      inputErrors: [{ field: 'input.reason', code: 'REQUIRED' }],
    });
    const stranger = await actors(h);
    expect(codes(await h.query(CANCEL, { id: c.order.id, reason: 'ошибка' }, stranger.doctor))).toEqual([
      'FORBIDDEN',
    ]);
    expect((await h.query(LAB_ORDER, { id: c.order.id }, c.doctor)).data.labOrder.status).toBe('COLLECTED');
    const reason = 'Пациент отказался от забора крови';
    const cancelled = await h.query(CANCEL, { id: c.order.id, reason }, c.doctor);
    expect(cancelled.data.cancelLabOrder).toMatchObject({
      ok: true,
      order: { status: 'CANCELLED', statusReason: reason },
    });
    // Billing is told once (a repeated cancel changes nothing): the id only.
    expect((await h.query(CANCEL, { id: c.order.id, reason }, c.doctor)).data.cancelLabOrder.ok).toBe(true);
    expect(await outboxOf('lab.order_cancelled', [c.order.id])).toEqual([{ orderId: c.order.id }]);
    const step = await h.query(STEP, { id: c.order.id, step: 'SENT' }, c.doctor);
    expect(step.data.recordLabSpecimenStep.inputErrors).toMatchObject([{ code: 'LAB_ORDER_STATE' }]);
    // The doctor's view by visit and by patient shows it cancelled, with its clinical note.
    const list = await h.query(
      'query ($p: ID!) { labOrders(patientId: $p) { id status statusReason clinicalNote } }',
      { p: c.patientId },
      c.doctor,
    );
    expect(list.data.labOrders).toEqual([
      {
        id: c.order.id,
        status: 'CANCELLED',
        statusReason: reason,
        clinicalNote: 'Контроль калия на фоне диуретиков',
      },
    ]);
  });
});
