'use client';

import { errorCode, newUuid } from '@medikamente/web-kit/client';
import { timeIn } from '@medikamente/web-kit/format';
import { ErrorBox, errorText, InputErrors, Notice } from '@medikamente/web-kit/ui';
import { type FormEvent, useRef, useState } from 'react';
import { useMutation } from 'urql';
import type { VisitDraftFieldsFragment } from '@/gql/graphql';
import { DiscardVisitDraftMutation, SignVisitMutation } from '@/operations/record';
import { DiagnosesEditor, PrescriptionsEditor, ReferralsEditor } from './item-rows';
import { type AutosaveState, type InputErrorItem, useAutosave } from './use-autosave';
import { CLOSING_FIELDS, contentInput, formFromDraft, TEXT_FIELDS, type VisitForm } from './visit-form';

function AutosaveStatus({ state, zone }: { state: AutosaveState; zone: string }) {
  const text = {
    idle: 'Черновик сохраняется автоматически',
    dirty: 'Есть несохранённые изменения…',
    saving: 'Сохраняем…',
    saved: state.kind === 'saved' ? `Сохранено в ${timeIn(state.at, zone)}` : '',
    invalid: 'Черновик не сохранён: исправьте ошибки ниже',
    offline: 'Нет связи с сервером: изменения пока не сохранены',
    conflict: 'Черновик не сохранён: он изменён в другом окне',
  }[state.kind];
  return (
    <output className="muted" aria-live="polite" data-autosave={state.kind}>
      {text}
    </output>
  );
}

/**
 * The visit note being written: texts, ICD-10 diagnoses, prescriptions and referrals, autosaved
 * as the caller's draft; "Подписать" signs it (a correction with its reason). The signing key is
 * one UUID per attempt, sent again unchanged when the same attempt is retried after no answer.
 */
export function VisitEditor({
  visitId,
  draft,
  correctionOf,
  zone,
  onSigned,
  onDiscarded,
}: {
  visitId: string;
  draft: VisitDraftFieldsFragment | null;
  /** The version number a correction replaces (null for the first version). */
  correctionOf: number | null;
  zone: string;
  onSigned: () => void;
  onDiscarded: () => void;
}) {
  const [form, setForm] = useState<VisitForm>(() => formFromDraft(draft));
  const [reason, setReason] = useState('');
  const autosave = useAutosave(visitId, draft?.revision ?? 0);
  const [{ fetching: signing }, sign] = useMutation(SignVisitMutation);
  const [, discard] = useMutation(DiscardVisitDraftMutation);
  const [signErrors, setSignErrors] = useState<InputErrorItem[]>([]);
  const [signMessage, setSignMessage] = useState<string | null>(null);
  const signKey = useRef<string | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const correcting = correctionOf !== null;

  function change(next: VisitForm) {
    setForm(next);
    // Changed content is a new signing attempt, never a retry of the previous one.
    signKey.current = null;
    autosave.schedule(contentInput(next));
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSignErrors([]);
    setSignMessage(null);
    if (correcting && reason.trim().length < 5) {
      setSignMessage('Укажите причину исправления');
      reasonRef.current?.focus();
      return;
    }
    if (!(await autosave.flush())) {
      setSignMessage('Черновик не сохранён, подписать нельзя. Проверьте сообщение выше.');
      return;
    }
    signKey.current ??= newUuid();
    const r = await sign({
      input: { visitId, reason: correcting ? reason.trim() : null, idempotencyKey: signKey.current },
    });
    const p = r.data?.signVisit;
    if (p?.ok) {
      signKey.current = null;
      onSigned();
    } else if (p) {
      signKey.current = null;
      setSignErrors(p.inputErrors);
    } else
      setSignMessage(
        `${errorText(errorCode(r.error), 'Нет ответа от сервера')}. Нажмите «Подписать» ещё раз: повторная отправка не создаст вторую подпись.`,
      );
  }

  async function cancelCorrection() {
    const r = await discard({ input: { visitId } });
    if (r.data?.discardVisitDraft.ok) onDiscarded();
    else setSignMessage(errorText(r.data?.discardVisitDraft.inputErrors[0]?.code ?? errorCode(r.error)));
  }

  const text = (field: keyof VisitForm & string, label: string, rows = 3) => (
    <div key={field}>
      <label htmlFor={`visit-${field}`}>{label}</label>
      <textarea
        id={`visit-${field}`}
        rows={rows}
        maxLength={10000}
        value={form[field] as string}
        onChange={(e) => change({ ...form, [field]: e.target.value })}
      />
    </div>
  );

  return (
    <form className="editor stack" onSubmit={submit} aria-labelledby="editor-title" noValidate>
      <h2 id="editor-title">{correcting ? `Исправление версии ${correctionOf}` : 'Запись приёма'}</h2>
      {correcting ? (
        <Notice kind="warn">
          Исправление станет новой версией приёма; прежняя версия сохранится в истории вместе с причиной.
        </Notice>
      ) : null}
      {autosave.state.kind === 'conflict' ? (
        <div className="alert error" role="alert" data-testid="draft-conflict">
          Черновик изменён в другом окне или на другом компьютере. Последние изменения здесь не сохранены.{' '}
          <button type="button" className="secondary small" onClick={() => window.location.reload()}>
            Обновить страницу
          </button>
        </div>
      ) : null}
      {autosave.state.kind === 'invalid' ? <InputErrors errors={autosave.state.errors} /> : null}
      {TEXT_FIELDS.map(([f, label]) => text(f, label))}
      <DiagnosesEditor rows={form.diagnoses} onChange={(diagnoses) => change({ ...form, diagnoses })} />
      {CLOSING_FIELDS.map(([f, label]) => text(f, label))}
      <PrescriptionsEditor
        rows={form.prescriptions}
        onChange={(prescriptions) => change({ ...form, prescriptions })}
      />
      <ReferralsEditor rows={form.referrals} onChange={(referrals) => change({ ...form, referrals })} />
      {correcting ? (
        <div>
          <label htmlFor="visit-reason">Причина исправления</label>
          <textarea
            ref={reasonRef}
            id="visit-reason"
            rows={2}
            required
            maxLength={2000}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              signKey.current = null;
            }}
          />
        </div>
      ) : null}
      {signErrors.length ? <InputErrors errors={signErrors} /> : null}
      {signMessage ? <ErrorBox>{signMessage}</ErrorBox> : null}
      <div className="sticky-bar">
        <button type="submit" disabled={signing || autosave.state.kind === 'conflict'}>
          {signing ? 'Подписываем…' : correcting ? 'Подписать исправление' : 'Подписать'}
        </button>
        {correcting ? (
          <button type="button" className="secondary" onClick={cancelCorrection}>
            Отменить исправление
          </button>
        ) : null}
        <AutosaveStatus state={autosave.state} zone={zone} />
      </div>
    </form>
  );
}
