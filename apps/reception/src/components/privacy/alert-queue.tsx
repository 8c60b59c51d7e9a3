'use client';

import { errorCode } from '@medikamente/web-kit/client';
import { Empty, ErrorBox, errorText, Loading } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { useId, useState } from 'react';
import { useQuery } from 'urql';
import type { SecurityAlertFieldsFragment, SecurityAlertStatus } from '@/gql/graphql';
import { SecurityAlertsQuery } from '@/operations/privacy';
import { useLiveEvents } from '../use-live';
import { AlertStatusBadge, SeverityBadge } from './badges';
import { labelOf, SERVICE_LABELS, when } from './labels';
import { ActorLabel } from './staff-names';

const PAGE = 100;

const FILTERS: ReadonlyArray<{ value: string; label: string; statuses: SecurityAlertStatus[] }> = [
  { value: 'NEW', label: 'Новые', statuses: ['NEW'] },
  { value: 'ALL', label: 'Все', statuses: [] },
  { value: 'EXPLAINED', label: 'Объяснено', statuses: ['EXPLAINED'] },
  { value: 'UNEXPLAINED', label: 'Не объяснено', statuses: ['UNEXPLAINED'] },
  { value: 'INCIDENT', label: 'Инцидент', statuses: ['INCIDENT'] },
];

/**
 * The officer's alert queue, newest first, filtered by status; new alerts appear at the top as
 * they are raised, without reloading the page.
 */
export function AlertQueue({ actorId }: { actorId?: string }) {
  const id = useId();
  const [filter, setFilter] = useState(actorId ? 'ALL' : 'NEW');
  const statuses = FILTERS.find((f) => f.value === filter)?.statuses ?? [];
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SecurityAlertsQuery,
    variables: { filter: { statuses, actorId: actorId ?? null }, first: PAGE },
  });
  const [arrived, setArrived] = useState<SecurityAlertFieldsFragment[]>([]);
  const [latest, setLatest] = useState<SecurityAlertFieldsFragment | null>(null);
  const live = useLiveEvents<SecurityAlertFieldsFragment>(
    '/api/live/security-alerts',
    'security-alert',
    (a) => {
      if (actorId && a.actorId !== actorId) return;
      setLatest(a);
      setArrived((list) => [a, ...list.filter((x) => x.id !== a.id)]);
      refetch({ requestPolicy: 'network-only' });
    },
    () => refetch({ requestPolicy: 'network-only' }),
  );

  const loaded = data?.securityAlerts ?? [];
  const fresh = arrived.filter(
    (a) =>
      !loaded.some((x) => x.id === a.id) &&
      (!statuses.length || (a.status != null && statuses.includes(a.status))),
  );
  const alerts = [...fresh, ...loaded];

  return (
    <section className="stack" aria-labelledby={`${id}-title`} data-testid="security-alerts">
      <h2 id={`${id}-title`}>Оповещения</h2>
      <div className="row" style={{ alignItems: 'end' }}>
        <div className="field" style={{ flex: '0 0 240px' }}>
          <label htmlFor={`${id}-status`}>Статус</label>
          <select id={`${id}-status`} value={filter} onChange={(e) => setFilter(e.target.value)}>
            {FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <output className="muted" data-live={live}>
          {live === 'live'
            ? 'Новые оповещения появляются сразу'
            : live === 'connecting'
              ? 'Подключаемся…'
              : 'Нет связи с сервером: список может быть неполным'}
        </output>
      </div>
      <div aria-live="polite" className="sr-only">
        {latest ? `Новое оповещение: ${latest.ruleTitle}` : ''}
      </div>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? (
        <ErrorBox>{errorText(errorCode(error), 'Не удалось загрузить оповещения')}</ErrorBox>
      ) : null}
      {data && !alerts.length ? <Empty>Оповещений с таким статусом нет.</Empty> : null}
      {alerts.length ? (
        <table className="grid security-alerts">
          <caption className="sr-only">Оповещения мониторинга доступа</caption>
          <thead>
            <tr>
              <th scope="col">Когда</th>
              <th scope="col">Правило</th>
              <th scope="col">Важность</th>
              <th scope="col">Сотрудник</th>
              <th scope="col">Раздел</th>
              <th scope="col">Статус</th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((a) => (
              <tr key={a.id} data-alert-id={a.id} data-rule={a.rule ?? undefined}>
                <td>{when(a.occurredAt)}</td>
                <td>
                  <Link href={`/privacy/alerts/${a.id}`}>{a.ruleTitle ?? 'Оповещение мониторинга'}</Link>
                </td>
                <td>
                  <SeverityBadge severity={a.severity} />
                </td>
                <td>
                  {a.actorId ? (
                    <Link href={`/privacy/staff/${encodeURIComponent(a.actorId)}`}>
                      <ActorLabel actorId={a.actorId} role={a.actorRole} />
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{labelOf(SERVICE_LABELS, a.service)}</td>
                <td>
                  <AlertStatusBadge status={a.status} />
                  {a.assigneeId ? <span className="muted"> · назначено</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
