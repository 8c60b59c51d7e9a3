import type { EventHandler } from '@medikamente/runtime';
import { z } from 'zod';
import type { InvoiceService } from './invoices.service';
import type { InvoiceStore } from './invoices.store';

const completed = z.object({
  appointmentId: z.uuid(),
  patientId: z.uuid(),
  branchId: z.uuid(),
  serviceId: z.uuid().optional(),
  status: z.literal('COMPLETED'),
});

/**
 * The schedule's `appointment.completed`: an invoice for the visit at the branch's price (in the
 * event's inbox transaction, exactly once per appointment). Other appointment events are not billed.
 */
export const completedVisitHandler =
  (invoices: InvoiceService, store: InvoiceStore): EventHandler =>
  async (event) => {
    if (event.type !== 'appointment.completed') return;
    const p = completed.parse(event.payload);
    const visit = {
      appointmentId: p.appointmentId,
      patientId: p.patientId,
      branchId: p.branchId,
      serviceId: p.serviceId ?? null,
      completedAt: new Date(event.occurredAt),
    };
    const invoice = await invoices.fromCompletedVisit(visit);
    await store.noteVisit(visit, invoice?.id ?? null);
  };
