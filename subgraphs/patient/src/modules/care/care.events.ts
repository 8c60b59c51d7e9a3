import type { EventHandler } from '@medikamente/runtime';
import { z } from 'zod';

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
  (careWindowDays: number): EventHandler =>
  async (event, q) => {
    const p = appointmentPayload.parse(event.payload);
    const known = await q('select 1 from patient where id = $1', [p.patientId]);
    if (known.length === 0) return; // a patient this service does not hold: nothing to project
    const source = `appointment:${p.appointmentId}`;
    if (ACTIVE.has(p.status)) {
      const until = new Date(new Date(p.endsAt).getTime() + careWindowDays * 86_400_000);
      await q(
        `insert into care_relationship (doctor_account_id, patient_id, source, valid_until) values ($1, $2, $3, $4)
         on conflict (doctor_account_id, patient_id, source) do update set valid_until = excluded.valid_until`,
        [p.doctorAccountId, p.patientId, source, until],
      );
      // A reschedule may move the appointment to another doctor.
      await q('delete from care_relationship where source = $1 and doctor_account_id <> $2', [
        source,
        p.doctorAccountId,
      ]);
    } else {
      await q('delete from care_relationship where source = $1', [source]);
    }
  };
