'use client';

import { errorCode } from '@medikamente/web-kit/client';
import { dateTimeIn } from '@medikamente/web-kit/format';
import { canCancel, canCollect, canSend, LAB_PRIORITY_LABELS } from '@medikamente/web-kit/lab';
import { LabResultsTable, LabStatusBadge } from '@medikamente/web-kit/lab-view';
import { ErrorBox, errorText } from '@medikamente/web-kit/ui';
import { type FormEvent, useId, useState } from 'react';
import { useMutation } from 'urql';
import type { LabOrderFieldsFragment } from '@/gql/graphql';
import { CancelLabOrderMutation, RecordLabSpecimenStepMutation } from '@/operations/lab';

const CANCEL_REASONS = ['Пациент отказался', 'Назначено ошибочно', 'Биоматериал не удалось взять', 'Другое'];

/** Cancelling with a reason: a short inline form, opened from the order's «Отменить». */
function CancelOrder({ order, onDone }: { order: LabOrderFieldsFragment; onDone: (error?: string) => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState(CANCEL_REASONS[0]!);
  const [other, setOther] = useState('');
  const [{ fetching }, cancel] = useMutation(CancelLabOrderMutation);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const text = reason === 'Другое' ? other.trim() : reason;
    if (!text) return onDone('Укажите причину отмены');
    const r = await cancel({ input: { orderId: order.id, reason: text } });
    const p = r.data?.cancelLabOrder;
    setOpen(false);
    onDone(
      p?.ok
        ? undefined
        : errorText(p?.inputErrors[0]?.code ?? errorCode(r.error), p?.inputErrors[0]?.message),
    );
  }
  if (!open)
    return (
      <button type="button" className="secondary small" onClick={() => setOpen(true)}>
        Отменить
      </button>
    );
  return (
    <form className="row" onSubmit={submit} data-testid="lab-cancel-form">
      <div>
        <label htmlFor={`${id}-reason`}>Причина отмены</label>
        <select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)}>
          {CANCEL_REASONS.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </div>
      {reason === 'Другое' ? (
        <div>
          <label htmlFor={`${id}-other`}>Своя причина</label>
          <input
            id={`${id}-other`}
            value={other}
            maxLength={500}
            onChange={(e) => setOther(e.target.value)}
          />
        </div>
      ) : null}
      <button type="submit" className="danger small" disabled={fetching}>
        Отменить заказ
      </button>
      <button type="button" className="secondary small" onClick={() => setOpen(false)}>
        Не отменять
      </button>
    </form>
  );
}

/**
 * One order: status in Russian (with the reason of a cancellation or rejection), the specimen
 * code to label the tube with, the tests, the clinic's steps and, once resulted, the results.
 */
export function LabOrderCard({
  order,
  zone,
  actions = true,
  onChanged,
}: {
  order: LabOrderFieldsFragment;
  zone: string;
  actions?: boolean;
  onChanged: () => void;
}) {
  const [{ fetching }, step] = useMutation(RecordLabSpecimenStepMutation);
  const [error, setError] = useState<string | null>(null);
  async function record(s: 'COLLECTED' | 'SENT') {
    setError(null);
    const r = await step({ input: { orderId: order.id, step: s } });
    const p = r.data?.recordLabSpecimenStep;
    if (p?.ok) onChanged();
    else setError(errorText(p?.inputErrors[0]?.code ?? errorCode(r.error), p?.inputErrors[0]?.message));
  }
  const results = order.results ?? [];
  return (
    <li className="card lab-order" data-lab-order-id={order.id} data-status={order.status ?? ''}>
      <div className="head">
        <strong>{(order.tests ?? []).map((t) => t.name).join(', ')}</strong>
        <LabStatusBadge status={order.status} reason={order.statusReason} />
        {order.priority === 'URGENT' ? (
          <span className="badge lab-REJECTED">{LAB_PRIORITY_LABELS.URGENT}</span>
        ) : null}
      </div>
      <p className="muted" style={{ margin: '4px 0' }}>
        Код образца:{' '}
        <span className="specimen" data-testid="specimen-code">
          {order.specimenCode ?? '—'}
        </span>
        {[order.specimenType, order.partnerName].filter(Boolean).map((t) => ` · ${t}`)}
        {order.createdAt ? ` · назначен ${dateTimeIn(order.createdAt, zone)}` : ''}
      </p>
      {order.clinicalNote ? <p className="pre">Комментарий: {order.clinicalNote}</p> : null}
      {results.length ? (
        <LabResultsTable results={results} caption="Результаты заказа" showPrevious showPartnerComment />
      ) : null}
      {order.reviewComment ? <p className="pre">Комментарий для пациента: {order.reviewComment}</p> : null}
      {error ? <ErrorBox>{error}</ErrorBox> : null}
      {actions ? (
        <div className="row">
          {canCollect(order.status) ? (
            <button type="button" className="small" disabled={fetching} onClick={() => record('COLLECTED')}>
              Биоматериал взят
            </button>
          ) : null}
          {canSend(order.status) ? (
            <button type="button" className="small" disabled={fetching} onClick={() => record('SENT')}>
              Отправлен в лабораторию
            </button>
          ) : null}
          {canCancel(order.status) ? (
            <CancelOrder
              order={order}
              onDone={(e) => {
                if (e) setError(e);
                else onChanged();
              }}
            />
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
