import { applyOnce, type Database, type DomainEvent, type TokenVerifier } from '@medikamente/runtime';
import type express from 'express';
import { z } from 'zod';
import { CareStore } from './care.store';

const appointmentPayload = z.object({
  appointmentId: z.uuid(),
  patientId: z.uuid(),
  doctorAccountId: z.string().min(1).max(100),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  status: z.string().max(30),
});

const batch = z.object({
  events: z
    .array(
      z.object({
        id: z.uuid(),
        type: z.string().max(100),
        occurredAt: z.string().max(40),
        payload: z.record(z.string(), z.unknown()),
      }),
    )
    .max(500),
});

/** Appointment states that keep (or create) the doctor's care relationship. */
const ACTIVE = new Set(['HELD', 'BOOKED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW']);

/**
 * Projects appointment events of the schedule subgraph onto `care_relationship`: an active
 * appointment grants the doctor access until `endsAt + CARE_WINDOW_DAYS`; a cancelled or expired
 * one withdraws what that appointment granted. Applied exactly once per event (inbox).
 */
export async function applyCareEvent(
  database: Database,
  event: DomainEvent,
  careWindowDays: number,
): Promise<boolean> {
  const care = new CareStore(database);
  // The store's queries run on applyOnce's transaction (the database joins the open one).
  return applyOnce(database, event, async () => {
    if (!event.type.startsWith('appointment.')) return;
    const p = appointmentPayload.parse(event.payload);
    if (!(await care.holdsPatient(p.patientId))) return; // a patient this service does not hold: nothing to project
    const source = `appointment:${p.appointmentId}`;
    if (ACTIVE.has(p.status)) {
      const until = new Date(new Date(p.endsAt).getTime() + careWindowDays * 86_400_000);
      await care.grant(p.doctorAccountId, p.patientId, source, until);
      // A reschedule may move the appointment to another doctor.
      await care.withdraw(source, { exceptDoctor: p.doctorAccountId });
    } else {
      await care.withdraw(source);
    }
  });
}

/**
 * `POST /internal/events`: the inbox of events from other services. Only machine clients of
 * role `service` with scope `events:write` may post; the body is validated before anything runs.
 */
export function mountEventInbox(
  app: express.Express,
  deps: { database: Database; verifier: TokenVerifier; careWindowDays: number },
) {
  app.post('/internal/events', async (req, res) => {
    try {
      const principal = await deps.verifier.fromHeader(req.header('authorization'));
      if (principal.role !== 'service' || !principal.scopes.includes('events:write')) {
        res
          .status(principal.role ? 403 : 401)
          .json({ error: principal.role ? 'FORBIDDEN' : 'UNAUTHENTICATED' });
        return;
      }
    } catch {
      res.status(401).json({ error: 'UNAUTHENTICATED' });
      return;
    }
    const parsed = batch.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'BAD_USER_INPUT' });
      return;
    }
    let applied = 0;
    for (const event of parsed.data.events) {
      try {
        if (await applyCareEvent(deps.database, event, deps.careWindowDays)) applied++;
      } catch (err) {
        if (err instanceof z.ZodError) {
          res.status(400).json({ error: 'BAD_USER_INPUT', eventId: event.id });
          return;
        }
        throw err;
      }
    }
    res.json({ received: parsed.data.events.length, applied });
  });
}
