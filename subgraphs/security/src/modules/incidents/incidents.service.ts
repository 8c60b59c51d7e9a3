import { randomUUID } from 'node:crypto';
import type { ChannelAdapter, Notifier } from '@medikamente/notifications';
import {
  type Database,
  ErrorCode,
  type InputError,
  idError,
  inputError,
  isId,
  type Job,
  type Logger,
  type Principal,
  periodicJob,
  textError,
} from '@medikamente/runtime';
import { codes } from '../../error-codes.generated';
import type { AlertStore } from '../alerts/alerts.store';
import type { SecurityMetrics } from '../monitoring/metrics';
import { MOSCOW, moscowTime } from './incidents.draft';
import type {
  IncidentChange,
  IncidentRecord,
  IncidentScope,
  IncidentStatus,
  IncidentStore,
} from './incidents.store';

export type IncidentOutcome =
  | { ok: true; incident: IncidentRecord }
  | { ok: false; inputErrors: InputError[] };

/** Thrown inside a transaction: rolls it back and answers input errors. */
class Refused extends Error {
  constructor(readonly inputErrors: InputError[]) {
    super('refused');
  }
}

export type IncidentSettings = {
  /** The security officers' mailbox (overdue notices). */
  officersEmail: string | undefined;
  checkEveryMs: number;
};

const TITLE_MAX = 200;
const TEXT_MAX = 4000;
const REF_MAX = 100;
const MAX_ALERTS = 50;
const MAX_SCOPE_ITEMS = 50;
/** A linked alert's window reaches this far before its first access (the officer narrows it with an explicit scope). */
const DERIVED_LOOKBACK_MS = 24 * 3600_000;
const DAY_MS = 24 * 3600_000;
const ACCOUNT = /^[A-Za-z0-9_.@:-]{1,100}$/;
const SERVICE = /^[a-z][a-z0-9-]{0,39}$/;
const CATEGORY = /^[A-Z][A-Z0-9_]{0,39}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

const notFound = () => inputError('input.id', ErrorCode.NOT_FOUND, 'Инцидент не найден');
const stateError = (field = 'input.id') =>
  inputError(field, codes.INCIDENT_STATE, 'Действие невозможно в текущем статусе инцидента');

/** An ISO instant with an explicit offset, or an INVALID_DATE error; null/undefined: not given. */
function instant(field: string, value: unknown): { date: Date | null; error: InputError | null } {
  if (value === null || value === undefined) return { date: null, error: null };
  const d = typeof value === 'string' && INSTANT.test(value) ? new Date(value) : null;
  if (!d || Number.isNaN(d.getTime()) || d.getUTCFullYear() < 2000 || d.getUTCFullYear() > 2100)
    return {
      date: null,
      error: inputError(field, ErrorCode.INVALID_DATE, 'Дата и время ISO 8601 с часовым поясом'),
    };
  return { date: d, error: null };
}

function listErrors(field: string, values: unknown, pattern: RegExp, message: string): InputError[] {
  if (values === null || values === undefined) return [];
  if (!Array.isArray(values) || values.length > MAX_SCOPE_ITEMS)
    return [inputError(field, ErrorCode.BAD_USER_INPUT, `Не больше ${MAX_SCOPE_ITEMS} значений`)];
  const bad = values.findIndex((v) => typeof v !== 'string' || !pattern.test(v.trim()));
  return bad < 0 ? [] : [inputError(`${field}.${bad}`, ErrorCode.BAD_USER_INPUT, message)];
}

const clean = (v: string | null | undefined) => v?.trim() || null;

/**
 * Personal-data incidents (152-FZ art. 21 part 3.1): opened by the security officer by hand or
 * from alerts, the 24-hour and 72-hour Roskomnadzor deadlines from the detection instant, the
 * affected patients resolved from the central audit stream as a snapshot, the notices marked
 * with Roskomnadzor's reference numbers, an append-only history; a job flags passed deadlines and
 * mails the officers once per deadline.
 */
export class IncidentsService {
  constructor(
    private readonly deps: {
      database: Database;
      store: IncidentStore;
      alerts: AlertStore;
      notifier: Notifier;
      email: ChannelAdapter | undefined;
      metrics: SecurityMetrics;
      logger: Logger;
      settings: IncidentSettings;
      now?: () => Date;
    },
  ) {}

