import { addToOutbox, type Database } from '@medikamente/runtime';
import type { AppointmentRecord } from './booking.store';

/** NOTIFY channel of live appointment events (all replicas listen on the same database). */
export const APPOINTMENT_CHANNEL = 'appointment_events';

export type AppointmentEventType =
  | 'appointment.held'
  | 'appointment.booked'
  | 'appointment.confirmed'
  | 'appointment.rescheduled'
  | 'appointment.cancelled'
  | 'appointment.expired'
  | 'appointment.checked_in'
  | 'appointment.no_show'
  | 'appointment.completed';

/** What live subscribers receive: ids for authorisation, never personal data. */
export type LiveAppointmentEvent = {
  type: AppointmentEventType;
  appointmentId: string;
  branchId: string;
  patientId: string;
  doctorAccountId: string;
  specialistId: string;
  occurredAt: string;
};

/** The payload of an appointment event for other services: ids, times and status, never content. */
export function appointmentFact(a: AppointmentRecord, doctorAccountId: string) {
  return {
    appointmentId: a.id,
    patientId: a.patientId,
    doctorAccountId,
    branchId: a.branchId,
    // The booked service (billing prices a completed visit by it).
    serviceId: a.serviceId,
    startsAt: a.start.toISOString(),
    endsAt: a.end.toISOString(),
    status: a.status,
  };
}

/**
 * Records an appointment fact in the same transaction as the change: an outbox row for other
 * services (the patient subgraph's care relationships, reminders) and a NOTIFY for live
 * subscribers, delivered only if the transaction commits.
 */
export async function recordAppointmentEvent(
  q: Database['query'],
  type: AppointmentEventType,
  a: AppointmentRecord,
  doctorAccountId: string,
): Promise<void> {
  const live: LiveAppointmentEvent = {
    type,
    appointmentId: a.id,
    branchId: a.branchId,
    patientId: a.patientId,
    doctorAccountId,
    specialistId: a.specialistId,
    occurredAt: new Date().toISOString(),
  };
  const fact = appointmentFact(a, doctorAccountId);
  // One round trip: the outbox row and the NOTIFY.
  await addToOutbox(q, type, fact, { channel: APPOINTMENT_CHANNEL, payload: live });
}
