'use client';

import { errorCode, newUuid } from '@medikamente/web-kit/client';
import { LAB_PRIORITY_LABELS } from '@medikamente/web-kit/lab';
import { ErrorBox, errorText, InputErrors } from '@medikamente/web-kit/ui';
import { type FormEvent, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { OrderLabTestsMutation } from '@/operations/lab';
import { LabTestPicker, type PickedTest } from './test-picker';

type InputErrorItem = { field: string; code: string; message: string };

/** What the order needs of the patient card: the partner receives sex and age with the specimen. */
export type LabPatient = { sex?: string | null; birthDate?: string | null };

const labSex = (sex: string | null | undefined) => (sex === 'MALE' || sex === 'FEMALE' ? sex : 'UNKNOWN');

/**
 * Ordering tests from a visit: tests from the catalogue, priority, a note for the laboratory.
 * One idempotency key per attempt (as signing): a retry after no answer sends the same key and
 * gets the same orders; any change to the form starts a new attempt.
 */
export function LabOrderForm({
  patientId,
  visitId,
  patient,
  onOrdered,
}: {
  patientId: string;
  visitId: string;
  patient: LabPatient;
  onOrdered: (specimenCodes: string[]) => void;
}) {
  const [tests, setTests] = useState<PickedTest[]>([]);
  // A fresh picker (empty search) after each order.
  const [round, setRound] = useState(0);
  const [priority, setPriority] = useState<'ROUTINE' | 'URGENT'>('ROUTINE');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<InputErrorItem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [{ fetching }, order] = useMutation(OrderLabTestsMutation);
  const key = useRef<string | null>(null);
  const changed = () => {
    key.current = null;
    setMessage(null);
  };

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setErrors([]);
    setMessage(null);
    if (!tests.length) {
      setMessage('Выберите хотя бы один анализ из справочника');
      return;
    }
    key.current ??= newUuid();
    const r = await order({
      input: {
        patientId,
        visitId,
        testIds: tests.map((t) => t.id),
        priority,
        clinicalNote: note.trim() || null,
        patientSex: labSex(patient.sex),
        patientBirthDate: patient.birthDate ?? null,
        idempotencyKey: key.current,
      },
    });
    const p = r.data?.orderLabTests;
    if (p?.ok) {
      key.current = null;
      setTests([]);
      setNote('');
      setPriority('ROUTINE');
      setRound((r) => r + 1);
      onOrdered(p.orders.map((o) => o.specimenCode ?? '').filter(Boolean));
    } else if (p) {
      key.current = null;
      setErrors(p.inputErrors);
    } else
      setMessage(
        `${errorText(errorCode(r.error), 'Нет ответа от сервера')}. Нажмите «Назначить» ещё раз: повторная отправка не создаст второй заказ.`,
      );
  }

  return (
    <form className="stack card" onSubmit={submit} noValidate data-testid="lab-order-form">
      <h3 style={{ marginTop: 0 }}>Назначить исследования</h3>
      <LabTestPicker
        key={round}
        chosen={tests}
        onChange={(next) => {
          setTests(next);
          changed();
        }}
      />
      <fieldset className="lab-choice">
        <legend>Приоритет</legend>
        <div className="row">
          {(['ROUTINE', 'URGENT'] as const).map((p) => (
            <label key={p}>
              <input
                type="radio"
                name="lab-priority"
                value={p}
                checked={priority === p}
                onChange={() => {
                  setPriority(p);
                  changed();
                }}
              />
              {LAB_PRIORITY_LABELS[p]}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="lab-note">Комментарий для лаборатории</label>
        <textarea
          id="lab-note"
          rows={2}
          maxLength={1000}
          value={note}
          aria-describedby="lab-note-hint"
          onChange={(e) => {
            setNote(e.target.value);
            changed();
          }}
        />
        <div id="lab-note-hint" className="muted">
          Остаётся в клинике (например, для процедурного кабинета): партнёрская лаборатория получает только
          код образца, пол и возрастную группу пациента.
        </div>
      </div>
      {errors.length ? <InputErrors errors={errors} /> : null}
      {message ? <ErrorBox>{message}</ErrorBox> : null}
      <div className="row">
        <button type="submit" disabled={fetching} data-testid="lab-order-submit">
          {fetching ? 'Назначаем…' : `Назначить${tests.length ? ` (${tests.length})` : ''}`}
        </button>
      </div>
    </form>
  );
}
