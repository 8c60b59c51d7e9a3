'use client';

import {
  billingErrorText,
  REFUND_STATUS_LABELS,
  refundableKopecks,
  rubles,
} from '@medikamente/web-kit/billing';
import {
  InvoiceLinesTable,
  InvoiceStatusBadge,
  PaymentSummary,
  ReceiptView,
} from '@medikamente/web-kit/billing-view';
import { errorCode } from '@medikamente/web-kit/client';
import { dateTimeIn } from '@medikamente/web-kit/format';
import { ErrorBox, Loading, Notice } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { DeskInvoiceQuery } from '@/gql/graphql';
import { InvoiceQuery, RetryFiscalisationMutation } from '@/operations/billing';
import { RefundForm } from './refund-form';
import { type PaymentOutcome, TakePayment } from './take-payment';

type Payment = NonNullable<NonNullable<DeskInvoiceQuery['invoice']>['payments']>[number];

/** What the role may do on the invoice page (the API decides anyway). */
export type InvoiceActions = { pay: boolean; refund: boolean; retry: boolean };

const SOURCES: Record<string, string> = {
  APPOINTMENT: 'по приёму',
  LAB_ORDER: 'по анализам',
  DESK: 'на кассе',
};

/** A payment waiting for its receipt: said plainly, with «Отправить чек повторно». */
function PendingFiscal({
  payment,
  canRetry,
  onDone,
}: {
  payment: Payment;
  canRetry: boolean;
  onDone: (o: PaymentOutcome) => void;
}) {
  const [{ fetching }, retry] = useMutation(RetryFiscalisationMutation);
  async function send() {
    const r = await retry({ paymentId: payment.id });
    const p = r.data?.retryPaymentFiscalisation;
    const status = p?.payment?.status;
    onDone(
      status === 'CAPTURED'
        ? { kind: 'ok', text: 'Касса напечатала чек, оплата проведена.' }
        : status === 'PENDING_FISCAL'
          ? { kind: 'warn', text: 'Касса по-прежнему не отвечает. Чек будет отправлен автоматически.' }
          : {
              kind: 'error',
              text:
                p?.payment?.statusReason ??
                billingErrorText(p?.inputErrors[0]?.code ?? errorCode(r.error), p?.inputErrors[0]?.message),
            },
    );
  }
  return (
    <div className="alert warn pending-fiscal" data-testid="pending-fiscal">
      <strong>Платёж ждёт чека кассы.</strong> Касса ещё не напечатала чек — оплата будет учтена, когда касса
      вернёт фискальный признак. Повторная отправка не создаст второй чек.
      {payment.statusReason ? <div>{payment.statusReason}</div> : null}
      {canRetry ? (
        <div style={{ marginTop: 8 }}>
          <button type="button" className="small" disabled={fetching} onClick={send}>
            Отправить чек повторно
          </button>
        </div>
      ) : null}
    </div>
  );
}

