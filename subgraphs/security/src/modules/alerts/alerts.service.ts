import type { ChannelAdapter } from '@medikamente/notifications';
import {
  type Database,
  ErrorCode,
  type InputError,
  inputError,
  type Job,
  type Logger,
  type PgPubSub,
  type Principal,
  textError,
} from '@medikamente/runtime';
import type { SecurityMetrics } from '../monitoring/metrics';
import { ALERT_STATUSES, type AlertRecord, type AlertStatus, type AlertStore } from './alerts.store';
import {
  type AlertCandidate,
  eventRules,
  fishing,
  type StreamEvent,
  volumeSpike,
  windowStart,
} from './rules';
import type { RulesConfig } from './rules.config';

/** NOTIFY channel of newly raised alerts (the console's live queue). */
export const SECURITY_ALERT_CHANNEL = 'security_alerts';
export type LiveSecurityAlert = { alertId: string };

const STREAM = 'rules.stream';
const VERIFICATIONS = 'rules.verifications';
/** Serialises evaluation across replicas: one evaluator at a time, the others skip the round. */
const EVALUATOR_LOCK = 727_201;
const BATCH = 500;
const NOTE = { max: 2000 };

export type AlertsSettings = { intervalMs: number; officerEmail: string | undefined };
export type Outcome<T> = { ok: true; value: T } | { ok: false; inputErrors: InputError[] };

/**
 * Privacy monitoring: reads the central audit stream in order (audit_record.stream_id, committed
 * in order by the stream's ingestion lock) and the chain verifications, applies the configured
 * rules, and stores each hit once (dedupe key) with the cursor in the same transaction — a crash
 * or a second replica neither loses nor doubles an alert. After the commit: the live event, the
 * metrics and the officer's e-mail (ids and the rule's explanation only, never names).
 */
export class AlertsService {
  constructor(
    private readonly deps: {
      database: Database;
      store: AlertStore;
      rules: RulesConfig;
      pubsub: PgPubSub;
      logger: Logger;
      email: ChannelAdapter | undefined;
      metrics: SecurityMetrics | undefined;
      settings: AlertsSettings;
    },
  ) {}

  get rules(): RulesConfig {
    return this.deps.rules;
  }

