'use client';

import { billingErrorText, CLINIC_ZONE, rubles } from '@medikamente/web-kit/billing';
import {
  InvoiceLinesTable,
  InvoiceStatusBadge,
  PaymentSummary,
  ReceiptView,
} from '@medikamente/web-kit/billing-view';
import { errorCode, newUuid } from '@medikamente/web-kit/client';
import { dateOnly, dayKey } from '@medikamente/web-kit/format';
import { Empty, ErrorBox, Loading, Notice } from '@medikamente/web-kit/ui';
import { useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { MyInvoicesQuery as MyInvoicesResult } from '@/gql/graphql';
import { MyInvoicesQuery, PayInvoiceOnlineMutation } from '@/operations/billing';

type Invoice = MyInvoicesResult['myInvoices'][number];

/** After the provider's page the status is re-read this often, for at most this long. */
const POLL_MS = 1500;
const POLL_FOR_MS = 60_000;

const day = (iso: string | null | undefined) => (iso ? dateOnly(dayKey(iso, CLINIC_ZONE)) : '');
const lastOnline = (i: Invoice) => (i.payments ?? []).filter((p) => p.method === 'ONLINE').at(-1);
const receiptsOf = (i: Invoice) => (i.payments ?? []).flatMap((p) => p.receipts ?? []);

/** The invoice's outcome after the payer came back from the provider; null while it is not known. */
function outcome(i: Invoice): { kind: 'ok' | 'warn'; text: string } | null {
  const online = lastOnline(i);
  if (i.status === 'PAID' && online?.status === 'CAPTURED' && online.receipts?.length)
    return {
      kind: 'ok',
      text: `Счёт № ${i.number ?? ''} оплачен. Электронный чек — ниже, в карточке счёта.`,
    };
  if (online?.status === 'CANCELED' || online?.status === 'FAILED')
    return {
      kind: 'warn',
      text: `Оплата счёта № ${i.number ?? ''} не прошла${online.statusReason ? `: ${online.statusReason}` : ''}. Деньги не списаны — можно попробовать ещё раз.`,
    };
  return null;
}

/** «Оплатить онлайн»: starts the payment and sends the browser to the provider's page. */
function PayOnline({ invoice }: { invoice: Invoice }) {
  const [{ fetching }, pay] = useMutation(PayInvoiceOnlineMutation);
  const [failure, setFailure] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const key = useRef(newUuid());
  async function go() {
    setFailure(null);
    const r = await pay({ input: { invoiceId: invoice.id, idempotencyKey: key.current } });
    const p = r.data?.payInvoiceOnline;
    if (p) key.current = newUuid();
    const url = p?.ok ? p.payment?.confirmationUrl : null;
    if (url) {
      setLeaving(true);
      window.location.assign(url);
      return;
    }
    const first = p?.inputErrors[0];
    setFailure(
      billingErrorText(first?.code ?? errorCode(r.error), first?.message, 'Не удалось начать оплату'),
    );
  }
  return (
    <div className="stack">
      {failure ? <ErrorBox>{failure}</ErrorBox> : null}
      {leaving ? <Loading label="Переходим на страницу оплаты…" /> : null}
      <button type="button" className="pay-online" disabled={fetching || leaving} onClick={go}>
        Оплатить онлайн {rubles(invoice.balanceKopecks)}
      </button>
      <p className="muted" style={{ margin: 0 }}>
        Оплата картой или другим способом на защищённой странице платёжного сервиса. Чек придёт в электронном
        виде.
      </p>
    </div>
  );
}

function InvoiceCard({ invoice }: { invoice: Invoice }) {
  const balance = invoice.balanceKopecks ?? 0;
  const receipts = receiptsOf(invoice);
  const titleId = `invoice-${invoice.id}`;
  return (
    <li className="card" data-invoice-id={invoice.id} data-status={invoice.status ?? ''}>
      <article aria-labelledby={titleId}>
        <div className="invoice-head">
          <h3 id={titleId}>
            Счёт № {invoice.number ?? '—'} от {day(invoice.createdAt)}
          </h3>
          <InvoiceStatusBadge status={invoice.status} />
        </div>
        <InvoiceLinesTable
          lines={invoice.lines ?? []}
          caption={`Услуги по счёту № ${invoice.number ?? ''}`}
          totalKopecks={invoice.totalKopecks}
        />
        <dl className="props" style={{ marginTop: 10 }}>
          <dt>Оплачено</dt>
          <dd>{rubles(invoice.paidKopecks)}</dd>
          {invoice.refundedKopecks ? (
            <>
              <dt>Возвращено</dt>
              <dd>{rubles(invoice.refundedKopecks)}</dd>
            </>
          ) : null}
          <dt>К оплате</dt>
          <dd className="money-due" data-testid="invoice-balance">
            {rubles(balance)}
          </dd>
        </dl>
        {balance > 0 ? <PayOnline invoice={invoice} /> : null}
        {invoice.payments?.length ? (
          <>
            <h4>Платежи</h4>
            <ul className="list payments">
              {invoice.payments.map((p) => (
                <li key={p.id} data-payment-id={p.id} data-status={p.status ?? ''}>
                  <PaymentSummary payment={p} zone={CLINIC_ZONE} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {receipts.length ? (
          <>
            <h4>Чеки</h4>
            <div className="receipts">
              {receipts.map((r) => (
                <ReceiptView key={r.id} receipt={r} zone={CLINIC_ZONE} />
              ))}
            </div>
          </>
        ) : null}
      </article>
    </li>
  );
}

/**
 * «Договоры и оплаты»: the patient's invoices (newest first) with status, services, payments and
 * fiscal receipts; «Оплатить онлайн» goes to the provider's page. Coming back (`?invoice=<id>`),
 * the page re-reads the invoice for a short while until the payment is settled and says so.
 */
export function MyPayments() {
  const returned = useSearchParams().get('invoice');
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyInvoicesQuery });
  const [deadline] = useState(() => Date.now() + POLL_FOR_MS);
  const [timedOut, setTimedOut] = useState(false);
  const target = returned ? data?.myInvoices.find((i) => i.id === returned) : undefined;
  const settled = target ? outcome(target) : null;
  const polling = Boolean(returned && data && !settled && !timedOut);

  useEffect(() => {
    if (!polling) return;
    const t = setTimeout(() => {
      if (Date.now() > deadline) setTimedOut(true);
      else refetch({ requestPolicy: 'network-only' });
    }, POLL_MS);
    return () => clearTimeout(t);
  }, [polling, deadline, refetch, data]);

  if (fetching && !data) return <Loading label="Загружаем счета…" />;
  if (!data)
    return <ErrorBox>{billingErrorText(errorCode(error), null, 'Не удалось загрузить счета')}</ErrorBox>;
  return (
    <>
      {returned ? (
        <div
          data-testid="payment-return"
          data-settled={settled ? settled.kind : polling ? 'polling' : 'unknown'}
        >
          {settled ? (
            <Notice kind={settled.kind}>{settled.text}</Notice>
          ) : polling ? (
            <Loading label={`Проверяем оплату счёта${target?.number ? ` № ${target.number}` : ''}…`} />
          ) : target?.status === 'PAID' ? (
            <Notice>
              Счёт № {target.number ?? ''} оплачен. Электронный чек появится здесь, как только его напечатает
              касса.
            </Notice>
          ) : (
            <Notice kind="warn">
              Платёж ещё обрабатывается. Статус счёта обновится здесь — загляните через несколько минут.
            </Notice>
          )}
        </div>
      ) : null}
      <section aria-labelledby="invoices-title">
        <h2 id="invoices-title">Счета</h2>
        {data.myInvoices.length ? (
          <ul className="list" aria-label="Мои счета">
            {data.myInvoices.map((i) => (
              <InvoiceCard key={i.id} invoice={i} />
            ))}
          </ul>
        ) : (
          <Empty>
            Счетов пока нет. Счёт появится здесь после приёма или при оформлении услуги в клинике.
          </Empty>
        )}
      </section>
    </>
  );
}
