import type { ChannelAdapter } from '@medikamente/notifications';
import {
  appError,
  type Database,
  ErrorCode,
  type Job,
  type Logger,
  type PgPubSub,
  type Principal,
  periodicJob,
  requireId,
} from '@medikamente/runtime';
import type { OrderRecord } from '../orders/orders.store';
import type { Flag } from '../results/result-values';
import type { AlertRecord, AlertStore } from './alerts.store';

/** NOTIFY channel of live alerts (one payload per recipient). */
export const ALERT_CHANNEL = 'lab_alerts';
export type LiveAlert = { alertId: string; recipient: string };

export type AlertSettings = {
  escalateAfterSec: number;
  /** The colleague an unacknowledged alert goes to (an account id); unset: the e-mail only. */
  escalateTo: string | undefined;
  /** The clinic's on-call mailbox for critical values. */
  alertEmail: string | undefined;
  escalationEmail: string | undefined;
  checkEveryMs: number;
};

/**
 * Critical values: an alert for the ordering doctor raised with the result (live event on commit),
 * an e-mail to the on-call mailbox, escalation to the configured colleague when nobody
 * acknowledges within the configured time. Every step is recorded (append-only).
 */
export class AlertsService {
  constructor(
    private readonly deps: {
      database: Database;
      store: AlertStore;
      pubsub: PgPubSub;
      logger: Logger;
      email: ChannelAdapter | undefined;
      settings: AlertSettings;
    },
  ) {}

  /** Inside the result's transaction: the alert row, its RAISED step, the live event (on commit). */
  async raise(order: OrderRecord, resultId: string, flag: Flag): Promise<AlertRecord> {
    const alert = await this.deps.store.raise({
      orderId: order.id,
      resultId,
      patientId: order.patientId,
      doctorAccountId: order.orderedBy,
      flag,
      escalateAfterSec: this.deps.settings.escalateAfterSec,
    });
    await this.deps.pubsub.publish(
      ALERT_CHANNEL,
      { alertId: alert.id, recipient: order.orderedBy } satisfies LiveAlert,
      this.deps.database.query,
    );
    return alert;
  }

  /** After the commit: the e-mail (no names, no values — the doctor opens the alert in the app). */
  async notify(alert: AlertRecord, escalated = false): Promise<void> {
    const { email, settings } = this.deps;
    const to = escalated ? settings.escalationEmail : settings.alertEmail;
    if (!email || !to) return;
    try {
      await email.send(
        {
          subject: escalated
            ? 'Критическое значение анализа не подтверждено'
            : 'Критическое значение анализа',
          text: [
            escalated
              ? 'Врач не подтвердил оповещение о критическом значении в срок; оно передано дежурному врачу.'
              : 'Пришёл результат анализа с критическим значением.',
            `Оповещение: ${alert.id}`,
            'Откройте рабочее место врача: раздел «Анализы», чтобы увидеть результат и подтвердить оповещение.',
          ].join('\n'),
        },
        { ref: alert.id, email: to, timeZone: 'Europe/Moscow', preferred: ['email'] },
      );
      await this.deps.store.step(alert.id, 'NOTIFIED', null, escalated ? 'email:escalation' : 'email');
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'SEND_FAILED';
      await this.deps.store.step(alert.id, 'NOTIFIED', null, `failed:${code}`);
      this.deps.logger.warn({ alertId: alert.id, code }, 'critical alert e-mail failed');
    }
  }

  async acknowledge(alertId: string, by: Principal): Promise<AlertRecord> {
    const id = requireId(alertId, 'alertId');
    return this.deps.database.tx(async () => {
      const alert = await this.deps.store.lock(id);
      if (!alert || (alert.doctorAccountId !== by.subject && alert.escalatedTo !== by.subject))
        throw appError(ErrorCode.NOT_FOUND);
      if (alert.acknowledgedAt) return alert;
      return this.deps.store.acknowledge(id, by.subject!);
    });
  }

  /** Escalates every due alert once; returns how many. */
  async escalateDue(): Promise<number> {
    const { escalateTo } = this.deps.settings;
    const escalated = await this.deps.database.tx(async () => {
      const due = await this.deps.store.dueForEscalation(50);
      const out: AlertRecord[] = [];
      for (const a of due) {
        const next = await this.deps.store.escalate(a.id, escalateTo ?? 'unassigned');
        if (escalateTo)
          await this.deps.pubsub.publish(
            ALERT_CHANNEL,
            { alertId: a.id, recipient: escalateTo } satisfies LiveAlert,
            this.deps.database.query,
          );
        out.push(next);
      }
      return out;
    });
    for (const a of escalated) await this.notify(a, true);
    return escalated.length;
  }

  job(): Job {
    return periodicJob(
      () => this.escalateDue(),
      this.deps.settings.checkEveryMs,
      (e) => this.deps.logger.error({ err: e }, 'critical alert escalation failed'),
    );
  }
}
