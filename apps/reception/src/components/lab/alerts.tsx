'use client';

import { errorCode } from '@medikamente/web-kit/client';
import { dateTimeIn } from '@medikamente/web-kit/format';
import { labValueText } from '@medikamente/web-kit/lab';
import { FlagBadge } from '@medikamente/web-kit/lab-view';
import { Empty, ErrorBox, errorText } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { createContext, type ReactNode, useContext, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { LabAlertFieldsFragment } from '@/gql/graphql';
import { AcknowledgeLabAlertMutation, LabAlertsQuery } from '@/operations/lab';
import { type LiveState, useLiveEvents } from '../use-live';
import { LabPatientName } from './review';

type AlertsState = {
  alerts: readonly LabAlertFieldsFragment[];
  live: LiveState;
  /** The last alert that arrived live (shown in the banner at once, before the list reloads). */
  latest: LabAlertFieldsFragment | null;
  /** Marks an alert acknowledged here at once (a live copy of it would otherwise linger). */
  acknowledged: (alertId: string) => void;
};

const AlertsContext = createContext<AlertsState | null>(null);

/**
 * A doctor's critical-value alerts: the open ones from `labAlerts`, kept current by the
 * `labAlertRaised` subscription (server-sent events from /api/live/lab-alerts; the server holds
 * the token). The list reloads when the stream is (re)connected, to cover the gap.
 */
export function LabAlertsProvider({ children }: { children: ReactNode }) {
  const [{ data }, refetch] = useQuery({ query: LabAlertsQuery });
  const [latest, setLatest] = useState<LabAlertFieldsFragment | null>(null);
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const reload = useRef(() => refetch({ requestPolicy: 'network-only' }));
  reload.current = () => refetch({ requestPolicy: 'network-only' });
  const live = useLiveEvents<LabAlertFieldsFragment>(
    '/api/live/lab-alerts',
    'lab-alert',
    (alert) => {
      setLatest(alert);
      reload.current();
    },
    () => reload.current(),
  );
  const value = useMemo(() => {
    const alerts = [...(data?.labAlerts ?? [])];
    if (latest && !latest.acknowledgedAt && !alerts.some((a) => a.id === latest.id)) alerts.unshift(latest);
    return {
      alerts: alerts.filter((a) => !a.acknowledgedAt && !done.has(a.id)),
      live,
      latest,
      acknowledged: (alertId: string) => {
        setDone((d) => new Set(d).add(alertId));
        reload.current();
      },
    };
  }, [data, live, latest, done]);
  return <AlertsContext.Provider value={value}>{children}</AlertsContext.Provider>;
}

const alertLine = (a: LabAlertFieldsFragment) =>
  `${a.result?.testName ?? 'Анализ'}: ${a.result ? labValueText(a.result) : '—'}`;

/** The banner on every page of a doctor while critical values are open. */
export function LabAlertBanner() {
  const state = useContext(AlertsContext);
  if (!state?.alerts.length) return null;
  const newest = state.alerts[0]!;
  return (
    <div className="alert error lab-alert-banner" role="alert" data-testid="lab-alert-banner">
      <strong>Критическое значение.</strong> {alertLine(newest)}{' '}
      <FlagBadge flag={newest.result?.flag ?? newest.flag} flagText={newest.result?.flagText} />
      {state.alerts.length > 1 ? ` · всего открытых: ${state.alerts.length}` : ''} ·{' '}
      <Link href="/lab#alerts">Открыть и подтвердить</Link>
    </div>
  );
}

function AlertItem({
  alert,
  zone,
  onDone,
}: {
  alert: LabAlertFieldsFragment;
  zone: string;
  onDone: () => void;
}) {
  const [{ fetching }, ack] = useMutation(AcknowledgeLabAlertMutation);
  const [error, setError] = useState<string | null>(null);
  async function acknowledge() {
    setError(null);
    const r = await ack({ alertId: alert.id });
    const p = r.data?.acknowledgeLabAlert;
    if (p?.ok) onDone();
    else setError(errorText(p?.inputErrors[0]?.code ?? errorCode(r.error), p?.inputErrors[0]?.message));
  }
  return (
    <li className="card lab-order" data-lab-alert-id={alert.id}>
      <div className="head">
        <strong>{alertLine(alert)}</strong>
        <FlagBadge flag={alert.result?.flag ?? alert.flag} flagText={alert.result?.flagText} />
      </div>
      <p className="muted" style={{ margin: '4px 0' }}>
        <LabPatientName patientId={alert.patientId} />
        {alert.result?.referenceText ? ` · норма ${alert.result.referenceText}` : ''}
        {alert.raisedAt ? ` · ${dateTimeIn(alert.raisedAt, zone)}` : ''}
        {alert.escalatedAt ? ' · передано вам как дежурному врачу' : ''}
      </p>
      {error ? <ErrorBox>{error}</ErrorBox> : null}
      <button
        type="button"
        className="small"
        disabled={fetching}
        onClick={acknowledge}
        aria-label={`Подтвердить: ${alertLine(alert)}`}
      >
        Подтвердить
      </button>
    </li>
  );
}

/** The open critical-value alerts with «Подтвердить» (acknowledgeLabAlert). */
export function LabAlertList({ zone }: { zone: string }) {
  const state = useContext(AlertsContext);
  if (!state) return null;
  return (
    <section className="stack" aria-labelledby="alerts-title" id="alerts" data-testid="lab-alerts">
      <h2 id="alerts-title">Критические значения</h2>
      <output className="muted" data-live={state.live}>
        {state.live === 'live'
          ? 'Новые критические значения появляются сразу'
          : state.live === 'connecting'
            ? 'Подключаемся…'
            : 'Нет связи с сервером: список может быть неполным'}
      </output>
      {state.alerts.length ? (
        <ul className="list">
          {state.alerts.map((a) => (
            <AlertItem key={a.id} alert={a} zone={zone} onDone={() => state.acknowledged(a.id)} />
          ))}
        </ul>
      ) : (
        <Empty>Неподтверждённых критических значений нет.</Empty>
      )}
    </section>
  );
}
