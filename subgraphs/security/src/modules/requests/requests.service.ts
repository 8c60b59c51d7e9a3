import { randomUUID } from 'node:crypto';
import type { ChannelAdapter, Notifier } from '@medikamente/notifications';
import {
  type Database,
  dateError,
  ErrorCode,
  IdempotencyMismatchError,
  type IdempotencyStore,
  type InputError,
  idError,
  inputError,
  type Job,
  type Logger,
  type Principal,
  periodicJob,
  textError,
} from '@medikamente/runtime';
import { codes } from '../../error-codes.generated';
import type { ProductionCalendar } from '../calendar/calendar';
import type { SecurityMetrics } from '../monitoring/metrics';
import {
  DEADLINE_RULES,
  deadlineOf,
  extendedDeadline,
  type RequestChannel,
  type RequestStatus,
  type RequestType,
} from './requests.rules';
import type { DataRequestChange, DataRequestRecord, DataRequestStore } from './requests.store';

/** The result of a mutation: the request, or input errors (nothing written). */
export type Outcome = { ok: true; request: DataRequestRecord } | { ok: false; inputErrors: InputError[] };

/** Thrown inside a transaction: rolls it back (the idempotency claim included) and answers input errors. */
class Refused extends Error {
  constructor(readonly inputErrors: InputError[]) {
    super('refused');
  }
}

export type RequestSettings = {
  /** Reminder thresholds in working days before the deadline, e.g. [3, 1]. */
  remindWithin: number[];
  /** The security officers' mailbox: reminders when the owner's address is unknown, and every escalation. */
  officersEmail: string | undefined;
  /** Base of the staff console link put in e-mails (`<base>/<id>`); unset: the id alone. */
  consoleUrl: string | undefined;
  checkEveryMs: number;
};

/** An owner's e-mail address from their staff account id (the identity directory); undefined: unknown. */
export type OwnerEmails = (accountId: string) => Promise<string | undefined>;

const DETAILS_MAX = 4000;
const REASON_MAX = 2000;
const OPEN_STATES: readonly RequestStatus[] = ['RECEIVED', 'IN_PROGRESS', 'EXTENDED'];
const WORKING_STATES: readonly RequestStatus[] = ['IN_PROGRESS', 'EXTENDED'];

const stateError = () =>
  inputError('input.id', codes.DATA_REQUEST_STATE, 'Действие невозможно в текущем статусе обращения');

/**
 * The register of data-subject requests (152-FZ): filing and registration with the legal
 * deadline from the production calendar, the officer's lifecycle (assign → extend → complete or
 * refuse), an append-only history, reminders before the deadline and escalation after it.
 * Executing a request (the export, erasure across services) plugs in through `outcomeRef`.
 */
export class RequestsService {
  constructor(
    private readonly deps: {
      database: Database;
      store: DataRequestStore;
      idempotency: IdempotencyStore;
      calendar: ProductionCalendar;
      notifier: Notifier;
      email: ChannelAdapter | undefined;
      ownerEmails: OwnerEmails;
      metrics: SecurityMetrics;
      logger: Logger;
      settings: RequestSettings;
      now?: () => Date;
    },
  ) {}

  /** Today in Moscow (the calendar's zone). */
  today(): string {
    return this.deps.calendar.localDate(this.deps.now?.() ?? new Date());
  }

  /** Whether the request is past its deadline and still open. */
  isOverdue(r: DataRequestRecord, today = this.today()): boolean {
    return OPEN_STATES.includes(r.status) && today > r.dueOn;
  }

  /** A patient files a request from the portal, for themself. */
  file(
    by: Principal,
    input: { type: RequestType; details?: string | null; idempotencyKey: string },
  ): Promise<Outcome> {
    const errors = [
      detailsError(input.type, input.details),
      textError('input.idempotencyKey', input.idempotencyKey, { max: 100, required: true }),
    ].filter((e) => e !== null);
    if (errors.length) return Promise.resolve({ ok: false, inputErrors: errors });
    if (!by.patientId || !by.subject) throw new Error('fileDataRequest needs a patient principal');
    return this.create(by, 'fileDataRequest', input.idempotencyKey, {
      patientId: by.patientId,
      type: input.type,
      channel: 'PORTAL',
      details: input.details?.trim() || null,
      receivedOn: this.today(),
    });
  }

