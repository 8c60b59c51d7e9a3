import { randomUUID } from 'node:crypto';
import type { Database } from '@medikamente/runtime';
import type { PaymentStore } from '../payments/payments.store';
import type { PriceItemRecord, PriceStore } from '../prices/prices.store';
import { cancelInvoice, LAB_ORDER_CANCELLED } from './invoice-cancellation';
import { clinicToday } from './invoices.service';
import type { InvoiceRecord, InvoiceStore } from './invoices.store';
import type {
  AppointmentFact,
  BillableLabOrderRecord,
  LabOrderStore,
  LabOrderTest,
} from './lab-orders.store';

/** Why an order waits for the cashier (Russian: shown to cashiers and accountants). */
export const NO_VISIT_NOTE = 'Не найден визит для определения филиала';
export const noPriceNote = (tests: readonly LabOrderTest[]) =>
  `Нет цены для: ${tests.map((t) => t.name).join(', ')}`;

export type PlacedLabOrder = Pick<
  BillableLabOrderRecord,
  'orderId' | 'patientId' | 'orderedBy' | 'orderedAt' | 'tests'
>;

/**
 * Lab orders become invoices (events of the lab, applied in their inbox transaction). The lab
 * knows neither branch nor price: the branch is the one of the patient's visit with the ordering
 * doctor (checked in or completed) closest to the order within a day, each test is priced by the
 * branch's LAB_TEST item whose reference is the test's price reference on the order's day. Without
 * a branch or a price nothing is guessed: the order waits for the cashier with a note. One invoice
 * per order (source LAB_ORDER, unique by source id).
 */
export class LabOrderBilling {
  constructor(
    private readonly deps: {
      database: Database;
      labOrders: LabOrderStore;
      invoices: InvoiceStore;
      payments: PaymentStore;
      prices: PriceStore;
      clinicTimeZone: string;
    },
  ) {}

  /** lab.order_placed: records the order once and bills it if it can. */
  async placed(order: PlacedLabOrder): Promise<BillableLabOrderRecord> {
    const fresh = await this.deps.labOrders.insertOrder(order);
    if (!fresh) return (await this.deps.labOrders.byId(order.orderId))!;
    const branchId = await this.deps.labOrders.visitBranch(order.patientId, order.orderedBy, order.orderedAt);
    return this.bill(fresh, branchId);
  }

  /**
   * lab.order_cancelled: noted (no longer waits for the cashier); its invoice, if one was made, is
   * cancelled: reversed when nothing was paid, else left for the cashier's refund decision
   * (`cancelInvoice`). A repeated cancellation changes nothing.
   */
  async cancelled(orderId: string, at: Date): Promise<void> {
    await this.deps.labOrders.cancel(orderId, at);
    const order = await this.deps.labOrders.byId(orderId);
    if (!order?.invoiceId) return;
    await cancelInvoice(this.deps, {
      invoiceId: order.invoiceId,
      reason: LAB_ORDER_CANCELLED,
      actor: 'lab',
      at: order.cancelledAt ?? at,
    });
  }

  /**
   * An appointment fact: kept; a visit the doctor saw bills the patient's orders of that doctor
   * that came before it (another producer's events may overtake the schedule's).
   */
  async appointment(fact: AppointmentFact): Promise<void> {
    await this.deps.labOrders.noteAppointment(fact);
    if (fact.status !== 'CHECKED_IN' && fact.status !== 'COMPLETED') return;
    for (const order of await this.deps.labOrders.waitingForVisit(fact.patientId, fact.doctorAccountId)) {
      const branchId = await this.deps.labOrders.visitBranch(
        order.patientId,
        order.orderedBy,
        order.orderedAt,
      );
      if (branchId) await this.bill(order, branchId);
    }
  }

  private async bill(
    order: BillableLabOrderRecord,
    branchId: string | null,
  ): Promise<BillableLabOrderRecord> {
    if (!branchId) {
      await this.deps.labOrders.settle(order.orderId, {
        branchId: null,
        invoiceId: null,
        note: NO_VISIT_NOTE,
      });
      return { ...order, note: NO_VISIT_NOTE };
    }
    const day = clinicToday(this.deps.clinicTimeZone, order.orderedAt);
    const priced: Array<{ test: LabOrderTest; price: PriceItemRecord | null }> = [];
    for (const test of order.tests)
      priced.push({
        test,
        price: test.priceReference
          ? await this.deps.prices.forRef(branchId, 'LAB_TEST', test.priceReference, day)
          : null,
      });
    const unpriced = priced.filter((p) => !p.price).map((p) => p.test);
    if (unpriced.length) {
      const note = noPriceNote(unpriced);
      await this.deps.labOrders.settle(order.orderId, { branchId, invoiceId: null, note });
      return { ...order, branchId, note };
    }
    const invoice = await this.invoice(
      order,
      branchId,
      priced as Array<{ test: LabOrderTest; price: PriceItemRecord }>,
    );
    await this.deps.labOrders.settle(order.orderId, { branchId, invoiceId: invoice.id, note: null });
    return { ...order, branchId, invoiceId: invoice.id, note: null };
  }

  private async invoice(
    order: BillableLabOrderRecord,
    branchId: string,
    priced: Array<{ test: LabOrderTest; price: PriceItemRecord }>,
  ): Promise<InvoiceRecord> {
    const existing = await this.deps.invoices.bySource('LAB_ORDER', order.orderId);
    if (existing) return existing;
    return this.deps.invoices.insert(
      {
        id: randomUUID(),
        patientId: order.patientId,
        branchId,
        source: 'LAB_ORDER',
        sourceId: order.orderId,
        createdBy: 'lab',
      },
      priced.map(({ price }, i) => ({
        lineNo: i + 1,
        priceItemId: price.id,
        name: price.name,
        unitPriceKopecks: price.priceKopecks,
        quantity: 1,
        discountKopecks: 0,
        discountReason: null,
        amountKopecks: price.priceKopecks,
        vat: price.vat,
      })),
    );
  }
}
