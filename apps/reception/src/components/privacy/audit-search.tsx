'use client';

import { errorCode } from '@medikamente/web-kit/client';
import { DateField } from '@medikamente/web-kit/date-field';
import { addDays } from '@medikamente/web-kit/format';
import { ErrorBox, errorText, Loading } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { AuditRecordsFilter, AuditRecordsQuery as AuditRecordsResult } from '@/gql/graphql';
import { AuditRecordsQuery } from '@/operations/privacy';
import { CATEGORY_LABELS, labelOf, purposeText, SERVICE_LABELS, when } from './labels';
import { ActorLabel } from './staff-names';

type AuditRecord = AuditRecordsResult['auditRecords'][number];

const PAGE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Midnight of a calendar date in the clinic's zone (Moscow keeps UTC+3 all year). */
const startOfDay = (date: string) => `${date}T00:00:00+03:00`;

export type AuditSearchInitial = {
  patientId?: string;
  actorId?: string;
  service?: string;
  category?: string;
  from?: string;
  to?: string;
};

function toFilter(v: AuditSearchInitial): AuditRecordsFilter {
  return {
    patientId: v.patientId || null,
    actorId: v.actorId || null,
    service: v.service || null,
    category: v.category || null,
    from: v.from ? startOfDay(v.from) : null,
    // The form's «по» is inclusive; the API's `to` is exclusive.
    to: v.to ? startOfDay(addDays(v.to, 1)) : null,
  };
}

const hasCriteria = (v: AuditSearchInitial) => Object.values(v).some(Boolean);