  /** A security officer registers a request received on paper, in person or by e-mail. */
  register(
    by: Principal,
    input: {
      patientId: string;
      type: RequestType;
      channel: RequestChannel;
      details?: string | null;
      receivedOn?: string | null;
      idempotencyKey: string;
    },
  ): Promise<Outcome> {
    const today = this.today();
    const receivedOn = input.receivedOn ?? today;
    const errors = [
      idError('input.patientId', input.patientId),
      input.channel === 'PORTAL'
        ? inputError('input.channel', ErrorCode.BAD_USER_INPUT, 'Портал — канал обращений самого пациента')
        : null,
      detailsError(input.type, input.details),
      dateError('input.receivedOn', receivedOn) ??
        (receivedOn > today
          ? inputError('input.receivedOn', ErrorCode.INVALID_DATE, 'Дата получения не может быть в будущем')
          : receivedOn < this.deps.calendar.addCalendarDays(today, -365)
            ? inputError(
                'input.receivedOn',
                ErrorCode.INVALID_DATE,
                'Дата получения — не раньше чем год назад',
              )
            : null),
      textError('input.idempotencyKey', input.idempotencyKey, { max: 100, required: true }),
    ].filter((e) => e !== null);
    if (errors.length) return Promise.resolve({ ok: false, inputErrors: errors });
    return this.create(by, 'registerDataRequest', input.idempotencyKey, {
      patientId: input.patientId.toLowerCase(),
      type: input.type,
      channel: input.channel,
      details: input.details?.trim() || null,
      receivedOn,
    });
  }

  /** Assigns (or reassigns) the owner; a new request goes into work. */
  assign(by: Principal, input: { id: string; ownerAccountId: string }): Promise<Outcome> {
    const error = textError('input.ownerAccountId', input.ownerAccountId, { max: 100, required: true });
    return this.transition(by, input.id, error ? [error] : [], async (r) => {
      if (!OPEN_STATES.includes(r.status)) throw new Refused([stateError()]);
      const owner = input.ownerAccountId.trim();
      const status = r.status === 'RECEIVED' ? 'IN_PROGRESS' : r.status;
      return { change: { ownerAccountId: owner, status }, action: 'ASSIGNED', note: null };
    });
  }

  /** Extends the deadline once by the law's working days, with the reasoned notice's text. */
  extend(by: Principal, input: { id: string; reason: string }): Promise<Outcome> {
    const error = textError('input.reason', input.reason, { max: REASON_MAX, required: true });
    return this.transition(by, input.id, error ? [error] : [], async (r) => {
      if (r.status === 'EXTENDED')
        throw new Refused([
          inputError('input.id', codes.DATA_REQUEST_ALREADY_EXTENDED, 'Срок обращения уже продлён'),
        ]);
      if (!OPEN_STATES.includes(r.status)) throw new Refused([stateError()]);
      if (DEADLINE_RULES[r.type].extensionDays === 0)
        throw new Refused([
          inputError(
            'input.id',
            codes.DATA_REQUEST_NOT_EXTENDABLE,
            'Срок по этому виду обращения не продлевается',
          ),
        ]);
      if (this.today() > r.dueOn)
        throw new Refused([
          inputError(
            'input.id',
            codes.DATA_REQUEST_DEADLINE_PASSED,
            'Срок обращения уже истёк, продлить его нельзя',
          ),
        ]);
      const reason = input.reason.trim();
      const dueOn = extendedDeadline(this.deps.calendar, r.type, r.dueOn);
      return {
        change: { status: 'EXTENDED', dueOn, extensionReason: reason },
        action: 'EXTENDED',
        note: reason,
      };
    });
  }

  /** Completes a request in work (`outcomeRef`: the export or act of destruction, when one exists). */
  complete(
    by: Principal,
    input: { id: string; note?: string | null; outcomeRef?: string | null },
  ): Promise<Outcome> {
    const errors = [
      textError('input.note', input.note, { max: REASON_MAX }),
      textError('input.outcomeRef', input.outcomeRef, { max: 200 }),
    ].filter((e) => e !== null);
    return this.transition(by, input.id, errors, async (r) => {
      if (!WORKING_STATES.includes(r.status)) throw new Refused([stateError()]);
      const note = input.note?.trim() || null;
      return {
        change: {
          status: 'COMPLETED',
          completionNote: note,
          outcomeRef: input.outcomeRef?.trim() || null,
          closedAt: new Date(),
        },
        action: 'COMPLETED',
        note,
      };
    });
  }