  now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** Opens an incident, optionally from alerts (each is triaged INCIDENT and linked to it). */
  async open(
    by: Principal,
    input: {
      alertIds?: readonly string[] | null;
      title: string;
      description: string;
      detectedAt?: string | null;
    },
  ): Promise<IncidentOutcome> {
    const now = this.now();
    const detected = instant('input.detectedAt', input.detectedAt);
    const alertIds = input.alertIds ?? [];
    const errors = [
      textError('input.title', input.title, { max: TITLE_MAX, required: true }),
      textError('input.description', input.description, { max: TEXT_MAX, required: true }),
      detected.error ??
        (detected.date && detected.date.getTime() > now.getTime() + 5 * 60_000
          ? inputError('input.detectedAt', ErrorCode.INVALID_DATE, 'Время выявления не может быть в будущем')
          : detected.date && detected.date.getTime() < now.getTime() - 365 * DAY_MS
            ? inputError(
                'input.detectedAt',
                ErrorCode.INVALID_DATE,
                'Время выявления — не раньше чем год назад',
              )
            : null),
      alertIds.length > MAX_ALERTS
        ? inputError('input.alertIds', ErrorCode.BAD_USER_INPUT, `Не больше ${MAX_ALERTS} сигналов`)
        : null,
      ...alertIds.map((id, n) => idError(`input.alertIds.${n}`, id)),
    ].filter((e) => e !== null);
    if (errors.length) return { ok: false, inputErrors: errors };
    if (!by.subject) throw new Error('openIncident needs an account');
    return this.run(async () => {
      const incident = await this.deps.store.insert({
        id: randomUUID(),
        title: input.title.trim(),
        description: input.description.trim(),
        detectedAt: detected.date ?? now,
        ownerAccountId: by.subject!,
      });
      await this.step(incident, incident.status, 'OPENED', by, null);
      await this.linkAlerts(incident, alertIds, by, 'input.alertIds');
      return incident;
    });
  }

  /** Links one more alert to an open incident (the alert is triaged INCIDENT). */
  linkAlert(by: Principal, input: { id: string; alertId: string }): Promise<IncidentOutcome> {
    const error = idError('input.alertId', input.alertId);
    return this.transition(by, input.id, error ? [error] : [], async (incident) => {
      if (incident.status === 'CLOSED') throw new Refused([stateError()]);
      await this.linkAlerts(incident, [input.alertId.toLowerCase()], by, 'input.alertId');
      return { change: {}, action: 'ALERT_LINKED', note: input.alertId.toLowerCase() };
    });
  }

  /** The officer's findings the drafts are made of, and the owner. Given fields change; empty text clears. */
  update(
    by: Principal,
    input: {
      id: string;
      ownerAccountId?: string | null;
      presumedCauses?: string | null;
      harm?: string | null;
      measures?: string | null;
      contactPerson?: string | null;
      investigationResults?: string | null;
      responsiblePersons?: string | null;
    },
  ): Promise<IncidentOutcome> {
    const texts = [
      'presumedCauses',
      'harm',
      'measures',
      'contactPerson',
      'investigationResults',
      'responsiblePersons',
    ] as const;
    const errors = [
      input.ownerAccountId != null && !ACCOUNT.test(input.ownerAccountId.trim())
        ? inputError('input.ownerAccountId', ErrorCode.INVALID_ID, 'Неверный идентификатор сотрудника')
        : null,
      ...texts.map((k) => textError(`input.${k}`, input[k], { max: TEXT_MAX })),
    ].filter((e) => e !== null);
    return this.transition(by, input.id, errors, async (incident) => {
      if (incident.status === 'CLOSED') throw new Refused([stateError()]);
      const change: IncidentChange = {};
      for (const k of texts) if (input[k] !== undefined) change[k] = clean(input[k]);
      if (input.ownerAccountId != null) change.ownerAccountId = input.ownerAccountId.trim();
      return { change, action: 'UPDATED', note: Object.keys(change).sort().join(',') || null };
    });
  }