  /** One evaluation round; returns the alerts raised (empty when another replica holds the round). */
  async evaluate(): Promise<AlertRecord[]> {
    const { database, store } = this.deps;
    const raised = await database.tx(async (q) => {
      const [lock] = await q<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [EVALUATOR_LOCK]);
      if (!lock?.ok) return [];
      const events = await store.streamAfter(await store.cursor(STREAM), BATCH);
      const candidates = await this.candidates(events);
      const verifications = await store.chainFailuresAfter(await store.cursor(VERIFICATIONS));
      for (const f of verifications.failures)
        candidates.push({
          rule: 'chainTampered',
          severity: this.deps.rules.rules.chainTampered.severity,
          dedupeKey: `chainTampered:${f.service}:${f.id}`,
          actorId: null,
          actorRole: null,
          patientId: null,
          service: f.service,
          occurredAt: f.checkedAt,
          evidence: { verificationId: f.id, reason: f.reason, brokenAtSeq: f.brokenAtSeq },
        });
      const enabled = candidates.filter((c) => this.deps.rules.rules[c.rule].enabled);
      const alerts = await store.raise(enabled);
      if (events.length) await store.advance(STREAM, events[events.length - 1]!.streamId);
      await store.advance(VERIFICATIONS, verifications.last);
      for (const a of alerts)
        await this.deps.pubsub.publish(
          SECURITY_ALERT_CHANNEL,
          { alertId: a.id } satisfies LiveSecurityAlert,
          q,
        );
      return alerts;
    });
    for (const a of raised) {
      this.deps.metrics?.alertRaised(a.rule, a.severity);
      await this.notify(a);
    }
    if (raised.length || this.deps.metrics) this.deps.metrics?.setOpenAlerts(await store.openBySeverity());
    return raised;
  }

  /** Evaluates until the stream is drained (tests, tools); returns every alert raised. */
  async drain(): Promise<AlertRecord[]> {
    const all: AlertRecord[] = [];
    for (let round = 0; round < 1000; round++) {
      const before = await this.deps.store.cursor(STREAM);
      all.push(...(await this.evaluate()));
      if ((await this.deps.store.cursor(STREAM)) === before) break;
    }
    return all;
  }

  private async candidates(events: StreamEvent[]): Promise<AlertCandidate[]> {
    const { rules, store } = this.deps;
    const vip = await store.vipAmong([...new Set(events.map((e) => e.patientId))]);
    const out = events.flatMap((e) => eventRules(rules, e, vip));
    // Window rules once per person, at the person's latest event of the batch.
    const latest = new Map<string, StreamEvent>();
    for (const e of events) if (rules.staffRoles.includes(e.actorRole)) latest.set(e.actorId, e);
    const spike = rules.rules.volumeSpike;
    const fish = rules.rules.fishing;
    for (const e of latest.values()) {
      if (spike.enabled) {
        const stats = await store.volumeStats(
          e.actorId,
          e.occurredAt,
          spike.windowMinutes,
          spike.baselineDays,
        );
        const v = volumeSpike(rules, stats);
        if (v.spike)
          out.push(
            this.windowAlert('volumeSpike', e, spike.windowMinutes, {
              events: stats.current,
              baselinePerWindow: Math.round(v.baseline * 10) / 10,
              windowMinutes: spike.windowMinutes,
            }),
          );
      }
      if (fish.enabled) {
        const s = await store.searchStats(e.actorId, e.occurredAt, fish.windowMinutes, fish.searchOperations);
        if (fishing(rules, s.searches, s.opens))
          out.push(
            this.windowAlert('fishing', e, fish.windowMinutes, {
              searches: s.searches,
              windowMinutes: fish.windowMinutes,
              streamIds: s.streamIds,
            }),
          );
      }
    }
    return out;
  }

  private windowAlert(
    rule: 'volumeSpike' | 'fishing',
    e: StreamEvent,
    minutes: number,
    evidence: Record<string, unknown>,
  ): AlertCandidate {
    return {
      rule,
      severity: this.deps.rules.rules[rule].severity,
      dedupeKey: `${rule}:${e.actorId}:${windowStart(e.occurredAt, minutes).toISOString()}`,
      actorId: e.actorId,
      actorRole: e.actorRole,
      patientId: null,
      service: null,
      occurredAt: e.occurredAt,
      evidence: { streamIds: [e.streamId], ...evidence },
    };
  }

  /** The officers' mailbox: the rule and its explanation, the alert's id; no names, no data. */
  private async notify(alert: AlertRecord): Promise<void> {
    const { email, settings, store, rules, logger } = this.deps;
    if (!email || !settings.officerEmail) return;
    const rule = rules.rules[alert.rule];
    try {
      await email.send(
        {
          subject: `Мониторинг доступа: ${rule.title}`,
          text: [
            rule.explanation,
            '',
            `Оповещение: ${alert.id}`,
            `Важность: ${SEVERITY_RU[alert.severity]}`,
            'Откройте консоль безопасности (раздел «Оповещения»), чтобы разобрать его.',
          ].join('\n'),
        },
        { ref: alert.id, email: settings.officerEmail, timeZone: rules.defaultZone, preferred: ['email'] },
      );
      await store.step(alert.id, 'NOTIFIED', null, { note: 'email' });
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'SEND_FAILED';
      await store.step(alert.id, 'NOTIFIED', null, { note: `failed:${code}` });
      logger.warn({ alertId: alert.id, code }, 'security alert e-mail failed');
    }
  }

  // ---- the officer's triage -----------------------------------------------------------------

  async triage(by: Principal, alertId: string, status: string, note: string | null | undefined) {
    const errors: InputError[] = [];
    if (!ALERT_STATUSES.includes(status as AlertStatus) || status === 'NEW')
      errors.push(
        inputError(
          'input.status',
          ErrorCode.BAD_USER_INPUT,
          'Выберите: объяснено, не объяснено или инцидент',
        ),
      );
    const noteError = textError('input.note', note, { ...NOTE, required: status === 'EXPLAINED' });
    if (noteError) errors.push(noteError);
    return this.change(alertId, errors, async (alert) => {
      const next = await this.deps.store.update(alert.id, { status: status as AlertStatus });
      await this.deps.store.step(alert.id, 'TRIAGED', by.subject, { status, note: note?.trim() || null });
      return next;
    });
  }

  async assign(by: Principal, alertId: string, assigneeId: string) {
    const errors: InputError[] = [];
    const assignee = assigneeId.trim();
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(assignee))
      errors.push(inputError('input.assigneeId', ErrorCode.INVALID_ID, 'Неверный идентификатор сотрудника'));
    return this.change(alertId, errors, async (alert) => {
      const next = await this.deps.store.update(alert.id, { assigneeId: assignee });
      await this.deps.store.step(alert.id, 'ASSIGNED', by.subject, { assigneeId: assignee });
      return next;
    });
  }

  async addNote(by: Principal, alertId: string, note: string) {
    const error = textError('input.note', note, { ...NOTE, required: true });
    return this.change(alertId, error ? [error] : [], async (alert) => {
      await this.deps.store.step(alert.id, 'NOTE', by.subject, { note: note.trim() });
      return alert;
    });
  }

  async setVip(by: Principal, patientId: string, vip: boolean): Promise<void> {
    await this.deps.store.setVip(patientId, vip, by.subject!);
  }

  private async change(
    alertId: string,
    errors: InputError[],
    apply: (alert: AlertRecord) => Promise<AlertRecord>,
  ): Promise<Outcome<AlertRecord>> {
    if (!UUID.test(alertId))
      errors.unshift(inputError('input.alertId', ErrorCode.INVALID_ID, 'Неверный номер оповещения'));
    if (errors.length) return { ok: false, inputErrors: errors };
    const result = await this.deps.database.tx(async () => {
      const alert = await this.deps.store.lock(alertId);
      return alert ? apply(alert) : null;
    });
    if (!result)
      return {
        ok: false,
        inputErrors: [inputError('input.alertId', ErrorCode.NOT_FOUND, 'Оповещение не найдено')],
      };
    if (this.deps.metrics) this.deps.metrics.setOpenAlerts(await this.deps.store.openBySeverity());
    return { ok: true, value: result };
  }

  job(): Job {
    let timer: NodeJS.Timeout | undefined;
    let round: Promise<unknown> | undefined;
    return {
      start: () => {
        timer = setInterval(() => {
          if (round) return;
          round = this.evaluate()
            .catch((e: unknown) => this.deps.logger.error({ err: e }, 'privacy monitoring round failed'))
            .finally(() => {
              round = undefined;
            });
        }, this.deps.settings.intervalMs);
        timer.unref();
      },
      // Waits for a round in flight, so the database is not closed under it.
      stop: async () => {
        clearInterval(timer);
        await round;
      },
    };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const SEVERITY_RU = {
  low: 'низкая',
  medium: 'средняя',
  high: 'высокая',
  critical: 'критическая',
} as const;