function PaymentItem({
  invoiceId,
  payment,
  zone,
  actions,
  onDone,
}: {
  invoiceId: string;
  payment: Payment;
  zone: string;
  actions: InvoiceActions;
  onDone: (o: PaymentOutcome) => void;
}) {
  const refundable = refundableKopecks(payment);
  return (
    <li data-payment-id={payment.id} data-status={payment.status ?? ''}>
      <PaymentSummary payment={payment} zone={zone} />
      {payment.status === 'PENDING_FISCAL' ? (
        <PendingFiscal payment={payment} canRetry={actions.retry} onDone={onDone} />
      ) : null}
      {payment.status === 'FAILED' ? (
        <ErrorBox>Касса отказала: {payment.statusReason ?? 'причина не указана'}. Деньги не учтены.</ErrorBox>
      ) : null}
      {payment.refunds?.length ? (
        <ul className="list" aria-label="Возвраты по платежу">
          {payment.refunds.map((r) => (
            <li key={r.id} data-refund-id={r.id} data-status={r.status ?? ''}>
              Возврат {rubles(r.amountKopecks)} — {r.reason ?? '—'} ·{' '}
              {REFUND_STATUS_LABELS[r.status ?? ''] ?? r.status}
              {r.createdAt ? <span className="muted"> · {dateTimeIn(r.createdAt, zone)}</span> : null}
              {r.status !== 'DONE' && r.statusReason ? (
                <span className="muted"> · {r.statusReason}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {payment.receipts?.length ? (
        <div className="receipts">
          {payment.receipts.map((rc) => (
            <div key={rc.id}>
              <ReceiptView receipt={rc} zone={zone} />
              <Link
                className="button secondary small no-print"
                href={`/invoices/${invoiceId}/receipts/${rc.id}`}
              >
                Печать чека № {rc.receiptNumber ?? ''}
              </Link>
            </div>
          ))}
        </div>
      ) : null}
      {actions.refund && refundable > 0 ? (
        <RefundForm paymentId={payment.id} refundableKopecks={refundable} onDone={onDone} />
      ) : null}
    </li>
  );
}

/**
 * One invoice: lines, sums and status; its payments with their receipts and refunds; the desk's
 * actions by role — take cash or card, send a waiting receipt again, refund.
 */
export function InvoiceDetail({ id, zone, actions }: { id: string; zone: string; actions: InvoiceActions }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: InvoiceQuery, variables: { id } });
  const [outcome, setOutcome] = useState<PaymentOutcome | null>(null);
  const invoice = data?.invoice;
  const waiting = invoice?.payments?.some((p) => p.status === 'PENDING_FISCAL' || p.status === 'CAPTURING');
  // While a receipt is awaited the page follows the retry job (every few seconds).
  useEffect(() => {
    if (!waiting) return;
    const t = setInterval(() => refetch({ requestPolicy: 'network-only' }), 4000);
    return () => clearInterval(t);
  }, [waiting, refetch]);

  if (fetching && !data) return <Loading />;
  if (!invoice) return <ErrorBox>{billingErrorText(errorCode(error), null, 'Счёт не найден')}</ErrorBox>;
  const done = (o: PaymentOutcome) => {
    setOutcome(o);
    refetch({ requestPolicy: 'network-only' });
  };
  const balance = invoice.balanceKopecks ?? 0;
  return (
    <>
      <section className="card" aria-labelledby="invoice-title" data-invoice-id={invoice.id}>
        <div className="invoice-head">
          <h2 id="invoice-title">Счёт № {invoice.number ?? '—'}</h2>
          <InvoiceStatusBadge status={invoice.status} />
          <span className="muted">
            {invoice.createdAt ? dateTimeIn(invoice.createdAt, zone) : ''}
            {invoice.source ? ` · ${SOURCES[invoice.source] ?? invoice.source}` : ''}
          </span>
        </div>
        <InvoiceLinesTable
          lines={invoice.lines ?? []}
          caption={`Позиции счёта № ${invoice.number ?? ''}`}
          totalKopecks={invoice.totalKopecks}
        />
        <dl className="props" style={{ marginTop: 10 }} data-testid="invoice-sums">
          <dt>Оплачено</dt>
          <dd>{rubles(invoice.paidKopecks)}</dd>
          <dt>Возвращено</dt>
          <dd>{rubles(invoice.refundedKopecks)}</dd>
          <dt>К оплате</dt>
          <dd className="money-due" data-testid="invoice-balance">
            {rubles(balance)}
          </dd>
        </dl>
      </section>
      {outcome ? (
        outcome.kind === 'error' ? (
          <ErrorBox>{outcome.text}</ErrorBox>
        ) : (
          <Notice kind={outcome.kind}>{outcome.text}</Notice>
        )
      ) : null}
      {actions.pay && balance > 0 && invoice.branchId ? (
        <TakePayment
          key={balance}
          invoiceId={invoice.id}
          branchId={invoice.branchId}
          balanceKopecks={balance}
          onDone={done}
        />
      ) : null}
      <section className="card" aria-labelledby="payments-title">
        <h2 id="payments-title" style={{ marginTop: 0 }}>
          Платежи и чеки
        </h2>
        {invoice.payments?.length ? (
          <ul className="list payments">
            {invoice.payments.map((p) => (
              <PaymentItem
                key={p.id}
                invoiceId={invoice.id}
                payment={p}
                zone={zone}
                actions={actions}
                onDone={done}
              />
            ))}
          </ul>
        ) : (
          <p className="muted">Платежей по счёту ещё не было.</p>
        )}
      </section>
    </>
  );
}