  /** Refuses a request in work, with the reasoned answer the patient receives. */
  refuse(by: Principal, input: { id: string; reason: string }): Promise<Outcome> {
    const error = textError('input.reason', input.reason, { max: REASON_MAX, required: true });
    return this.transition(by, input.id, error ? [error] : [], async (r) => {
      if (!WORKING_STATES.includes(r.status)) throw new Refused([stateError()]);
      const reason = input.reason.trim();
      return {
        change: { status: 'REFUSED', refusalReason: reason, closedAt: new Date() },
        action: 'REFUSED',
        note: reason,
      };
    });
  }

  private async create(
    by: Principal,
    operation: string,
    key: string,
    request: {
      patientId: string;
      type: RequestType;
      channel: RequestChannel;
      details: string | null;
      receivedOn: string;
    },
  ): Promise<Outcome> {
    const { database, store, idempotency, calendar } = this.deps;
    try {
      const value = await database.tx(async () => {
        const id = randomUUID();
        const claim = await idempotency.claim({ principal: by, key, operation, request, result: { id } });
        if (claim.status === 'mismatch') throw new IdempotencyMismatchError('input.idempotencyKey');
        if (claim.status === 'replayed') return (await store.byId(claim.result.id))!;
        const created = await store.insert({
          id,
          ...request,
          dueOn: deadlineOf(calendar, request.type, request.receivedOn),
          legalBasis: DEADLINE_RULES[request.type].basis,
          filedByAccountId: by.subject!,
        });
        await store.step({
          requestId: id,
          action: 'RECEIVED',
          fromStatus: null,
          toStatus: 'RECEIVED',
          accountId: by.subject,
          note: null,
        });
        return created;
      });
      return { ok: true, request: value };
    } catch (e) {
      if (e instanceof IdempotencyMismatchError) return { ok: false, inputErrors: [e.toInputError()] };
      throw e;
    }
  }

  /** One transition: validate, lock, decide, update, record the step — or change nothing. */
  private async transition(
    by: Principal,
    id: string,
    errors: InputError[],
    decide: (
      r: DataRequestRecord,
    ) => Promise<{ change: DataRequestChange; action: string; note: string | null }>,
  ): Promise<Outcome> {
    const all = [idError('input.id', id), ...errors].filter((e) => e !== null);
    if (all.length) return { ok: false, inputErrors: all };
    const { database, store } = this.deps;
    try {
      const request = await database.tx(async () => {
        const current = await store.lock(id.toLowerCase());
        if (!current)
          throw new Refused([inputError('input.id', ErrorCode.NOT_FOUND, 'Обращение не найдено')]);
        const { change, action, note } = await decide(current);
        const next = await store.update(current.id, change);
        await store.step({
          requestId: current.id,
          action,
          fromStatus: current.status,
          toStatus: next.status,
          accountId: by.subject,
          note,
        });
        return next;
      });
      return { ok: true, request };
    } catch (e) {
      if (e instanceof Refused) return { ok: false, inputErrors: e.inputErrors };
      throw e;
    }
  }

