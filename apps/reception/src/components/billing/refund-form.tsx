'use client';

import { billingErrorText, parseRubles, rubles, rublesValue } from '@medikamente/web-kit/billing';
import { errorCode, newUuid } from '@medikamente/web-kit/client';
import { ErrorBox } from '@medikamente/web-kit/ui';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { RefundPaymentMutation } from '@/operations/billing';
import type { PaymentOutcome } from './take-payment';

const REASONS = [
  'Услуга не оказана',
  'Услуга оказана частично',
  'Ошибка при оплате',
  'Отказ пациента от услуги',
  'Другое',
];

/**
 * A refund of a captured payment, full or partial (never more than is left of it), with a reason;
 * the register prints the return receipt. Opened from the payment's «Оформить возврат».
 */
export function RefundForm({
  paymentId,
  refundableKopecks,
  onDone,
}: {
  paymentId: string;
  refundableKopecks: number;
  onDone: (outcome: PaymentOutcome) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [full, setFull] = useState(true);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState(REASONS[0]!);
  const [other, setOther] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, refund] = useMutation(RefundPaymentMutation);
  const key = useRef(newUuid());

  const amountKopecks = full ? refundableKopecks : parseRubles(amount);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFailure(null);
    const text = reason === 'Другое' ? other.trim() : reason;
    if (!text) return setFailure('Укажите причину возврата');
    if (amountKopecks == null || amountKopecks <= 0)
      return setFailure('Сумма возврата — в рублях, например 500 или 500,50');
    if (amountKopecks > refundableKopecks)
      return setFailure(`Вернуть можно не больше ${rubles(refundableKopecks)}`);
    const r = await refund({
      input: { paymentId, amountKopecks, reason: text, idempotencyKey: key.current },
    });
    const p = r.data?.refundPayment;
    if (p) key.current = newUuid();
    if (!p?.ok || !p.refund) {
      const first = p?.inputErrors[0];
      return setFailure(
        billingErrorText(first?.code ?? errorCode(r.error), first?.message, 'Возврат не выполнен'),
      );
    }
    setOpen(false);
    onDone(
      p.refund.status === 'DONE'
        ? { kind: 'ok', text: `Возврат ${rubles(amountKopecks)} выполнен, чек возврата напечатан.` }
        : p.refund.status === 'PENDING'
          ? {
              kind: 'warn',
              text: `Возврат ${rubles(amountKopecks)} оформлен и ждёт кассы: чек возврата будет отправлен повторно.`,
            }
          : { kind: 'error', text: p.refund.statusReason ?? 'Возврат не выполнен' },
    );
  }

  if (!open)
    return (
      <button type="button" className="secondary small" onClick={() => setOpen(true)}>
        Оформить возврат
      </button>
    );
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="refund-form">
      <h3 id={`${id}-title`} style={{ marginTop: 0 }}>
        Возврат
      </h3>
      <fieldset className="row">
        <legend>Сколько вернуть</legend>
        <label className="inline">
          <input type="radio" name={`${id}-full`} checked={full} onChange={() => setFull(true)} />
          Полностью: {rubles(refundableKopecks)}
        </label>
        <label className="inline">
          <input
            type="radio"
            name={`${id}-full`}
            checked={!full}
            onChange={() => {
              setFull(false);
              if (!amount) setAmount(rublesValue(refundableKopecks));
            }}
          />
          Частично
        </label>
      </fieldset>
      {full ? null : (
        <div className="field">
          <label htmlFor={`${id}-amount`}>Сумма возврата, ₽</label>
          <input
            id={`${id}-amount`}
            type="text"
            inputMode="decimal"
            required
            value={amount}
            aria-invalid={amountKopecks == null ? true : undefined}
            onChange={(e) => setAmount(e.target.value)}
          />
        </div>
      )}
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-reason`}>Причина возврата</label>
          <select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)}>
            {REASONS.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </div>
        {reason === 'Другое' ? (
          <div className="field" style={{ flex: '1 1 260px' }}>
            <label htmlFor={`${id}-other`}>Своя причина</label>
            <input
              id={`${id}-other`}
              type="text"
              required
              maxLength={500}
              value={other}
              onChange={(e) => setOther(e.target.value)}
            />
          </div>
        ) : null}
      </div>
      {failure ? <ErrorBox>{failure}</ErrorBox> : null}
      <div className="row">
        <button type="submit" className="danger" disabled={fetching}>
          Вернуть {amountKopecks ? rubles(amountKopecks) : ''}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Отмена
        </button>
      </div>
    </form>
  );
}