function Results({ records, showActor }: { records: readonly AuditRecord[]; showActor: boolean }) {
  return (
    <table className="grid" data-testid="audit-records">
      <caption className="sr-only">Записи журнала доступа</caption>
      <thead>
        <tr>
          <th scope="col">Когда</th>
          <th scope="col">Раздел</th>
          {showActor ? <th scope="col">Сотрудник</th> : null}
          <th scope="col">Пациент</th>
          <th scope="col">Что получено</th>
          <th scope="col">Основание</th>
          <th scope="col">Операция</th>
          <th scope="col">Адрес</th>
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <tr key={r.streamId} data-stream-id={r.streamId}>
            <td>{when(r.occurredAt)}</td>
            <td>
              {labelOf(SERVICE_LABELS, r.service)}{' '}
              {r.seq != null ? <span className="muted">№{r.seq}</span> : null}
            </td>
            {showActor ? (
              <td>
                {r.actorId ? (
                  <Link href={`/privacy/staff/${encodeURIComponent(r.actorId)}`}>
                    <ActorLabel actorId={r.actorId} role={r.actorRole} />
                  </Link>
                ) : (
                  '—'
                )}
              </td>
            ) : null}
            <td>
              <Link href={`/privacy/audit?patientId=${encodeURIComponent(r.patientId)}`}>
                {r.patientId.slice(0, 8)}
              </Link>
              {r.subtype === 'PatientQuery' ? <span className="muted"> · в списке</span> : null}
            </td>
            <td>{(r.categories ?? []).map((c) => labelOf(CATEGORY_LABELS, c)).join(', ') || '—'}</td>
            <td>{purposeText(r.purpose)}</td>
            <td>{r.operation ?? '—'}</td>
            <td>{r.clientAddress ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A select of codes by their Russian names, «Все» first (no filter). */
function Choice(props: {
  id: string;
  name: string;
  label: string;
  options: Record<string, string>;
  value: string | undefined;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.value ?? ''}>
        <option value="">Все</option>
        {Object.entries(props.options).map(([k, label]) => (
          <option key={k} value={k}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The officer's search of the central audit trail: by patient, staff member, service, category
 * and time, newest first, «Ещё» pages back from the last record shown. With `fixedActorId` it is
 * a staff member's access history (the actor is not asked for and not shown).
 */
export function AuditSearch({
  initial = {},
  fixedActorId,
}: {
  initial?: AuditSearchInitial;
  fixedActorId?: string;
}) {
  const id = useId();
  const client = useClient();
  const start = fixedActorId ? { ...initial, actorId: fixedActorId } : initial;
  const [criteria, setCriteria] = useState<AuditSearchInitial | null>(null);
  const [records, setRecords] = useState<AuditRecord[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  async function load(v: AuditSearchInitial, before: string | null) {
    setLoading(true);
    setFailure(null);
    const r = await client
      .query(
        AuditRecordsQuery,
        { filter: toFilter(v), first: PAGE, before },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    setLoading(false);
    if (!r.data) return setFailure(errorText(errorCode(r.error), 'Не удалось выполнить поиск'));
    const page = r.data.auditRecords;
    setRecords((list) => (before ? [...list, ...page] : page));
    setMore(page.length === PAGE);
  }

  // A search given in the address (e.g. from an alert) or a staff member's history runs at once.
  const first = useRef(start);
  const loadRef = useRef(load);
  useEffect(() => {
    if (!hasCriteria(first.current)) return;
    setCriteria(first.current);
    void loadRef.current(first.current, null);
  }, []);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => String(form.get(k) ?? '').trim();
    const v: AuditSearchInitial = {
      patientId: text('patientId'),
      actorId: fixedActorId ?? text('actorId'),
      service: text('service'),
      category: text('category'),
      from: text('from'),
      to: text('to'),
    };
    setFormError(null);
    if (v.patientId && !UUID.test(v.patientId))
      return setFormError('Номер пациента — идентификатор вида 123e4567-e89b-12d3-a456-426614174000');
    if (v.from && v.to && v.from > v.to) return setFormError('Дата «по» не раньше даты «с»');
    if (!hasCriteria(v)) return setFormError('Укажите пациента, сотрудника, раздел, категорию или период');
    setCriteria(v);
    void load(v, null);
  }

  return (
    <div className="stack">
      <form
        className="card stack"
        onSubmit={submit}
        aria-labelledby={`${id}-title`}
        data-testid="audit-search"
      >
        <h2 id={`${id}-title`} style={{ marginTop: 0 }}>
          Поиск в журнале доступа
        </h2>
        <div className="row">
          <div className="field" style={{ flex: '1 1 300px' }}>
            <label htmlFor={`${id}-patient`}>Пациент (идентификатор)</label>
            <input id={`${id}-patient`} name="patientId" type="text" defaultValue={start.patientId} />
          </div>
          {fixedActorId ? null : (
            <div className="field" style={{ flex: '1 1 300px' }}>
              <label htmlFor={`${id}-actor`}>Сотрудник (учётная запись)</label>
              <input id={`${id}-actor`} name="actorId" type="text" defaultValue={start.actorId} />
            </div>
          )}
        </div>
        <div className="row">
          <Choice
            id={`${id}-service`}
            name="service"
            label="Раздел"
            options={SERVICE_LABELS}
            value={start.service}
          />
          <Choice
            id={`${id}-category`}
            name="category"
            label="Категория данных"
            options={CATEGORY_LABELS}
            value={start.category}
          />
          <div className="field">
            <DateField id={`${id}-from`} name="from" label="С (дата)" defaultValue={start.from} />
          </div>
          <div className="field">
            <DateField id={`${id}-to`} name="to" label="По (дата, включительно)" defaultValue={start.to} />
          </div>
        </div>
        {formError ? <ErrorBox>{formError}</ErrorBox> : null}
        <div>
          <button type="submit" disabled={loading}>
            Найти
          </button>
        </div>
      </form>
      {failure ? <ErrorBox>{failure}</ErrorBox> : null}
      {criteria ? (
        <section className="stack" aria-labelledby={`${id}-results`}>
          <h2 id={`${id}-results`}>{fixedActorId ? 'Обращения к данным' : 'Найдено'}</h2>
          {records.length ? (
            <Results records={records} showActor={!fixedActorId} />
          ) : loading ? null : (
            <p className="muted">Записей не найдено.</p>
          )}
          {loading ? <Loading label="Ищем…" /> : null}
          {more && !loading ? (
            <div>
              <button
                type="button"
                className="secondary"
                onClick={() => void load(criteria, records.at(-1)?.streamId ?? null)}
              >
                Ещё
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
