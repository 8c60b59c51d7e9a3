'use client';

import { errorCode } from '@medikamente/web-kit/client';
import { ErrorBox, errorText, Loading, Notice } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { type FormEvent, useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { SecurityAlertQuery as SecurityAlertResult, SecurityAlertStatus } from '@/gql/graphql';
import {
  AddSecurityAlertNoteMutation,
  AssignSecurityAlertMutation,
  SecurityAlertQuery,
  TriageSecurityAlertMutation,
} from '@/operations/privacy';
import { AlertStatusBadge, SeverityBadge } from './badges';
import {
  ALERT_STATUS_LABELS,
  CATEGORY_LABELS,
  EVIDENCE_LABELS,
  labelOf,
  SERVICE_LABELS,
  STEP_LABELS,
  when,
} from './labels';
import { ActorLabel, useStaffName } from './staff-names';

type Alert = NonNullable<SecurityAlertResult['securityAlert']>;
type InputError = { field: string; code: string; message: string };

const TRIAGE: ReadonlyArray<{ status: SecurityAlertStatus; hint: string }> = [
  { status: 'EXPLAINED', hint: 'у сотрудника была рабочая причина — укажите её в заметке' },
  { status: 'UNEXPLAINED', hint: 'рабочей причины не нашлось' },
  { status: 'INCIDENT', hint: 'разбирается как инцидент с персональными данными' },
];

/** The API's field errors of one field, as text next to it (Russian messages come from the API). */
function fieldError(errors: readonly InputError[], field: string, status?: string): string | null {
  const e = errors.find((x) => x.field === field);
  if (!e) return null;
  if (field === 'input.note' && e.code === 'REQUIRED')
    return status === 'EXPLAINED'
      ? 'Для «Объяснено» укажите в заметке рабочую причину доступа'
      : 'Введите текст заметки';
  return e.message || errorText(e.code);
}

const otherErrors = (errors: readonly InputError[], fields: string[]) =>
  errors.filter((e) => !fields.includes(e.field));

function evidenceValue(key: string, value: unknown): string {
  if (key === 'categories' && Array.isArray(value))
    return value.map((c) => labelOf(CATEGORY_LABELS, String(c))).join(', ') || '—';
  if (Array.isArray(value)) return value.map(String).join(', ') || '—';
  if (value == null || value === '') return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The rule's findings as a list of labelled values (the API gives them as JSON). */
function Evidence({ json }: { json: string }) {
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return <pre>{json}</pre>;
  }
  const entries = Object.entries(parsed);
  if (!entries.length) return <p className="muted">Нет данных.</p>;
  return (
    <dl className="props" data-testid="alert-evidence">
      {entries.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{EVIDENCE_LABELS[k] ?? k}</dt>
          <dd>{evidenceValue(k, v)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Who did a step: the system, «вы», or a staff member by name (or the start of the account id). */
function useWho(me: string) {
  const nameOf = useStaffName();
  return (accountId: string | null | undefined) =>
    !accountId
      ? 'система'
      : accountId === me
        ? 'вы'
        : (nameOf(accountId) ?? `сотрудник ${accountId.slice(0, 8)}`);
}

function Steps({ alert, me }: { alert: Alert; me: string }) {
  const who = useWho(me);
  return (
    <ol className="list stack" data-testid="alert-steps">
      {(alert.steps ?? []).map((s, i) => (
        <li key={`${s.at}-${i}`} className="card" data-step={s.step}>
          <strong>{labelOf(STEP_LABELS, s.step)}</strong>{' '}
          <span className="muted">
            {when(s.at)} · {who(s.accountId)}
          </span>
          {s.step === 'TRIAGED' && s.status ? <> · {labelOf(ALERT_STATUS_LABELS, s.status)}</> : null}
          {s.step === 'ASSIGNED' && s.assigneeId ? <> · исполнитель: {who(s.assigneeId)}</> : null}
          {s.step === 'NOTIFIED' ? (
            <> · {s.note?.startsWith('failed') ? 'не удалось отправить' : 'отправлено'}</>
          ) : s.note ? (
            <p style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{s.note}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** A note's text area with the API's error for it next to it. */
function NoteField({
  id,
  label,
  rows,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  rows: number;
  value: string;
  error: string | null;
  onChange: (text: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        maxLength={2000}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <span id={`${id}-error`} className="field-error" data-testid="note-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** The payload's errors of no field shown, and a failure of the request itself. */
function FormErrors({ errors, failure }: { errors: readonly InputError[]; failure: string | null }) {
  return (
    <>
      {errors.length ? (
        <ErrorBox>{errors.map((e) => e.message || errorText(e.code)).join('. ')}</ErrorBox>
      ) : null}
      {failure ? <ErrorBox>{failure}</ErrorBox> : null}
    </>
  );
}

/** Объяснено / Не объяснено / Инцидент with a note (required for «Объяснено»: the API says so). */
function TriageForm({ alert, onDone }: { alert: Alert; onDone: (text: string) => void }) {
  const id = useId();
  const [status, setStatus] = useState<SecurityAlertStatus | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<InputError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, triage] = useMutation(TriageSecurityAlertMutation);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFailure(null);
    if (!status)
      return setErrors([{ field: 'input.status', code: 'REQUIRED', message: 'Выберите итог разбора' }]);
    const r = await triage({ input: { alertId: alert.id, status, note: note.trim() || null } });
    const p = r.data?.triageSecurityAlert;
    if (!p) return setFailure(errorText(errorCode(r.error), 'Не удалось сохранить разбор'));
    setErrors([...p.inputErrors]);
    if (p.ok) {
      setNote('');
      setStatus('');
      onDone(`Разбор сохранён: ${labelOf(ALERT_STATUS_LABELS, status)}.`);
    }
  }

  const statusError = fieldError(errors, 'input.status');
  const noteError = fieldError(errors, 'input.note', status);
  const rest = otherErrors(errors, ['input.status', 'input.note']);
  return (
    <form
      className="card stack"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      data-testid="triage-form"
    >
      <h2 id={`${id}-title`} style={{ marginTop: 0 }}>
        Разбор
      </h2>
      <fieldset aria-describedby={statusError ? `${id}-status-error` : undefined}>
        <legend>Итог</legend>
        {TRIAGE.map((t) => (
          <label key={t.status} className="inline">
            <input
              type="radio"
              name={`${id}-status`}
              value={t.status}
              checked={status === t.status}
              onChange={() => setStatus(t.status)}
            />
            <span>
              {ALERT_STATUS_LABELS[t.status]} <span className="muted">— {t.hint}</span>
            </span>
          </label>
        ))}
        {statusError ? (
          <span id={`${id}-status-error`} className="field-error">
            {statusError}
          </span>
        ) : null}
      </fieldset>
      <NoteField
        id={`${id}-note`}
        label={`Заметка${status === 'EXPLAINED' ? ' (обязательна для «Объяснено»)' : ''}`}
        rows={3}
        value={note}
        error={noteError}
        onChange={setNote}
      />
      <FormErrors errors={rest} failure={failure} />
      <div>
        <button type="submit" disabled={fetching}>
          Сохранить разбор
        </button>
      </div>
    </form>
  );
}

function NoteForm({ alert, onDone }: { alert: Alert; onDone: (text: string) => void }) {
  const id = useId();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<InputError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, add] = useMutation(AddSecurityAlertNoteMutation);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFailure(null);
    const r = await add({ input: { alertId: alert.id, note } });
    const p = r.data?.addSecurityAlertNote;
    if (!p) return setFailure(errorText(errorCode(r.error), 'Не удалось добавить заметку'));
    setErrors([...p.inputErrors]);
    if (p.ok) {
      setNote('');
      onDone('Заметка добавлена.');
    }
  }
  const noteError = fieldError(errors, 'input.note');
  const rest = otherErrors(errors, ['input.note']);
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`} style={{ marginTop: 0 }}>
        Заметка
      </h2>
      <NoteField
        id={`${id}-note`}
        label="Текст заметки"
        rows={2}
        value={note}
        error={noteError}
        onChange={setNote}
      />
      <FormErrors errors={rest} failure={failure} />
      <div>
        <button type="submit" className="secondary" disabled={fetching}>
          Добавить заметку
        </button>
      </div>
    </form>
  );
}

/**
 * One alert for the officer: the rule and its Russian explanation, who and what, the evidence,
 * the steps so far, «Назначить на меня», the triage and notes. `me` is the officer's account id.
 */
export function AlertDetail({ alertId, me }: { alertId: string; me: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SecurityAlertQuery,
    variables: { id: alertId },
  });
  const [{ fetching: assigning }, assign] = useMutation(AssignSecurityAlertMutation);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const who = useWho(me);
  if (fetching && !data) return <Loading />;
  if (!data) return <ErrorBox>{errorText(errorCode(error), 'Не удалось загрузить оповещение')}</ErrorBox>;
  const alert = data.securityAlert;
  if (!alert) return <ErrorBox>Оповещение не найдено.</ErrorBox>;
  const changed = (text: string) => {
    setDone(text);
    refetch({ requestPolicy: 'network-only' });
  };

  async function assignToMe() {
    setFailure(null);
    const r = await assign({ input: { alertId, assigneeId: me } });
    const p = r.data?.assignSecurityAlert;
    if (p?.ok) changed('Оповещение назначено на вас.');
    else setFailure(p?.inputErrors[0]?.message || errorText(errorCode(r.error), 'Не удалось назначить'));
  }

  return (
    <div
      className="stack"
      data-testid="security-alert"
      data-alert-id={alert.id}
      data-status={alert.status ?? undefined}
    >
      <div className="row" style={{ alignItems: 'center' }}>
        <h2 style={{ margin: 0 }}>{alert.ruleTitle ?? 'Оповещение мониторинга'}</h2>
        <SeverityBadge severity={alert.severity} />
        <AlertStatusBadge status={alert.status} />
      </div>
      <p data-testid="alert-explanation">{alert.explanation ?? '—'}</p>
      <dl className="props">
        <dt>Когда</dt>
        <dd>{when(alert.occurredAt)}</dd>
        <dt>Сотрудник</dt>
        <dd>
          {alert.actorId ? (
            <Link href={`/privacy/staff/${encodeURIComponent(alert.actorId)}`}>
              <ActorLabel actorId={alert.actorId} role={alert.actorRole} />
            </Link>
          ) : (
            '—'
          )}
        </dd>
        <dt>Пациент</dt>
        <dd>
          {alert.patientId ? (
            <Link href={`/privacy/audit?patientId=${encodeURIComponent(alert.patientId)}`}>
              {alert.patientId}
            </Link>
          ) : (
            '—'
          )}
        </dd>
        <dt>Раздел</dt>
        <dd>{labelOf(SERVICE_LABELS, alert.service)}</dd>
        <dt>Оповещение создано</dt>
        <dd>{when(alert.raisedAt)}</dd>
        <dt>Исполнитель</dt>
        <dd data-testid="alert-assignee">{alert.assigneeId ? who(alert.assigneeId) : 'не назначен'}</dd>
      </dl>
      {done ? <Notice>{done}</Notice> : null}
      {failure ? <ErrorBox>{failure}</ErrorBox> : null}
      {alert.assigneeId !== me ? (
        <div>
          <button type="button" className="secondary" disabled={assigning} onClick={assignToMe}>
            Назначить на меня
          </button>
        </div>
      ) : null}
      <section className="stack" aria-labelledby="evidence-title">
        <h2 id="evidence-title">Что обнаружено</h2>
        <Evidence json={alert.evidence ?? '{}'} />
      </section>
      <section className="stack" aria-labelledby="steps-title">
        <h2 id="steps-title">История</h2>
        <Steps alert={alert} me={me} />
      </section>
      <TriageForm alert={alert} onDone={changed} />
      <NoteForm alert={alert} onDone={changed} />
    </div>
  );
}
