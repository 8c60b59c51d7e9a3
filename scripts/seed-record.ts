/**
 * Demo medical record for local runs, written through the record subgraph's own consumer and
 * services (no SQL into its tables):
 * - the schedule's appointments of the demo patients reach the record's inbox as appointment
 *   events, exactly as the running schedule relays them (care relationships; a visit opened at
 *   check-in). Deterministic event ids: a repeated seed is a duplicate there;
 * - the patients with portal accounts get 1–3 signed visits on their past appointments (the
 *   doctor of each writes and signs it), the first one corrected (version 2 with a reason), and
 *   Иванова's latest visit stays a draft in progress.
 *
 * Idempotent: a second run writes nothing (visits exist, signatures replay by idempotency key).
 */
import { createHash } from 'node:crypto';
import type { DomainEvent, Principal } from '@medikamente/runtime';
import type { RecordService } from '@medikamente/subgraph-record';
import type { ScheduleService } from '@medikamente/subgraph-schedule';
import { appointmentFact } from '../subgraphs/schedule/src/modules/booking/booking.events';
import type { AppointmentRecord } from '../subgraphs/schedule/src/modules/booking/booking.store';
import { correctionOf, DRAFT_CONTENT, VISITS_BY_SPECIALTY } from './seed-record-content';
import type { DemoDoctor } from './seed-schedule';

/** The patients with portal accounts: the first ids of `demoPatientIds()`. */
const ACCOUNT_PATIENTS = 3;
const MAX_SIGNED = 3;

