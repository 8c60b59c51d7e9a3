'use client';

import { billingErrorText, rubles } from '@medikamente/web-kit/billing';
import { InvoiceStatusBadge, ScrollRegion } from '@medikamente/web-kit/billing-view';
import { errorCode } from '@medikamente/web-kit/client';
import { dateTimeIn, timeIn } from '@medikamente/web-kit/format';
import { Empty, ErrorBox, Loading } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { useQuery } from 'urql';
import { BranchInvoicesQuery, PatientInvoicesQuery } from '@/operations/billing';

type InvoiceRow = {
  id: string;
  number?: string | null;
  createdAt?: string | null;
  totalKopecks?: number | null;
  paidKopecks?: number | null;
  refundedKopecks?: number | null;
  balanceKopecks?: number | null;
  status?: string | null;
  lines?: ReadonlyArray<{ lineNo: number; name: string; quantity: number }> | null;
};

const SOURCE_TIME = { day: timeIn, any: dateTimeIn };

/** Invoices as a table: number (link to the invoice), time, services, sums and status. */
export function InvoiceTable({
  invoices,
  caption,
  zone,
  time = 'any',
  totals = false,
}: {
  invoices: readonly InvoiceRow[];
  caption: string;
  zone: string;
  time?: 'day' | 'any';
  totals?: boolean;
}) {
  const sum = (f: (i: InvoiceRow) => number | null | undefined) =>
    invoices.reduce((s, i) => s + (f(i) ?? 0), 0);
  return (
    <ScrollRegion label={caption}>
      <table className="grid" aria-label={caption}>
        <thead>
          <tr>
            <th scope="col">Счёт</th>
            <th scope="col">{time === 'day' ? 'Время' : 'Дата'}</th>
            <th scope="col">Услуги</th>
            <th scope="col" className="num">
              Сумма
            </th>
            <th scope="col" className="num">
              Оплачено
            </th>
            <th scope="col" className="num">
              Возвращено
            </th>
            <th scope="col" className="num">
              К оплате
            </th>
            <th scope="col">Статус</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((i) => (
            <tr key={i.id} data-invoice-id={i.id} data-invoice-number={i.number ?? ''}>
              <td>
                <Link href={`/invoices/${i.id}`}>№ {i.number ?? '—'}</Link>
              </td>
              <td>{i.createdAt ? SOURCE_TIME[time](i.createdAt, zone) : '—'}</td>
              <td>
                {(i.lines ?? [])
                  .map((l) => (l.quantity > 1 ? `${l.name} × ${l.quantity}` : l.name))
                  .join(', ')}
              </td>
              <td className="num">{rubles(i.totalKopecks)}</td>
              <td className="num">{rubles(i.paidKopecks)}</td>
              <td className="num">{i.refundedKopecks ? rubles(i.refundedKopecks) : '—'}</td>
              <td className="num">{rubles(i.balanceKopecks)}</td>
              <td>
                <InvoiceStatusBadge status={i.status} />
              </td>
            </tr>
          ))}
        </tbody>
        {totals ? (
          <tfoot>
            <tr data-testid="invoice-totals">
              <th scope="row" colSpan={3}>
                Итого за день: {invoices.length}
              </th>
              <td className="num">{rubles(sum((i) => i.totalKopecks))}</td>
              <td className="num">{rubles(sum((i) => i.paidKopecks))}</td>
              <td className="num">{rubles(sum((i) => i.refundedKopecks))}</td>
              <td className="num">{rubles(sum((i) => i.balanceKopecks))}</td>
              <td />
            </tr>
          </tfoot>
        ) : null}
      </table>
    </ScrollRegion>
  );
}

/** A branch's invoices of a day (the desk's "today", the accountant's chosen day). */
export function BranchInvoices({
  branchId,
  day,
  zone,
  totals = false,
}: {
  branchId: string;
  day: string;
  zone: string;
  totals?: boolean;
}) {
  const [{ data, fetching, error }] = useQuery({ query: BranchInvoicesQuery, variables: { branchId, day } });
  if (fetching && !data) return <Loading label="Загружаем счета…" />;
  if (!data)
    return <ErrorBox>{billingErrorText(errorCode(error), null, 'Не удалось загрузить счета')}</ErrorBox>;
  if (!data.branchInvoices.length) return <Empty>Счетов за этот день нет.</Empty>;
  return (
    <InvoiceTable
      invoices={data.branchInvoices}
      caption="Счета филиала за день"
      zone={zone}
      time="day"
      totals={totals}
    />
  );
}

/** A patient's invoices, newest first (read-only: each opens the invoice page). */
export function PatientInvoices({ patientId, zone }: { patientId: string; zone: string }) {
  const [{ data, fetching, error }] = useQuery({ query: PatientInvoicesQuery, variables: { patientId } });
  if (fetching && !data) return <Loading label="Загружаем счета пациента…" />;
  if (!data)
    return <ErrorBox>{billingErrorText(errorCode(error), null, 'Не удалось загрузить счета')}</ErrorBox>;
  if (!data.invoices.length) return <Empty>Счетов у пациента нет.</Empty>;
  return <InvoiceTable invoices={data.invoices} caption="Счета пациента" zone={zone} />;
}
