import type { AuditLog, Database, Principal } from '@medikamente/runtime';
import type { Availability } from '../calendar/availability';
import type { CatalogStore } from '../catalog/catalog.store';
import { type AppointmentEventType, recordAppointmentEvent } from './booking.events';
import type { AppointmentRecord, AppointmentStore } from './booking.store';

/** The publish step: what other replicas, services and the audit log learn of a change. */

type Query = Database['query'];

export class BookingPublisher {
  constructor(
    private readonly deps: {
      appointments: AppointmentStore;
      catalog: CatalogStore;
      availability: Availability;
      audit: AuditLog;
    },
  ) {}

  /** Records the event in the change's transaction: an outbox row and a live NOTIFY on commit. */
  record(q: Query, type: AppointmentEventType, a: AppointmentRecord, doctorAccountId: string) {
    return recordAppointmentEvent(q, type, a, doctorAccountId);
  }

  /** Records the event and drops this replica's cached availability of the doctor at once. */
  async emit(q: Query, type: AppointmentEventType, a: AppointmentRecord) {
    this.deps.availability.invalidate(a.specialistId);
    const s = await this.deps.catalog.specialist(a.specialistId);
    await this.record(q, type, a, s?.accountId ?? 'unknown');
  }

  /** Releases expired holds (all of them, or those in the way of a new booking) and tells subscribers. */
  async releaseExpired(
    q: Query,
    scope?: { specialistId: string; patientId: string; roomId: string | null; start: Date; end: Date },
  ): Promise<number> {
    const expired = await this.deps.appointments.expireHolds(q, scope);
    for (const a of expired) await this.emit(q, 'appointment.expired', a);
    return expired.length;
  }

  /** Booking beyond the schedule is an exceptional act on a patient's care: it is audited. */
  async auditOverbook(principal: Principal, a: AppointmentRecord): Promise<void> {
    await this.deps.audit.append([
      {
        actorId: principal.subject ?? 'unknown',
        actorRole: principal.role ?? 'unknown',
        patientId: a.patientId,
        categories: ['HEALTH'],
        operation: 'overbook',
        requestId: a.id,
        clientAddress: null,
      },
    ]);
  }
}