/** A UUID (v4 layout) derived from a name: the same seed event has the same id on every run. */
export function nameUuid(name: string): string {
  const h = createHash('sha256').update(`medikamente-demo:${name}`).digest('hex').split('');
  h[12] = '4';
  h[16] = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

const doctorPrincipal = (accountId: string): Principal => ({
  kind: 'user',
  subject: accountId,
  role: 'doctor',
  patientId: null,
  branchIds: [],
  scopes: [],
  sessionId: null,
  amr: ['pwd', 'otp'],
});

type Planned = { appointment: AppointmentRecord; doctor: DemoDoctor };

/** The demo visits: signed ones per account patient (oldest first), and the draft. */
async function plan(schedule: ScheduleService, doctors: DemoDoctor[], patientIds: string[]) {
  const doctorOf = new Map<string, DemoDoctor>();
  const byAccount = new Map(doctors.map((d) => [d.accountId, d]));
  const resolve = async (a: AppointmentRecord) => {
    if (!doctorOf.has(a.specialistId)) {
      const s = await schedule.stores.catalog.specialist(a.specialistId);
      const d = s && byAccount.get(s.accountId);
      if (d) doctorOf.set(a.specialistId, d);
    }
    return doctorOf.get(a.specialistId);
  };
  const draftDoctor = doctors[0];
  const signed: Planned[][] = [];
  let draft: Planned | null = null;
  for (const [k, patientId] of patientIds.slice(0, ACCOUNT_PATIENTS).entries()) {
    // Newest first.
    const past = (await schedule.stores.appointments.forPatient(patientId, 'PAST')).filter(
      (a) => a.status === 'COMPLETED' || a.status === 'CHECKED_IN',
    );
    const mine: Planned[] = [];
    for (const appointment of past) {
      const doctor = await resolve(appointment);
      if (!doctor) continue;
      // The first patient's newest appointment with Иванова is still being written.
      if (k === 0 && !draft && doctor === draftDoctor) draft = { appointment, doctor };
      else if (mine.length < MAX_SIGNED) mine.push({ appointment, doctor });
    }
    signed.push(mine.reverse());
  }
  return { signed, draft: draft as Planned | null };
}

/**
 * The events the schedule relays for an appointment: its check-in first (for the visits), then its
 * current state. Both at the appointment's creation: a later real change of it stays newer.
 */
function eventsOf(a: AppointmentRecord, doctorAccountId: string, checkIn: boolean): DomainEvent[] {
  const payload = appointmentFact(a, doctorAccountId);
  const occurredAt = a.createdAt.toISOString();
  const events: DomainEvent[] = [];
  if (checkIn)
    events.push({
      id: nameUuid(`${a.id}:checked_in`),
      type: 'appointment.checked_in',
      occurredAt,
      payload: { ...payload, status: 'CHECKED_IN' },
    });
  events.push({
    id: nameUuid(`${a.id}:${a.status}`),
    type: `appointment.${a.status.toLowerCase()}`,
    occurredAt,
    payload,
  });
  return events;
}

/**
 * Hands a consumer's inbox the appointment events of the demo patients as the running schedule
 * relays them (deterministic ids: a repeat is a duplicate there); `checkedIn` also gets its
 * check-in event. How a consumer added to an existing data directory catches up. The number applied.
 */
export async function replayAppointmentEvents(opts: {
  schedule: ScheduleService;
  inbox: { handle(event: DomainEvent): Promise<'applied' | 'duplicate'> };
  patientIds: string[];
  checkedIn?: ReadonlySet<string>;
}): Promise<number> {
  const { schedule, inbox } = opts;
  const doctorBySpecialist = new Map<string, string | null>();
  let applied = 0;
  for (const patientId of opts.patientIds) {
    const all = [
      ...(await schedule.stores.appointments.forPatient(patientId, 'PAST')),
      ...(await schedule.stores.appointments.forPatient(patientId, 'UPCOMING')),
    ];
    for (const a of all) {
      if (!doctorBySpecialist.has(a.specialistId))
        doctorBySpecialist.set(
          a.specialistId,
          (await schedule.stores.catalog.specialist(a.specialistId))?.accountId ?? null,
        );
      const doctor = doctorBySpecialist.get(a.specialistId);
      if (!doctor) continue;
      for (const event of eventsOf(a, doctor, opts.checkedIn?.has(a.id) ?? false))
        if ((await inbox.handle(event)) === 'applied') applied++;
    }
  }
  return applied;
}

/** Seeds the demo record once; `created` is false when it was already there. */
export async function seedRecord(opts: {
  schedule: ScheduleService;
  record: RecordService;
  /** The demo doctors in their seed order (Иванова first), with their specialty in `note`. */
  doctors: DemoDoctor[];
  /** `demoPatientIds()`: the account patients first. */
  patientIds: string[];
  log?: (s: string) => void;
}): Promise<{ created: boolean }> {
  const { schedule, record, doctors, patientIds } = opts;
  const log = opts.log ?? (() => {});
  const inbox = record.inbox;
  if (!inbox) throw new Error('the record subgraph consumes no events');
  const { visits } = record.services;
  const { signed, draft } = await plan(schedule, doctors, patientIds);
  const withVisit = new Set([...signed.flat(), ...(draft ? [draft] : [])].map((p) => p.appointment.id));

  // Done already: every planned visit signed (the first one corrected) and the draft saved.
  const done = async () => {
    for (const p of signed.flat()) {
      const v = await record.stores.visits.visitByAppointment(p.appointment.id);
      if (v?.status !== 'SIGNED') return false;
    }
    if (!draft) return true;
    const v = await record.stores.visits.visitByAppointment(draft.appointment.id);
    return v !== null && (await record.stores.visits.draftOf(v.id, draft.doctor.accountId)) !== null;
  };
  if (withVisit.size > 0 && (await done())) return { created: false };
  const started = Date.now();

  // Care relationships (and visits at check-in) from every demo patient's appointments.
  const applied = await replayAppointmentEvents({ schedule, inbox, patientIds, checkedIn: withVisit });
  log(`record: ${applied} appointment events applied (${Date.now() - started} ms)`);

  // Signed visits, written and signed by their doctors through the record's visit service.
  let written = 0;
  // Each specialty's cases in turn, across the patients.
  const counts = new Map<string, number>();
  for (const [k, mine] of signed.entries()) {
    for (const [i, p] of mine.entries()) {
      const visit = await record.stores.visits.visitByAppointment(p.appointment.id);
      // No visit: the appointment changed after the seed's events (a newer event decided).
      if (!visit) continue;
      const n = counts.get(p.doctor.note) ?? 0;
      counts.set(p.doctor.note, n + 1);
      const options = VISITS_BY_SPECIALTY[p.doctor.note] ?? VISITS_BY_SPECIALTY.терапевт!;
      const content = options[n % options.length]!;
      const doctor = p.doctor.accountId;
      if (visit.status !== 'SIGNED') {
        expectOk(await visits.saveDraft(doctor, { visitId: visit.id, content, expectedRevision: null }));
        expectOk(
          await visits.sign(doctorPrincipal(doctor), {
            visitId: visit.id,
            reason: null,
            idempotencyKey: `demo-seed-sign-${visit.id}`,
          }),
        );
        written++;
      }
      // The first patient's first visit was corrected afterwards: version 2 with its reason.
      if (k === 0 && i === 0 && ((await visits.current(visit.id))?.number ?? 0) < 2) {
        const correction = correctionOf(content);
        expectOk(await visits.startCorrection(doctor, visit.id));
        expectOk(
          await visits.saveDraft(doctor, {
            visitId: visit.id,
            content: correction.content,
            expectedRevision: null,
          }),
        );
        expectOk(
          await visits.sign(doctorPrincipal(doctor), {
            visitId: visit.id,
            reason: correction.reason,
            idempotencyKey: `demo-seed-correct-${visit.id}`,
          }),
        );
      }
    }
  }

  // Иванова's visit in progress: an autosaved draft (hers only; never shown to the patient).
  if (draft) {
    const visit = await record.stores.visits.visitByAppointment(draft.appointment.id);
    if (visit && !(await record.stores.visits.draftOf(visit.id, draft.doctor.accountId)))
      expectOk(
        await visits.saveDraft(draft.doctor.accountId, {
          visitId: visit.id,
          content: DRAFT_CONTENT,
          expectedRevision: null,
        }),
      );
  }
  log(`record: ${written} signed visits, ${draft ? 'a draft' : 'no draft'} (${Date.now() - started} ms)`);
  return { created: true };
}

/** A refusal of the visit service here is a bug of the seed (unknown code, no access): stop. */
function expectOk<T extends object>(r: T | { inputErrors: Array<{ code: string; field: string }> }): T {
  if ('inputErrors' in r && r.inputErrors.length)
    throw new Error(
      `seed: the record refused: ${r.inputErrors.map((e) => `${e.field} ${e.code}`).join(', ')}`,
    );
  return r as T;
}
