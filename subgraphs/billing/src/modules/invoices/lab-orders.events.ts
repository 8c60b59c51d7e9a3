import type { EventHandler } from '@medikamente/runtime';
import { z } from 'zod';
import type { LabOrderBilling } from './lab-orders.service';

const appointment = z.object({
  appointmentId: z.uuid(),
  patientId: z.uuid(),
  doctorAccountId: z.string().min(1).max(100),
  branchId: z.uuid(),
  startsAt: z.iso.datetime({ offset: true }),
  status: z.string().min(1).max(30),
});

const placed = z.object({
  orderId: z.uuid(),
  patientId: z.uuid(),
  orderedBy: z.string().min(1).max(100),
  orderedAt: z.iso.datetime({ offset: true }),
  tests: z
    .array(
      z.object({
        testId: z.uuid(),
        priceReference: z.string().min(1).max(64).nullable(),
        name: z.string().min(1).max(300),
      }),
    )
    .min(1)
    .max(30),
});

const cancelled = z.object({ orderId: z.uuid() });

/** Every appointment.* event of the schedule: the projection that gives lab orders their branch. */
export const appointmentFactHandler =
  (billing: LabOrderBilling): EventHandler =>
  async (event) => {
    const p = appointment.parse(event.payload);
    await billing.appointment({
      appointmentId: p.appointmentId,
      patientId: p.patientId,
      doctorAccountId: p.doctorAccountId,
      branchId: p.branchId,
      startsAt: new Date(p.startsAt),
      status: p.status,
      updatedAt: new Date(event.occurredAt),
    });
  };

/** The lab's lab.order_placed (invoiced once) and lab.order_cancelled (noted); other lab events are not billed. */
export const labOrderHandler =
  (billing: LabOrderBilling): EventHandler =>
  async (event) => {
    if (event.type === 'lab.order_placed') {
      const p = placed.parse(event.payload);
      await billing.placed({ ...p, orderedAt: new Date(p.orderedAt) });
    } else if (event.type === 'lab.order_cancelled') {
      await billing.cancelled(cancelled.parse(event.payload).orderId, new Date(event.occurredAt));
    }
  };
