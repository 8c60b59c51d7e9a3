'use client';

import {
  billingErrorText,
  changeKopecks,
  parseRubles,
  receiptContact,
  rubles,
  rublesValue,
} from '@medikamente/web-kit/billing';
import { errorCode, newUuid } from '@medikamente/web-kit/client';
import { ErrorBox } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { FiscalShiftQuery, TakeDeskPaymentMutation } from '@/operations/billing';

export type PaymentOutcome = { kind: 'ok' | 'warn' | 'error'; text: string };

/**
 * «Принять оплату» of an invoice at the desk: cash or card, the amount (the balance by default; a
 * part may be paid), a phone or e-mail for the electronic receipt; for cash, the sum tendered and
 * the change. The register prints the receipt; when it does not answer, the payment waits for it
 * (shown on the invoice with «Отправить чек повторно»).
 */
export function TakePayment({
  invoiceId,
  branchId,
  balanceKopecks,
  onDone,
}: {
  invoiceId: string;
  branchId: string;
  balanceKopecks: number;
  onDone: (outcome: PaymentOutcome) => void;
}) {
  const id = useId();
  const [{ data: shiftData }] = useQuery({ query: FiscalShiftQuery, variables: { branchId } });
  const [{ fetching }, take] = useMutation(TakeDeskPaymentMutation);
  const [method, setMethod] = useState<'CASH' | 'CARD'>('CASH');
  const [amount, setAmount] = useState(rublesValue(balanceKopecks));
  const [tendered, setTendered] = useState('');
  const [contact, setContact] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const key = useRef(newUuid());

  const amountKopecks = parseRubles(amount);
  const tenderedKopecks = tendered.trim() ? parseRubles(tendered) : null;
  const change = amountKopecks == null ? null : changeKopecks(tenderedKopecks, amountKopecks);
  const shiftOpen = shiftData?.fiscalShift?.open === true;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setResult(null);
    if (amountKopecks == null || amountKopecks <= 0)
      return setResult('Сумма — в рублях, например 2500 или 2 500,50');
    if (amountKopecks > balanceKopecks) return setResult(`К оплате не больше ${rubles(balanceKopecks)}`);
    if (method === 'CASH' && tenderedKopecks != null && tenderedKopecks < amountKopecks)
      return setResult('Получено меньше суммы оплаты');
    const to = receiptContact(contact);
    if (contact.trim() && !to) return setResult('Чек: телефон +7XXXXXXXXXX или адрес e-mail');
    const r = await take({
      input: { invoiceId, method, amountKopecks, customerContact: to, idempotencyKey: key.current },
    });
    const p = r.data?.takeDeskPayment;
    // A definitive answer ends this attempt; a lost one is retried with the same key (never twice).
    if (p) key.current = newUuid();
    if (!p?.ok || !p.payment) {
      const first = p?.inputErrors[0];
      setResult(billingErrorText(first?.code ?? errorCode(r.error), first?.message, 'Оплата не прошла'));
      return;
    }
    const status = p.payment.status;
    onDone(
      status === 'CAPTURED'
        ? {
            kind: 'ok',
            text: `Оплата ${rubles(amountKopecks)} проведена, чек напечатан.${
              method === 'CASH' && change ? ` Сдача: ${rubles(change)}.` : ''
            }`,
          }
        : status === 'PENDING_FISCAL'
          ? {
              kind: 'warn',
              text: 'Касса не ответила: платёж ждёт чека и будет отправлен на кассу повторно. Деньги учитываются только после чека.',
            }
          : { kind: 'error', text: p.payment.statusReason ?? 'Касса отказала в операции' },
    );
  }

  return (
    <form className="card stack" aria-labelledby={`${id}-title`} onSubmit={submit} data-testid="take-payment">
      <h2 id={`${id}-title`} style={{ marginTop: 0 }}>
        Принять оплату
      </h2>
      {shiftData && !shiftOpen ? (
        <div className="alert warn" role="alert">
          Смена кассы закрыта. <Link href={`/cashier?branch=${branchId}`}>Откройте смену</Link>, чтобы принять
          оплату.
        </div>
      ) : null}
      <fieldset className="row">
        <legend>Способ оплаты</legend>
        <label className="inline">
          <input
            type="radio"
            name={`${id}-method`}
            checked={method === 'CASH'}
            onChange={() => setMethod('CASH')}
          />
          Наличные
        </label>
        <label className="inline">
          <input
            type="radio"
            name={`${id}-method`}
            checked={method === 'CARD'}
            onChange={() => setMethod('CARD')}
          />
          Банковская карта
        </label>
      </fieldset>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-amount`}>Сумма оплаты, ₽</label>
          <input
            id={`${id}-amount`}
            type="text"
            inputMode="decimal"
            required
            value={amount}
            aria-describedby={`${id}-due`}
            aria-invalid={amountKopecks == null ? true : undefined}
            onChange={(e) => setAmount(e.target.value)}
          />
          <div id={`${id}-due`} className="muted">
            К оплате по счёту: {rubles(balanceKopecks)}
          </div>
        </div>
        {method === 'CASH' ? (
          <div className="field">
            <label htmlFor={`${id}-tendered`}>Получено наличными, ₽</label>
            <input
              id={`${id}-tendered`}
              type="text"
              inputMode="decimal"
              value={tendered}
              aria-describedby={`${id}-change`}
              onChange={(e) => setTendered(e.target.value)}
            />
            <output id={`${id}-change`} className="muted" data-testid="cash-change" aria-live="polite">
              {tenderedKopecks == null || amountKopecks == null
                ? 'Сдача: —'
                : change == null
                  ? `Не хватает ${rubles(amountKopecks - tenderedKopecks)}`
                  : `Сдача: ${rubles(change)}`}
            </output>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-contact`}>Телефон или e-mail для чека</label>
          <input
            id={`${id}-contact`}
            type="text"
            autoComplete="off"
            placeholder="+79161234567"
            value={contact}
            onChange={(e) => setContact(e.target.value)}
          />
        </div>
      </div>
      {result ? <ErrorBox>{result}</ErrorBox> : null}
      <button type="submit" disabled={fetching || !shiftOpen}>
        {method === 'CASH' ? 'Принять наличные' : 'Провести оплату картой'}
        {amountKopecks ? ` ${rubles(amountKopecks)}` : ''}
      </button>
    </form>
  );
}
