import {
  type ActionTokens,
  CHANNELS,
  labResultsReadyMessage,
  type Notifier,
  nextAllowedTime,
  type ReminderQueue,
  reminderMessage,
} from '@medikamente/notifications';
import { type Database, ErrorCode, type InputError, type Logger } from '@medikamente/runtime';
import { DateTime } from 'luxon';
import type { BookingService } from '../booking/booking.service';
import type { AppointmentRecord, AppointmentStatus, AppointmentStore } from '../booking/booking.store';
import type { CatalogStore } from '../catalog/catalog.store';
import { type ReminderSettingsStore, toChannel } from '../reminder-settings/settings.store';
import type { PatientDirectory } from './patient-directory';
import { type ReminderStatus, RemindersStore } from './reminders.store';

export type ReminderJob =
  | { kind: 'patient'; appointmentId: string; startsAt: string }
  | { kind: 'doctor-day'; specialistId: string; day: string }
  /** The lab subgraph released results of an order: tell the patient (no values). */
  | { kind: 'lab-results'; patientId: string; orderId: string };

export type RemindersOptions = {
  database: Database;
  appointments: AppointmentStore;
  catalog: CatalogStore;
  booking: BookingService;
  queue: ReminderQueue;
  notifier: Notifier;
  tokens: ActionTokens;
  patients: PatientDirectory;
  /** The patient's channel choice and push subscription. */
  settings: ReminderSettingsStore;
  portalUrl: string;
  /** Zone of quiet hours for messages not tied to a branch (lab results). */
  clinicTimeZone: string;
  quietHours: { start: string; end: string };
  /** Doctors' next-day lists go out at this local time the day before. */
  doctorListAt: string;
  logger: Logger;
};

/**
 * Reminders T-`reminderLeadHours` before each appointment and the doctors' next-day lists:
 * a scheduler turns due appointments into persisted pg-boss jobs (one per appointment and start,
 * never enqueued twice), a worker sends them through the Notifier (which records every attempt
 * and never delivers one dedupe key twice), with confirm/cancel links carrying single-use tokens.
 */
export class Reminders {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private started = false;
  private readonly store: RemindersStore;

  constructor(private readonly o: RemindersOptions) {
    this.store = new RemindersStore(o.database);
  }

  async start(tickMs: number): Promise<void> {
    this.started = true;
    await this.o.queue.start();
    await this.o.queue.work((data) => this.handle(data as ReminderJob));
    this.timer = setInterval(
      () => void this.tick().catch((e) => this.warn('reminder scheduling failed', e)),
      tickMs,
    );
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
    if (this.started) await this.o.queue.stop();
    this.started = false;
  }

  private warn(msg: string, e: unknown) {
    this.o.logger.warn({ err: (e as Error).message }, msg);
  }

