import { randomUUID } from 'node:crypto';
import { until } from '@medikamente/runtime/testing';
import { factories } from '@medikamente/subgraph-schedule/testing';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, startPlatform } from './platform';

// A lab order becomes an invoice across the platform: reception checks the patient in (the
// schedule's event gives billing the visit's branch), the doctor orders tests through the gateway
// (the lab's lab.order_placed reaches billing over HTTP), and the cashier sees the invoice.

let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
});
afterAll(async () => p?.stop());

async function gw(q: string, variables: Record<string, unknown>, token: string) {
  const r = await p.query(q, variables, token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
}

/** The next half-hour slot at least 30 minutes ahead in the zone (the doctor works 00:00–23:30). */
function nextSlot(zone: string): string {
  let t = DateTime.now().setZone(zone).plus({ minutes: 30 });
  t = t.set({ minute: t.minute <= 30 ? 30 : 60, second: 0, millisecond: 0 });
  if (t.hour * 60 + t.minute > 23 * 60) t = t.plus({ days: 1 }).startOf('day');
  return t.toFormat("yyyy-MM-dd'T'HH:mm");
}

describe('lab orders invoiced through the platform', () => {
  it('the doctor orders tests after check-in; the cashier of the branch finds the invoice at the lab prices', async () => {
    const f = factories(p.schedule);
    const branch = await f.branch('Europe/Moscow');
    const service = await f.service(30);
    const doctor = await p.account('doctor');
    const specialist = await f.doctor(branch.id, [service.id], {
      accountId: doctor.accountId,
      hours: ['00:00', '23:30'],
      breaks: [],
    });
    const reception = await p.account('receptionist', { branchIds: [branch.id] });
    const admin = await p.account('it_admin');
    const accountant = await p.account('accountant');
    const cashier = await p.account('cashier', { branchIds: [branch.id] });

    // The catalogue (it_admin) names each test's price reference; the accountant prices them.
    const suffix = randomUUID().slice(0, 6);
    const labTest = async (code: string, name: string, priceReference: string) =>
      (
        await gw(
          `mutation ($i: SaveLabTestInput!) { saveLabTest(input: $i) { ok inputErrors { field code } test { id } } }`,
          {
            i: {
              code: `${code}-${suffix}`,
              codeSystem: 'LOCAL',
              name,
              specimenType: 'венозная кровь',
              kind: 'NUMERIC',
              unit: 'ммоль/л',
              referenceRanges: [{ sex: 'ANY', low: 3.5, high: 5.1 }],
              plausibleLow: 0.1,
              plausibleHigh: 400,
              turnaroundHours: 24,
              partnerClientId: `lab_${suffix}`,
              partnerName: 'Партнёрская лаборатория',
              priceReference,
            },
          },
          admin.token,
        )
      ).saveLabTest.test.id as string;
    const price = async (refId: string, name: string, priceKopecks: number) => {
      const d = await gw(
        'mutation($i: SetPriceInput!) { setPrice(input: $i) { ok inputErrors { field code } } }',
        {
          i: {
            branchId: branch.id,
            code: `LAB-${randomUUID().slice(0, 6)}`,
            kind: 'LAB_TEST',
            refId,
            name,
            priceKopecks,
            vat: 'NONE',
            validFrom: '2026-01-01',
          },
        },
        accountant.token,
      );
      expect(d.setPrice).toEqual({ ok: true, inputErrors: [] });
    };
    const [kRef, glucoseRef] = [`LAB-K-${suffix}`, `LAB-GLU-${suffix}`];
    const k = await labTest('K', 'Калий', kRef);
    const glucose = await labTest('GLU', 'Глюкоза', glucoseRef);
    await price(kRef, 'Калий (K+) в сыворотке', 45_000);
    await price(glucoseRef, 'Глюкоза в плазме', 32_000);

    // A patient booked soon with the doctor, checked in by reception.
    const patient = await p.account('patient');
    const booked = await gw(
      `mutation ($i: BookingInput!) { bookAppointment(input: $i) { appointment { id } inputErrors { code } } }`,
      {
        i: {
          specialistId: specialist.id,
          branchId: branch.id,
          serviceId: service.id,
          startsAt: nextSlot(branch.timeZone),
          idempotencyKey: `k-${randomUUID()}`,
        },
      },
      patient.token,
    );
    expect(booked.bookAppointment.inputErrors).toEqual([]);
    const appointmentId = booked.bookAppointment.appointment.id as string;
    const checkIn = await gw(
      `mutation($id: ID!) { checkInAppointment(appointmentId: $id) { appointment { status } inputErrors { code } } }`,
      { id: appointmentId },
      reception.token,
    );
    expect(checkIn.checkInAppointment).toEqual({ appointment: { status: 'CHECKED_IN' }, inputErrors: [] });
    const patientId = patient.patientId!;
    await until('the lab knows the care relationship', async () =>
      (await p.lab.stores.care.activeFor(doctor.accountId, [patientId])).has(patientId),
    );

    const ordered = await gw(
      `mutation ($i: OrderLabTestsInput!) { orderLabTests(input: $i) { ok inputErrors { field code } orders { id } } }`,
      {
        i: {
          patientId,
          visitId: randomUUID(),
          testIds: [k, glucose],
          priority: 'ROUTINE',
          clinicalNote: 'Контроль на фоне диуретиков',
          patientSex: 'FEMALE',
          idempotencyKey: randomUUID(),
        },
      },
      doctor.token,
    );
    expect(ordered.orderLabTests.inputErrors).toEqual([]);
    const [order] = ordered.orderLabTests.orders as Array<{ id: string }>;
    expect(ordered.orderLabTests.orders).toHaveLength(1);

    const invoicesQuery = `query ($p: ID!) { invoices(patientId: $p) { source sourceId branchId totalKopecks balanceKopecks status
      lines { name unitPriceKopecks quantity amountKopecks } } }`;
    let invoices: Array<Record<string, any>> = [];
    await until('the cashier sees the lab order invoice', async () => {
      invoices = (await gw(invoicesQuery, { p: patientId }, cashier.token)).invoices;
      return invoices.some((i) => i.source === 'LAB_ORDER');
    });
    const labInvoice = invoices.find((i) => i.source === 'LAB_ORDER')!;
    expect(labInvoice).toMatchObject({
      sourceId: order!.id,
      branchId: branch.id,
      totalKopecks: 77_000,
      balanceKopecks: 77_000,
      status: 'UNPAID',
    });
    expect(labInvoice.lines).toEqual([
      { name: 'Калий (K+) в сыворотке', unitPriceKopecks: 45_000, quantity: 1, amountKopecks: 45_000 },
      { name: 'Глюкоза в плазме', unitPriceKopecks: 32_000, quantity: 1, amountKopecks: 32_000 },
    ]);
    // Nothing of it waits for the cashier, and billing holds no clinical note of the order.
    const waiting = await gw(
      'query ($b: ID) { unbilledLabOrders(branchId: $b) { orderId } }',
      { b: branch.id },
      cashier.token,
    );
    expect(waiting.unbilledLabOrders).toEqual([]);
    const [row] = await p.billing.database.query<{ tests: unknown }>(
      'select tests from billable_lab_order where order_id = $1',
      [order!.id],
    );
    expect(JSON.stringify(row)).not.toContain('диуретик');
    // A doctor cannot read the list.
    const refused = await p.query('{ unbilledLabOrders { orderId } }', {}, doctor.token);
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
