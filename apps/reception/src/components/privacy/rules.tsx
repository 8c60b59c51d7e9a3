'use client';

import { errorCode } from '@medikamente/web-kit/client';
import { ErrorBox, errorText, Loading } from '@medikamente/web-kit/ui';
import { useQuery } from 'urql';
import { MonitoringRulesQuery } from '@/operations/privacy';
import { SeverityBadge } from './badges';

/** The monitoring rules as configured: what each means, its severity and thresholds. */
export function MonitoringRules() {
  const [{ data, fetching, error }] = useQuery({ query: MonitoringRulesQuery });
  if (fetching && !data) return <Loading />;
  if (!data) return <ErrorBox>{errorText(errorCode(error), 'Не удалось загрузить правила')}</ErrorBox>;
  return (
    <ul className="list stack" data-testid="monitoring-rules">
      {data.monitoringRules.map((r) => (
        <li key={r.id} className="card stack" data-rule={r.id}>
          <div className="row" style={{ alignItems: 'center' }}>
            <h2 style={{ margin: 0, fontSize: '1.1rem' }}>{r.title}</h2>
            <SeverityBadge severity={r.severity} />
            <span className={`badge ${r.enabled ? 'CONFIRMED' : 'CANCELLED'}`}>
              {r.enabled ? 'включено' : 'выключено'}
            </span>
          </div>
          <p style={{ margin: 0 }}>{r.explanation}</p>
          <p className="muted" style={{ margin: 0 }}>
            Параметры: {r.parameters}
          </p>
        </li>
      ))}
    </ul>
  );
}