  /**
   * Resolves the affected patients against the audit stream and stores the snapshot. The scope
   * given replaces the stored one; none given: the stored one again (a recompute), or — when
   * there is none — one derived from the linked alerts (their actors, or their services when
   * they name no actor; from 24 h before the first alert to the detection or the last alert).
   */
  resolveAffected(
    by: Principal,
    input: {
      id: string;
      scope?: {
        actorIds?: readonly string[] | null;
        services?: readonly string[] | null;
        categories?: readonly string[] | null;
        from?: string | null;
        to?: string | null;
      } | null;
    },
  ): Promise<IncidentOutcome> {
    const s = input.scope;
    const from = instant('input.scope.from', s?.from);
    const to = instant('input.scope.to', s?.to);
    const errors = [
      ...listErrors('input.scope.actorIds', s?.actorIds, ACCOUNT, 'Неверный идентификатор сотрудника'),
      ...listErrors('input.scope.services', s?.services, SERVICE, 'Неверное имя службы'),
      ...listErrors('input.scope.categories', s?.categories, CATEGORY, 'Неверная категория данных'),
      from.error,
      to.error,
      from.date && to.date && to.date <= from.date
        ? inputError('input.scope.to', ErrorCode.BAD_USER_INPUT, 'Конец периода раньше начала')
        : null,
    ].filter((e) => e !== null);
    let given: IncidentScope | null = null;
    if (s && !errors.length) {
      given = {
        actorIds: [...new Set((s.actorIds ?? []).map((v) => v.trim()))],
        services: [...new Set((s.services ?? []).map((v) => v.trim()))],
        categories: [...new Set((s.categories ?? []).map((v) => v.trim()))],
        from: from.date?.toISOString() ?? null,
        to: to.date?.toISOString() ?? null,
        derived: false,
      };
      if (
        !given.actorIds.length &&
        !given.services.length &&
        !given.categories.length &&
        !given.from &&
        !given.to
      )
        errors.push(
          inputError('input.scope', ErrorCode.REQUIRED, 'Укажите сотрудников, службы, категории или период'),
        );
    }
    return this.transition(by, input.id, errors, async (incident) => {
      if (incident.status === 'CLOSED') throw new Refused([stateError()]);
      const scope = given ?? incident.scope ?? (await this.derivedScope(incident));
      const found = await this.deps.store.resolveAffected(scope);
      const affected = { computedAt: this.now().toISOString(), ...found };
      return {
        change: { scope, affected },
        action: 'AFFECTED_RESOLVED',
        // Counts only in the history: never patient ids.
        note: `patients:${found.patientIds.length};events:${found.events}`,
      };
    });
  }

  /** Marks a notice as submitted to Roskomnadzor, with its reference number. */
  recordNotification(
    by: Principal,
    input: { id: string; kind: 'INITIAL_24H' | 'RESULTS_72H'; reference: string; sentAt?: string | null },
  ): Promise<IncidentOutcome> {
    const sent = instant('input.sentAt', input.sentAt);
    const now = this.now();
    const errors = [
      textError('input.reference', input.reference, { max: REF_MAX, required: true }),
      sent.error ??
        (sent.date && sent.date.getTime() > now.getTime() + 5 * 60_000
          ? inputError('input.sentAt', ErrorCode.INVALID_DATE, 'Время отправки не может быть в будущем')
          : null),
    ].filter((e) => e !== null);
    return this.transition(by, input.id, errors, async (incident) => {
      const at = sent.date ?? now;
      if (at < incident.detectedAt)
        throw new Refused([
          inputError('input.sentAt', ErrorCode.INVALID_DATE, 'Время отправки раньше выявления инцидента'),
        ]);
      const reference = input.reference.trim();
      if (input.kind === 'INITIAL_24H') {
        if (incident.status !== 'OPEN') throw new Refused([stateError('input.kind')]);
        return {
          change: { status: 'NOTIFIED_24H', notified24hAt: at, notified24hRef: reference },
          action: 'NOTIFIED_24H',
          note: reference,
        };
      }
      if (incident.status !== 'NOTIFIED_24H') throw new Refused([stateError('input.kind')]);
      return {
        change: { status: 'REPORTED_72H', reported72hAt: at, reported72hRef: reference },
        action: 'REPORTED_72H',
        note: reference,
      };
    });
  }

