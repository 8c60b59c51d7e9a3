'use client';

import { billingErrorText, CLINIC_ZONE } from '@medikamente/web-kit/billing';
import { errorCode } from '@medikamente/web-kit/client';
import { dateOnly, dateTimeIn } from '@medikamente/web-kit/format';
import { ErrorBox, Loading, Notice } from '@medikamente/web-kit/ui';
import { useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import {
  EnterpriseDataExportQuery,
  OneCExportStatusQuery,
  RunOneCExportMutation,
} from '@/operations/accounting';

const KINDS: Record<string, string> = { PAYMENT: 'платёж', REFUND: 'возврат' };

/** Saves text as a file in the browser (no server round trip: the XML is already here). */
function saveFile(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The export to 1C:Бухгалтерия: counts (exported, failed, not tried), the last round, failures
 * with 1C's error and the next attempt; «Выгрузить сейчас» runs a round; the day's EnterpriseData
 * file is the fallback to load into 1C by hand.
 */
export function OneCExportPanel({ day }: { day: string }) {
  const client = useClient();
  const [{ data, fetching, error }, refetch] = useQuery({ query: OneCExportStatusQuery });
  const [{ fetching: running }, run] = useMutation(RunOneCExportMutation);
  const [note, setNote] = useState<{ kind: 'ok' | 'warn'; text: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [building, setBuilding] = useState(false);

  async function exportNow() {
    setNote(null);
    setFailure(null);
    const r = await run({});
    const refusal = r.data?.runOneCExport.inputErrors[0];
    const p = r.data?.runOneCExport.run;
    if (!p)
      return setFailure(
        billingErrorText(
          refusal?.code ?? errorCode(r.error),
          null,
          refusal?.message ?? 'Выгрузка не запустилась',
        ),
      );
    setNote(
      p.ran
        ? {
            kind: p.failed ? 'warn' : 'ok',
            text: `Выгружено: ${p.exported}, уже было в 1С: ${p.alreadyExported}, отложено: ${p.deferred}, с ошибкой: ${p.failed}.`,
          }
        : { kind: 'warn', text: p.reason ?? 'Выгрузка сейчас идёт в другом процессе' },
    );
    refetch({ requestPolicy: 'network-only' });
  }

  async function downloadFile() {
    setFailure(null);
    setBuilding(true);
    const r = await client
      .query(EnterpriseDataExportQuery, { day }, { requestPolicy: 'network-only' })
      .toPromise();
    setBuilding(false);
    const f = r.data?.enterpriseDataExport;
    if (!f) return setFailure(billingErrorText(errorCode(r.error), null, 'Файл не сформирован'));
    saveFile(f.fileName, f.xml, 'application/xml');
    setNote({
      kind: 'ok',
      text: `Файл ${f.fileName}: платежей ${f.paymentsCount}, возвратов ${f.refundsCount}.`,
    });
  }

  if (fetching && !data) return <Loading label="Загружаем состояние выгрузки…" />;
  if (!data)
    return (
      <ErrorBox>{billingErrorText(errorCode(error), null, 'Не удалось узнать состояние выгрузки')}</ErrorBox>
    );
  const st = data.oneCExportStatus;
  return (
    <div className="stack" data-testid="onec-export">
      <dl className="props">
        <dt>Выгрузка по OData</dt>
        <dd>{st.enabled ? 'настроена' : 'не настроена'}</dd>
        <dt>Выгружено</dt>
        <dd>{st.exported}</dd>
        <dt>Ещё не выгружалось</dt>
        <dd>{st.pending}</dd>
        <dt>С ошибкой</dt>
        <dd>{st.failed}</dd>
        <dt>Последний запуск</dt>
        <dd>
          {st.lastRun.running
            ? 'идёт сейчас'
            : st.lastRun.finishedAt
              ? `${dateTimeIn(st.lastRun.finishedAt, CLINIC_ZONE)}: выгружено ${st.lastRun.exported}, ошибок ${st.lastRun.failed}`
              : 'ещё не было'}
        </dd>
      </dl>
      {st.failures.length ? (
        <ul className="list stack" aria-label="Ошибки выгрузки">
          {st.failures.map((f) => (
            <li key={`${f.kind}:${f.id}`} className="alert warn">
              {KINDS[f.kind] ?? f.kind} {f.id}: {f.lastError ?? 'ошибка'} · попыток {f.attempts}
              {f.nextAttemptAt ? ` · следующая ${dateTimeIn(f.nextAttemptAt, CLINIC_ZONE)}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {failure ? <ErrorBox>{failure}</ErrorBox> : null}
      {note ? <Notice kind={note.kind}>{note.text}</Notice> : null}
      <div className="row">
        {st.enabled ? (
          <button type="button" disabled={running} onClick={exportNow}>
            Выгрузить сейчас
          </button>
        ) : null}
        {st.fileEnabled ? (
          <button type="button" className="secondary" disabled={building} onClick={downloadFile}>
            Файл EnterpriseData за {dateOnly(day)}
          </button>
        ) : null}
      </div>
    </div>
  );
}