  /** Schedules jobs for appointments entering their reminder window (and tomorrow's doctor lists). */
  tick(now = Date.now()): Promise<void> {
    this.ticking ??= this.scheduleDue(now).finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  private async scheduleDue(now: number): Promise<void> {
    // Lab results released: tell the patient (once per order, the job key and the dedupe key).
    for (const n of await this.store.pendingLabNotices()) {
      await this.o.queue.schedule({
        key: `lab-results:${n.orderId}`,
        startAfter: new Date(),
        data: { kind: 'lab-results', patientId: n.patientId, orderId: n.orderId } satisfies ReminderJob,
      });
      await this.store.labNoticeQueued(n.orderId);
    }
    // Appointments starting within their lead time (+10 min look-ahead), not yet scheduled.
    for (const { appointment: a, leadHours } of await this.store.dueForReminder(new Date(now))) {
      const sendAt = Math.max(now, a.start.getTime() - leadHours * 3_600_000);
      await this.enqueue(a.id, a.start, new Date(sendAt));
    }
    // Doctors' lists for tomorrow (local to each branch), once per doctor and day.
    for (const branch of await this.o.catalog.branches()) {
      const local = DateTime.fromMillis(now, { zone: branch.timeZone });
      const at = DateTime.fromISO(`${local.toISODate()}T${this.o.doctorListAt}`, { zone: branch.timeZone });
      if (local < at) continue;
      const day = local.plus({ days: 1 }).toISODate()!;
      const start = DateTime.fromISO(day, { zone: branch.timeZone });
      const doctors = await this.store.doctorsWithoutDayList(
        branch.id,
        start.toJSDate(),
        start.plus({ days: 1 }).toJSDate(),
        day,
      );
      for (const specialistId of doctors) {
        await this.o.queue.schedule({
          key: `doctor-day:${specialistId}:${day}`,
          startAfter: new Date(),
          data: { kind: 'doctor-day', specialistId, day } satisfies ReminderJob,
        });
        await this.store.dayListQueued(specialistId, day);
      }
    }
  }

  /** Persists the reminder job of an appointment at its current start (never twice for one start). */
  async enqueue(appointmentId: string, start: Date, sendAt: Date): Promise<void> {
    await this.o.queue.schedule({
      key: `reminder:${appointmentId}:${start.getTime()}`,
      startAfter: sendAt,
      data: { kind: 'patient', appointmentId, startsAt: start.toISOString() } satisfies ReminderJob,
    });
    await this.store.reminderScheduled(appointmentId);
  }

  /**
   * The lab released an order's results (inside the event's inbox transaction): noted here, turned
   * into a job by the next tick — the job queue never runs inside another transaction.
   */
  labResultsReleased(patientId: string, orderId: string): Promise<void> {
    return this.store.labResultsReleased(orderId, patientId);
  }

  /** Runs one job (pg-boss retries it with backoff if this throws). */
  async handle(job: ReminderJob): Promise<void> {
    if (job.kind === 'doctor-day') return this.sendDoctorList(job.specialistId, job.day);
    if (job.kind === 'lab-results') return this.sendLabResults(job);
    const a = (await this.o.appointments.byIds([job.appointmentId])).get(job.appointmentId);
    // Cancelled, moved (a new job exists for the new time) or already past: nothing to send.
    if (
      !a ||
      !['BOOKED', 'CONFIRMED'].includes(a.status) ||
      a.start.toISOString() !== job.startsAt ||
      a.start.getTime() < Date.now()
    ) {
      await this.setStatus(job.appointmentId, 'SKIPPED', job.startsAt);
      return;
    }
    const [branch, specialist] = await Promise.all([
      this.o.catalog.branch(a.branchId),
      this.o.catalog.specialist(a.specialistId),
    ]);
    const zone = branch?.timeZone ?? 'Europe/Moscow';
    // Quiet hours in the patient's zone (the branch they attend): move the job, do not send now.
    const allowed = nextAllowedTime(new Date(), zone, this.o.quietHours);
    if (allowed.getTime() > Date.now() + 1000) {
      await this.o.queue.schedule({
        key: `reminder:${a.id}:${a.start.getTime()}:after-quiet`,
        startAfter: allowed,
        data: job,
      });
      return;
    }
    const [contacts, delivery] = await Promise.all([
      this.o.patients.contacts([a.patientId]),
      this.o.settings.deliveryFor(a.patientId),
    ]);
    const contact = contacts.get(a.patientId);
    const expiresAt = a.start;
    const [confirm, cancel] = await Promise.all([
      this.o.tokens.issue({ subject: a.id, action: 'confirm', expiresAt }),
      this.o.tokens.issue({ subject: a.id, action: 'cancel', expiresAt }),
    ]);
    const message = reminderMessage({
      patientName: contact?.fullName ?? 'пациент',
      doctorName: specialist?.displayName ?? 'врач',
      startsAtLocal: DateTime.fromJSDate(a.start, { zone }).setLocale('ru').toFormat("d MMMM yyyy 'в' HH:mm"),
      branchName: branch ? `${branch.name}, ${branch.address}` : '',
      confirmUrl: `${this.o.portalUrl}/r/${confirm}`,
      cancelUrl: `${this.o.portalUrl}/r/${cancel}`,
    });
    const dedupeKey = `reminder:${a.id}:${a.start.getTime()}:patient`;
    const first = toChannel(delivery.preferred);
    const outcome = await this.o.notifier.send({
      dedupeKey,
      kind: 'appointment-reminder',
      recipient: {
        ref: a.patientId,
        email: contact?.email ?? null,
        phone: contact?.phone ?? null,
        push: delivery.push,
        timeZone: zone,
        // The patient's choice first, the others as fallbacks in the clinic's order.
        preferred: [first, ...CHANNELS.filter((c) => c !== first)],
      },
      message,
    });
    // A browser subscription the push service no longer knows is dropped (the portal re-subscribes).
    if (
      delivery.push &&
      outcome.permanentFailures?.some((f) => f.channel === 'push' && f.code === 'PUSH_410')
    )
      await this.o.settings.forgetPush(delivery.push.endpoint);
    const status =
      outcome.status === 'sent' || outcome.status === 'duplicate'
        ? 'SENT'
        : outcome.status === 'skipped'
          ? 'NO_CHANNEL'
          : 'FAILED';
    await this.setStatus(a.id, status, job.startsAt);
  }

  /**
   * "Results are ready" through the patient's chosen channel first (the others as fallbacks),
   * outside quiet hours (the clinic's zone), at most once per order (the dedupe key).
   */
  private async sendLabResults(job: Extract<ReminderJob, { kind: 'lab-results' }>): Promise<void> {
    const zone = this.o.clinicTimeZone;
    const allowed = nextAllowedTime(new Date(), zone, this.o.quietHours);
    if (allowed.getTime() > Date.now() + 1000) {
      await this.o.queue.schedule({
        key: `lab-results:${job.orderId}:after-quiet`,
        startAfter: allowed,
        data: job,
      });
      return;
    }
    const [contacts, delivery] = await Promise.all([
      this.o.patients.contacts([job.patientId]),
      this.o.settings.deliveryFor(job.patientId),
    ]);
    const contact = contacts.get(job.patientId);
    const first = toChannel(delivery.preferred);
    await this.o.notifier.send({
      dedupeKey: `lab-results:${job.orderId}`,
      kind: 'lab-results-ready',
      recipient: {
        ref: job.patientId,
        email: contact?.email ?? null,
        phone: contact?.phone ?? null,
        push: delivery.push,
        timeZone: zone,
        preferred: [first, ...CHANNELS.filter((c) => c !== first)],
      },
      message: labResultsReadyMessage({
        patientName: contact?.fullName ?? 'пациент',
        resultsUrl: `${this.o.portalUrl}/labs`,
      }),
    });
  }

  private async setStatus(appointmentId: string, status: ReminderStatus, startsAt: string) {
    await this.store.setReminderStatus(appointmentId, status, startsAt);
  }

  private async sendDoctorList(specialistId: string, day: string): Promise<void> {
    const email = await this.store.notifyEmail(specialistId);
    const specialist = await this.o.catalog.specialist(specialistId);
    if (!email || !specialist) return;
    const list: AppointmentRecord[] = [];
    for (const branchId of specialist.branchIds) {
      const branch = await this.o.catalog.branch(branchId);
      if (!branch) continue;
      const start = DateTime.fromISO(day, { zone: branch.timeZone });
      list.push(
        ...(
          await this.o.appointments.forSpecialist(
            specialistId,
            start.toJSDate(),
            start.plus({ days: 1 }).toJSDate(),
          )
        ).filter((a) => a.branchId === branchId && ['BOOKED', 'CONFIRMED'].includes(a.status)),
      );
    }
    const contacts = await this.o.patients.contacts([...new Set(list.map((a) => a.patientId))]);
    const lines: string[] = [];
    for (const a of list.sort((x, y) => x.start.getTime() - y.start.getTime())) {
      const branch = await this.o.catalog.branch(a.branchId);
      const time = DateTime.fromJSDate(a.start, { zone: branch?.timeZone ?? 'Europe/Moscow' }).toFormat(
        'HH:mm',
      );
      lines.push(
        `${time} — ${contacts.get(a.patientId)?.fullName ?? 'пациент'}${a.status === 'CONFIRMED' ? ' (подтвердил)' : ''}`,
      );
    }
    const outcome = await this.o.notifier.send({
      dedupeKey: `doctor-day:${specialistId}:${day}`,
      kind: 'doctor-day-list',
      recipient: {
        ref: specialist.accountId,
        email,
        phone: null,
        push: null,
        timeZone: 'Europe/Moscow',
        preferred: ['email'],
      },
      message: {
        subject: `Приёмы на ${DateTime.fromISO(day).setLocale('ru').toFormat('d MMMM')}: ${lines.length}`,
        text: `${specialist.displayName}, ваши приёмы на ${day}:\n\n${lines.join('\n') || 'записей нет'}\n`,
      },
    });
    await this.store.setDayListStatus(specialistId, day, outcome.status === 'failed' ? 'FAILED' : 'SENT');
  }

  /** A reminder link token for an appointment (what the reminder carries; tests and support use it). */
  linkFor(appointmentId: string, action: 'confirm' | 'cancel', expiresAt: Date): Promise<string> {
    return this.o.tokens.issue({ subject: appointmentId, action, expiresAt });
  }

  /** Confirms or cancels through a reminder link: the token is consumed in the same transaction. */
  async useLink(token: string): Promise<{
    ok: boolean;
    action: 'CONFIRM' | 'CANCEL' | null;
    status: AppointmentStatus | null;
    startsAt: string | null;
    inputErrors: InputError[];
  }> {
    if (typeof token !== 'string' || token.length > 2000)
      return {
        ok: false,
        action: null,
        status: null,
        startsAt: null,
        inputErrors: [{ field: 'token', code: ErrorCode.TOKEN_INVALID, message: 'Ссылка недействительна' }],
      };
    try {
      return await this.o.database.tx(async (q) => {
        const used = await this.o.tokens.consume(token, { q });
        const action = used.action === 'confirm' ? 'CONFIRM' : 'CANCEL';
        const a = await this.o.booking.applyReminderAction(q, used.subject, action);
        if (!a) throw Object.assign(new Error('gone'), { code: ErrorCode.NOT_FOUND });
        const branch = await this.o.catalog.branch(a.branchId);
        return {
          ok: true,
          action,
          status: a.status,
          startsAt: DateTime.fromJSDate(a.start, { zone: branch?.timeZone ?? 'UTC' }).toISO({
            suppressMilliseconds: true,
          }),
          inputErrors: [],
        };
      });
    } catch (e) {
      const code = ((e as { extensions?: { code?: string }; code?: string }).extensions?.code ??
        (e as { code?: string }).code) as ErrorCode | undefined;
      const known: Partial<Record<string, string>> = {
        TOKEN_EXPIRED: 'Срок действия ссылки истёк',
        TOKEN_USED: 'Ссылка уже использована',
        TOKEN_INVALID: 'Ссылка недействительна',
        NOT_FOUND: 'Запись не найдена',
      };
      if (!code || !known[code]) throw e;
      return {
        ok: false,
        action: null,
        status: null,
        startsAt: null,
        inputErrors: [{ field: 'token', code, message: known[code]! }],
      };
    }
  }
}