  /** Closes an incident whose investigation results were reported. */
  close(by: Principal, input: { id: string; note?: string | null }): Promise<IncidentOutcome> {
    const error = textError('input.note', input.note, { max: TEXT_MAX });
    return this.transition(by, input.id, error ? [error] : [], async (incident) => {
      if (incident.status !== 'REPORTED_72H') throw new Refused([stateError()]);
      return {
        change: { status: 'CLOSED', closedAt: this.now() },
        action: 'CLOSED',
        note: clean(input.note),
      };
    });
  }

  /**
   * One pass of the overdue job: each incident whose 24-hour (or 72-hour) deadline passed without
   * the notice is flagged once, gets an OVERDUE step and one e-mail to the officers' mailbox per
   * deadline; the gauge counts the incidents with a passed deadline and a notice still missing.
   */
  async checkOverdue(): Promise<{ overdue: number; mailed: number; flagged: number }> {
    const now = this.now();
    let overdue = 0;
    let mailed = 0;
    let flagged = 0;
    for (const i of await this.deps.store.pendingNotices()) {
      const late: Array<'24h' | '72h'> = [];
      if (i.status === 'OPEN' && now >= i.deadline24h) late.push('24h');
      if (now >= i.deadline72h) late.push('72h');
      if (!late.length) continue;
      overdue++;
      for (const deadline of late) {
        if (await this.deps.store.markOverdue(i.id, deadline)) {
          flagged++;
          await this.deps.store.step({
            incidentId: i.id,
            action: `OVERDUE_${deadline.toUpperCase()}`,
            fromStatus: i.status,
            toStatus: i.status,
            accountId: null,
            note: null,
          });
        }
        const to = this.deps.settings.officersEmail;
        if (to && (await this.mail(`incident:${i.id}:overdue-${deadline}`, to, overdueMessage(i, deadline))))
          mailed++;
      }
    }
    this.deps.metrics.setIncidentsOverdue(overdue);
    return { overdue, mailed, flagged };
  }

  /** The overdue job: `checkOverdue()` every `checkEveryMs`. */
  job(): Job {
    return periodicJob(
      () => this.checkOverdue(),
      this.deps.settings.checkEveryMs,
      (e) => this.deps.logger.error({ err: (e as Error)?.message }, 'incident overdue check failed'),
    );
  }

  private async derivedScope(incident: IncidentRecord): Promise<IncidentScope> {
    const ids = (await this.deps.store.alertIdsOf([incident.id])).get(incident.id) ?? [];
    const alerts = [...(await this.deps.alerts.byIds(ids)).values()];
    if (!alerts.length)
      throw new Refused([
        inputError('input.scope', ErrorCode.REQUIRED, 'Нет связанных сигналов: укажите область поиска'),
      ]);
    const actors = [...new Set(alerts.map((a) => a.actorId).filter((a): a is string => a !== null))].sort();
    const services = actors.length
      ? []
      : [...new Set(alerts.map((a) => a.service).filter((s): s is string => s !== null))].sort();
    const first = Math.min(...alerts.map((a) => a.occurredAt.getTime()));
    const last = Math.max(incident.detectedAt.getTime(), ...alerts.map((a) => a.occurredAt.getTime()));
    return {
      actorIds: actors,
      services,
      categories: [],
      from: new Date(first - DERIVED_LOOKBACK_MS).toISOString(),
      // Inclusive of the last alert's own access.
      to: new Date(last + 1).toISOString(),
      derived: true,
    };
  }

