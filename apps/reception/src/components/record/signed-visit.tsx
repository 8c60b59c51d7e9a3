'use client';

import { errorCode, newUuid } from '@medikamente/web-kit/client';
import { errorText, InputErrors } from '@medikamente/web-kit/ui';
import { type FormEvent, useRef, useState } from 'react';
import { useMutation } from 'urql';
import type { VisitFieldsFragment } from '@/gql/graphql';
import {
  AddVisitAddendumMutation,
  MarkVisitEnteredInErrorMutation,
  StartVisitCorrectionMutation,
} from '@/operations/record';
import type { InputErrorItem } from './use-autosave';
import type { Directory } from './use-directory';
import { VisitCard } from './visit-history';

type Panel = 'addendum' | 'error' | null;

/**
 * A text form whose submission carries an idempotency key: one per attempt, kept when the attempt
 * got no answer (the retry is recognised), renewed once the text changes or an answer came.
 */
function KeyedTextForm({
  id,
  label,
  hint,
  submitLabel,
  maxLength,
  danger,
  onSubmit,
  onCancel,
}: {
  id: string;
  label: string;
  hint: string;
  submitLabel: string;
  maxLength: number;
  danger?: boolean;
  onSubmit: (text: string, key: string) => Promise<InputErrorItem[] | null | 'ok'>;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<InputErrorItem[]>([]);
  const [busy, setBusy] = useState(false);
  const key = useRef<string | null>(null);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    key.current ??= newUuid();
    const r = await onSubmit(text.trim(), key.current);
    setBusy(false);
    if (r === null) {
      setErrors([{ field: id, code: 'NETWORK', message: errorText('NETWORK') }]);
      return;
    }
    key.current = null;
    setErrors(r === 'ok' ? [] : r);
  }
  return (
    <form className="card stack" onSubmit={submit}>
      <div>
        <label htmlFor={id}>{label}</label>
        <textarea
          id={id}
          rows={3}
          required
          maxLength={maxLength}
          value={text}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setText(e.target.value);
            key.current = null;
          }}
        />
        <div id={`${id}-hint`} className="muted">
          {hint}
        </div>
      </div>
      <InputErrors errors={errors} />
      <div className="row">
        <button type="submit" className={danger ? 'danger' : undefined} disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Отмена
        </button>
      </div>
    </form>
  );
}

/** A signed visit with the doctor's actions: correct (a new version), addendum, entered-in-error. */
export function SignedVisit({
  visit,
  dir,
  onChanged,
}: {
  visit: VisitFieldsFragment;
  dir: Directory;
  onChanged: (message: string) => void;
}) {
  const [panel, setPanel] = useState<Panel>(null);
  const [failure, setFailure] = useState<InputErrorItem[]>([]);
  const [, startCorrection] = useMutation(StartVisitCorrectionMutation);
  const [, addAddendum] = useMutation(AddVisitAddendumMutation);
  const [, markError] = useMutation(MarkVisitEnteredInErrorMutation);
  const erroneous = visit.current?.status === 'ENTERED_IN_ERROR';

  async function correct() {
    const r = await startCorrection({ input: { visitId: visit.id } });
    const p = r.data?.startVisitCorrection;
    if (p?.ok) onChanged('Исправление начато: измените запись и подпишите её с причиной.');
    else
      setFailure(
        p?.inputErrors ?? [{ field: 'visitId', code: errorCode(r.error) ?? 'NETWORK', message: '' }],
      );
  }

  const actions = (
    <div className="stack">
      <div className="row">
        {/* Entered in error is final: no correction revives it. */}
        {!erroneous ? (
          <button type="button" onClick={correct}>
            Исправить
          </button>
        ) : null}
        <button
          type="button"
          className="secondary"
          aria-expanded={panel === 'addendum'}
          onClick={() => setPanel(panel === 'addendum' ? null : 'addendum')}
        >
          Дополнение
        </button>
        {!erroneous ? (
          <button
            type="button"
            className="danger"
            aria-expanded={panel === 'error'}
            onClick={() => setPanel(panel === 'error' ? null : 'error')}
          >
            Внесено ошибочно
          </button>
        ) : null}
      </div>
      <InputErrors errors={failure} />
      {panel === 'addendum' ? (
        <KeyedTextForm
          id="addendum-text"
          label="Текст дополнения"
          hint="Дополнение подписывается и добавляется к приёму; сама запись не меняется."
          submitLabel="Подписать дополнение"
          maxLength={10000}
          onCancel={() => setPanel(null)}
          onSubmit={async (text, idempotencyKey) => {
            const r = await addAddendum({ input: { visitId: visit.id, text, idempotencyKey } });
            const p = r.data?.addVisitAddendum;
            if (!p) return null;
            if (p.ok) onChanged('Дополнение подписано.');
            return p.ok ? 'ok' : p.inputErrors;
          }}
        />
      ) : null}
      {panel === 'error' ? (
        <KeyedTextForm
          id="error-reason"
          label="Почему запись внесена ошибочно"
          hint="Например: приём записан не тому пациенту. Запись останется в истории, но пациент её не увидит."
          submitLabel="Отметить как ошибочную"
          maxLength={2000}
          danger
          onCancel={() => setPanel(null)}
          onSubmit={async (reason, idempotencyKey) => {
            const r = await markError({ input: { visitId: visit.id, reason, idempotencyKey } });
            const p = r.data?.markVisitEnteredInError;
            if (!p) return null;
            if (p.ok) onChanged('Запись отмечена как внесённая ошибочно и скрыта от пациента.');
            return p.ok ? 'ok' : p.inputErrors;
          }}
        />
      ) : null}
    </div>
  );

  return <VisitCard visit={visit} dir={dir} actions={actions} />;
}
