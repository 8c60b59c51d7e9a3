import type { EventHandler } from '@medikamente/runtime';
import { z } from 'zod';
import type { CareStore } from './care.store';

const appointmentPayload = z.object({
  appointmentId: z.uuid(),
  patientId: z.uuid(),
  doctorAccountId: z.string().min(1).max(100),
  endsAt: z.iso.datetime({ offset: true }),
  status: z.string().max(30),
});

/** Appointment states that keep (or create) the doctor's care relationship. */
const ACTIVE = new Set(['HELD', 'BOOKED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW']);

/**
 * Projects the schedule subgraph's appointment events onto care relationships: an active
 * appointment grants its doctor access until `endsAt + careWindowDays`; cancelled or expired
 * withdraws it. Exactly once per event (the inbox transaction); only the newest event per
 * appointment counts, so a late `booked` cannot re-grant.
 */
export const appointmentEventHandler =
  (care: CareStore, careWindowDays: number): EventHandler =>
  async (event) => {
    const p = appointmentPayload.parse(event.payload);
    const source = `appointment:${p.appointmentId}`;
    const occurredAt = new Date(z.iso.datetime({ offset: true }).parse(event.occurredAt));
    if (!(await care.advance(source, occurredAt))) return;
    if (ACTIVE.has(p.status)) {
      const until = new Date(new Date(p.endsAt).getTime() + careWindowDays * 86_400_000);
      await care.grant(p.doctorAccountId, p.patientId, source, until);
      await care.withdraw(source, { exceptDoctor: p.doctorAccountId });
    } else {
      await care.withdraw(source);
    }
  };
