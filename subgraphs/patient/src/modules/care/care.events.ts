import type { EventHandler } from '@medikamente/runtime';
import { z } from 'zod';
import type { CareStore } from './care.store';

const appointmentPayload = z.object({
  appointmentId: z.uuid(),
  patientId: z.uuid(),
  doctorAccountId: z.string().min(1).max(100),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  status: z.string().max(30),
});

/** Appointment states that keep (or create) the doctor's care relationship. */
const ACTIVE = new Set(['HELD', 'BOOKED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW']);

/**
 * Projects appointment events of the schedule subgraph onto `care_relationship`: an active
 * appointment grants the doctor access until `endsAt + careWindowDays`; a cancelled or expired
 * one withdraws what that appointment granted. Runs inside the inbox transaction (exactly once).
 */
export const careEventHandler =
  (care: CareStore, careWindowDays: number): EventHandler =>
  // The store's queries run on the inbox transaction (the database joins the open one).
  async (event) => {
    const p = appointmentPayload.parse(event.payload);
    if (!(await care.holdsPatient(p.patientId))) return; // a patient this service does not hold: nothing to project
    const source = `appointment:${p.appointmentId}`;
    // Events of one appointment may arrive out of order (retries, replayed dead letters): only
    // the newest counts, so a late `booked` cannot re-grant what `cancelled` withdrew.
    const occurredAt = new Date(z.iso.datetime({ offset: true }).parse(event.occurredAt));
    if (!(await care.advance(source, occurredAt))) return;
    if (ACTIVE.has(p.status)) {
      const until = new Date(new Date(p.endsAt).getTime() + careWindowDays * 86_400_000);
      await care.grant(p.doctorAccountId, p.patientId, source, until);
      // A reschedule may move the appointment to another doctor.
      await care.withdraw(source, { exceptDoctor: p.doctorAccountId });
    } else {
      await care.withdraw(source);
    }
  };