  /** Links alerts (`given` as the caller sent them: errors name their index) and triages each INCIDENT. */
  private async linkAlerts(incident: IncidentRecord, given: readonly string[], by: Principal, field: string) {
    const alertIds = [...new Set(given.map((a) => a.toLowerCase()))];
    if (!alertIds.length) return;
    const { store, alerts } = this.deps;
    // The single-alert mutation names its field; a list names the offending item.
    const at = (id: string) =>
      field === 'input.alertId' ? field : `${field}.${given.findIndex((g) => g.toLowerCase() === id)}`;
    const found = await alerts.byIds(alertIds);
    const missing = alertIds.find((id) => !found.has(id));
    if (missing) throw new Refused([inputError(at(missing), ErrorCode.NOT_FOUND, 'Сигнал не найден')]);
    const elsewhere = await store.linkedElsewhere(alertIds);
    const linked = alertIds.find((id) => elsewhere.has(id));
    if (linked)
      throw new Refused([
        inputError(at(linked), codes.INCIDENT_ALERT_LINKED, 'Сигнал уже связан с инцидентом'),
      ]);
    await store.link(incident.id, alertIds, by.subject!);
    for (const id of alertIds) {
      const alert = (await alerts.lock(id))!;
      if (alert.status !== 'INCIDENT') await alerts.update(id, { status: 'INCIDENT' });
      await alerts.step(id, 'TRIAGED', by.subject, { status: 'INCIDENT', note: `incident:${incident.id}` });
    }
  }

  private step(
    incident: IncidentRecord,
    from: IncidentStatus | null,
    action: string,
    by: Principal,
    note: string | null,
  ) {
    return this.deps.store.step({
      incidentId: incident.id,
      action,
      fromStatus: from,
      toStatus: incident.status,
      accountId: by.subject,
      note,
    });
  }

  private async run(work: () => Promise<IncidentRecord>): Promise<IncidentOutcome> {
    try {
      return { ok: true, incident: await this.deps.database.tx(work) };
    } catch (e) {
      if (e instanceof Refused) return { ok: false, inputErrors: e.inputErrors };
      throw e;
    }
  }

  /** One transition: validate, lock, decide, update, record the step — or change nothing. */
  private async transition(
    by: Principal,
    id: string,
    errors: InputError[],
    decide: (i: IncidentRecord) => Promise<{ change: IncidentChange; action: string; note: string | null }>,
  ): Promise<IncidentOutcome> {
    const all = [idError('input.id', id), ...errors].filter((e) => e !== null);
    if (all.length) return { ok: false, inputErrors: all };
    return this.run(async () => {
      const current = isId(id) ? await this.deps.store.lock(id.toLowerCase()) : null;
      if (!current) throw new Refused([notFound()]);
      const { change, action, note } = await decide(current);
      const next = Object.keys(change).length ? await this.deps.store.update(current.id, change) : current;
      await this.step(next, current.status, action, by, note);
      return next;
    });
  }

  /** Sends once per dedupe key; true when this call delivered it. */
  private async mail(dedupeKey: string, to: string, message: { subject: string; text: string }) {
    if (!this.deps.email) return false;
    try {
      const result = await this.deps.notifier.send({
        dedupeKey,
        kind: 'security-incident',
        recipient: { ref: dedupeKey, email: to, timeZone: MOSCOW, preferred: ['email'] },
        message,
      });
      if (result.status === 'failed') this.deps.logger.warn({ dedupeKey }, 'incident e-mail failed');
      return result.status === 'sent';
    } catch (e) {
      // In flight in another replica (CONFLICT) or the database failed: the next pass tries again.
      this.deps.logger.warn(
        { dedupeKey, code: (e as { extensions?: { code?: string } }).extensions?.code },
        'incident e-mail deferred',
      );
      return false;
    }
  }
}

// No personal data in e-mails (not even the title, which the officer writes freely): the id and the deadline.
function overdueMessage(i: IncidentRecord, deadline: '24h' | '72h') {
  const first = deadline === '24h';
  return {
    subject: first
      ? 'Просрочено первичное уведомление Роскомнадзора об инциденте (24 часа)'
      : 'Просрочено уведомление Роскомнадзора о результатах расследования инцидента (72 часа)',
    text: [
      `Инцидент ${i.id}: срок ${first ? 'первичного уведомления' : 'уведомления о результатах расследования'} истёк ${moscowTime(first ? i.deadline24h : i.deadline72h)}, уведомление не отмечено как направленное.`,
      'Ч. 3.1 ст. 21 Федерального закона № 152-ФЗ. Откройте консоль специалиста по безопасности, раздел «Инциденты».',
    ].join('\n'),
  };
}
