'use client';

import { errorCode } from '@medikamente/web-kit/client';
import { ErrorBox, errorText, Loading, Notice } from '@medikamente/web-kit/ui';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { AuditChainStatusQuery as AuditChainStatusResult } from '@/gql/graphql';
import { AuditChainStatusQuery, VerifyAuditChainsMutation } from '@/operations/privacy';
import { labelOf, SERVICE_LABELS, when } from './labels';

type Source = AuditChainStatusResult['auditChainStatus'][number];

const RESULT_LABELS: Record<string, string> = {
  VERIFIED: 'цепочка цела',
  TAMPERED: 'обнаружено вмешательство',
  UNVERIFIED: 'не проверена: сервис не ответил',
};

const REASON_LABELS: Record<string, string> = {
  TRUNCATED: 'записи удалены с конца журнала',
  ALTERED: 'запись изменена',
  GAP: 'пропущена запись внутри журнала',
  UNREACHABLE: 'сервис не ответил',
};

const RESULT_BADGE: Record<string, string> = {
  VERIFIED: 'alert-EXPLAINED',
  TAMPERED: 'alert-INCIDENT',
  UNVERIFIED: 'severity-MEDIUM',
};

function Verification({ v }: { v: Source['lastVerification'] }) {
  if (!v) return <span className="muted">ещё не проверялась</span>;
  return (
    <>
      <span className={`badge ${RESULT_BADGE[v.result] ?? ''}`} data-result={v.result}>
        {labelOf(RESULT_LABELS, v.result)}
      </span>{' '}
      <span className="muted">
        {when(v.checkedAt)} · проверено записей: {v.checkedEvents}
        {v.reason ? ` · ${labelOf(REASON_LABELS, v.reason)}` : ''}
        {v.brokenAtSeq != null ? ` · с записи №${v.brokenAtSeq}` : ''}
      </span>
    </>
  );
}

/**
 * The integrity of every service's audit chain: what the stream copied and when, failures, the
 * last verification; «Проверить сейчас» verifies every chain against the copies and checkpoints.
 */
export function AuditChains() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: AuditChainStatusQuery });
  const [{ fetching: verifying }, verify] = useMutation(VerifyAuditChainsMutation);
  const [done, setDone] = useState<{ kind: 'ok' | 'warn'; text: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function verifyNow() {
    setDone(null);
    setFailure(null);
    const r = await verify({ input: {} });
    const p = r.data?.verifyAuditChains;
    if (!p?.ok)
      return setFailure(p?.inputErrors[0]?.message || errorText(errorCode(r.error), 'Проверка не выполнена'));
    const broken = p.results.filter((x) => x.result === 'TAMPERED').length;
    const unverified = p.results.filter((x) => x.result === 'UNVERIFIED').length;
    setDone(
      broken
        ? {
            kind: 'warn',
            text: `Обнаружено вмешательство в журналах: ${broken}. Оповещение появится в очереди.`,
          }
        : unverified
          ? {
              kind: 'warn',
              text: `Проверено журналов: ${p.results.length - unverified}; не ответили: ${unverified}.`,
            }
          : { kind: 'ok', text: `Все журналы целы (проверено: ${p.results.length}).` },
    );
    refetch({ requestPolicy: 'network-only' });
  }

  if (fetching && !data) return <Loading />;
  if (!data)
    return <ErrorBox>{errorText(errorCode(error), 'Не удалось загрузить состояние журналов')}</ErrorBox>;
  return (
    <div className="stack">
      <div>
        <button type="button" onClick={verifyNow} disabled={verifying}>
          {verifying ? 'Проверяем…' : 'Проверить сейчас'}
        </button>
      </div>
      {done ? <Notice kind={done.kind}>{done.text}</Notice> : null}
      {failure ? <ErrorBox>{failure}</ErrorBox> : null}
      <table className="grid" data-testid="audit-chains">
        <caption className="sr-only">Журналы аудита сервисов</caption>
        <thead>
          <tr>
            <th scope="col">Раздел</th>
            <th scope="col">Скопировано</th>
            <th scope="col">Контрольная точка</th>
            <th scope="col">Копирование</th>
            <th scope="col">Последняя проверка</th>
          </tr>
        </thead>
        <tbody>
          {data.auditChainStatus.map((c) => (
            <tr key={c.service} data-service={c.service}>
              <th scope="row">{labelOf(SERVICE_LABELS, c.service)}</th>
              <td>
                до записи №{c.lastSeq}
                <br />
                <span className="muted">{when(c.lastPulledAt)}</span>
              </td>
              <td>
                {c.lastCheckpointSeq != null ? `№${c.lastCheckpointSeq}` : '—'}
                <br />
                <span className="muted">{when(c.lastCheckpointAt)}</span>
              </td>
              <td>
                {c.halted ? (
                  <strong>
                    остановлено: {labelOf(REASON_LABELS, c.haltedReason)}
                    {c.haltedAtSeq != null ? `, запись №${c.haltedAtSeq}` : ''}
                  </strong>
                ) : c.failures ? (
                  <span>
                    сбоев подряд: {c.failures}
                    {c.lastErrorCode ? ` (${c.lastErrorCode})` : ''}
                  </span>
                ) : (
                  'работает'
                )}
                {c.lagSeconds != null ? <span className="muted"> · отставание {c.lagSeconds} с</span> : null}
              </td>
              <td>
                <Verification v={c.lastVerification} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