  /**
   * One pass of the reminder job: a reminder to the owner (or the officers' mailbox) when a
   * request comes within a threshold of its deadline, once per request, deadline and threshold;
   * an escalation to the officers' mailbox (and the owner) once a deadline passes, and the
   * request flagged. Updates the overdue / due-soon gauges. Returns the counts.
   */
  async remind(): Promise<{ overdue: number; dueSoon: number; reminded: number; escalated: number }> {
    const { store, calendar, settings } = this.deps;
    const today = this.today();
    const thresholds = [...settings.remindWithin].sort((a, b) => a - b);
    const window = thresholds.at(-1) ?? 0;
    let overdue = 0;
    let dueSoon = 0;
    let reminded = 0;
    let escalated = 0;
    for (const r of await store.open()) {
      if (today > r.dueOn) {
        overdue++;
        const owner = r.ownerAccountId ? await this.deps.ownerEmails(r.ownerAccountId) : undefined;
        for (const [who, to] of [
          ['officers', settings.officersEmail],
          ['owner', owner],
        ] as const)
          if (to) await this.mail(`dsr:${r.id}:${r.dueOn}:overdue:${who}`, to, overdueMessage(r, settings));
        if (await store.markEscalated(r.id)) {
          escalated++;
          await store.step({
            requestId: r.id,
            action: 'ESCALATED',
            fromStatus: r.status,
            toStatus: r.status,
            accountId: null,
            note: null,
          });
        }
        continue;
      }
      const left = calendar.workingDaysBetween(today, r.dueOn);
      if (left > window) continue;
      dueSoon++;
      const threshold = thresholds.find((t) => left <= t)!;
      const to =
        (r.ownerAccountId ? await this.deps.ownerEmails(r.ownerAccountId) : undefined) ??
        settings.officersEmail;
      if (!to) continue;
      const sent = await this.mail(
        `dsr:${r.id}:${r.dueOn}:due-${threshold}`,
        to,
        dueMessage(r, left, settings),
      );
      if (sent) {
        reminded++;
        await store.step({
          requestId: r.id,
          action: 'REMINDED',
          fromStatus: r.status,
          toStatus: r.status,
          accountId: null,
          note: `threshold:${threshold}`,
        });
      }
    }
    this.deps.metrics.setRequests(overdue, dueSoon);
    return { overdue, dueSoon, reminded, escalated };
  }

  /** Sends once per dedupe key; true when this call delivered it. */
  private async mail(dedupeKey: string, to: string, message: { subject: string; text: string }) {
    if (!this.deps.email) return false;
    try {
      const result = await this.deps.notifier.send({
        dedupeKey,
        kind: 'data-request',
        recipient: { ref: dedupeKey, email: to, timeZone: this.deps.calendar.timeZone, preferred: ['email'] },
        message,
      });
      if (result.status === 'failed') this.deps.logger.warn({ dedupeKey }, 'data request e-mail failed');
      return result.status === 'sent';
    } catch (e) {
      // In flight in another replica (CONFLICT) or the database failed: the next pass tries again.
      this.deps.logger.warn(
        { dedupeKey, code: (e as { extensions?: { code?: string } }).extensions?.code },
        'data request e-mail deferred',
      );
      return false;
    }
  }

  /** The reminder job: `remind()` every DSR_CHECK_MS. */
  job(): Job {
    return periodicJob(
      () => this.remind(),
      this.deps.settings.checkEveryMs,
      (e) => this.deps.logger.error({ err: (e as Error)?.message }, 'data request reminders failed'),
    );
  }
}

function detailsError(type: RequestType, details: string | null | undefined): InputError | null {
  // A correction must say what is inaccurate; other types may leave it empty.
  return textError('input.details', details, { max: DETAILS_MAX, required: type === 'CORRECTION' });
}

const link = (r: DataRequestRecord, s: RequestSettings) =>
  s.consoleUrl ? `${s.consoleUrl.replace(/\/$/, '')}/${r.id}` : `Обращение ${r.id}`;
const ruDate = (d: string) => d.split('-').reverse().join('.');

// No personal data in e-mails: the request id (a link to the console) and its deadline only.
function dueMessage(r: DataRequestRecord, left: number, s: RequestSettings) {
  return {
    subject: 'Приближается срок ответа на обращение субъекта персональных данных',
    text: [
      left === 0
        ? `Сегодня (${ruDate(r.dueOn)}) истекает срок ответа на обращение.`
        : `Срок ответа на обращение истекает ${ruDate(r.dueOn)} (осталось рабочих дней: ${left}).`,
      link(r, s),
      'Откройте консоль специалиста по безопасности, раздел «Обращения субъектов».',
    ].join('\n'),
  };
}

function overdueMessage(r: DataRequestRecord, s: RequestSettings) {
  return {
    subject: 'Просрочен ответ на обращение субъекта персональных данных',
    text: [
      `Срок ответа на обращение истёк ${ruDate(r.dueOn)}, обращение не закрыто.`,
      link(r, s),
      'Откройте консоль специалиста по безопасности, раздел «Обращения субъектов».',
    ].join('\n'),
  };
}
