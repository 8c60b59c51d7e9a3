'use client';

import { billingErrorText, PAYMENT_METHOD_LABELS, rubles } from '@medikamente/web-kit/billing';
import { ScrollRegion } from '@medikamente/web-kit/billing-view';
import { errorCode } from '@medikamente/web-kit/client';
import { dateTimeIn } from '@medikamente/web-kit/format';
import { ErrorBox, Loading } from '@medikamente/web-kit/ui';
import { useQuery } from 'urql';
import type { ReconciliationQuery as ReconciliationResult } from '@/gql/graphql';
import { ReconciliationQuery } from '@/operations/accounting';

type Rec = ReconciliationResult['reconciliation'];
type Totals = NonNullable<Rec['shifts'][number]['report']>;

const SOURCES: Record<string, string> = {
  CLOSE_REPORT: 'отчёт о закрытии смены',
  LIVE: 'запрошен у кассы сейчас (смена открыта)',
  NONE: 'отчёта нет',
};

const TOTAL_ROWS: Array<[keyof Omit<Totals, 'receiptCount'>, string]> = [
  ['sellCashKopecks', 'Приход наличными'],
  ['sellElectronicKopecks', 'Приход безналичными'],
  ['returnCashKopecks', 'Возврат наличными'],
  ['returnElectronicKopecks', 'Возврат безналичными'],
];

/** A register shift: the register's report against our receipts of it, line by line. */
function ShiftTable({ shift, zone }: { shift: Rec['shifts'][number]; zone: string }) {
  const title = `Смена № ${shift.shiftNumber ?? '—'} кассы ${shift.registerId}`;
  const differs = (a?: number | null, b?: number | null) => shift.report != null && a !== b;
  return (
    <div className="card" data-shift-number={shift.shiftNumber ?? ''}>
      <h4 style={{ marginTop: 0 }}>{title}</h4>
      <p className="muted" style={{ marginTop: 0 }}>
        {shift.open ? 'открыта' : 'закрыта'} · с {dateTimeIn(shift.openedAt, zone)}
        {shift.closedAt ? ` до ${dateTimeIn(shift.closedAt, zone)}` : ''} ·{' '}
        {SOURCES[shift.source] ?? shift.source}
      </p>
      <ScrollRegion label={title}>
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">Показатель</th>
              <th scope="col" className="num">
                Касса
              </th>
              <th scope="col" className="num">
                Учёт
              </th>
            </tr>
          </thead>
          <tbody>
            {TOTAL_ROWS.map(([key, label]) => (
              <tr
                key={key}
                data-differs={differs(shift.report?.[key], shift.ledger?.[key]) ? 'true' : undefined}
              >
                <th scope="row">{label}</th>
                <td className="num">{shift.report ? rubles(shift.report[key]) : '—'}</td>
                <td className="num">{shift.ledger ? rubles(shift.ledger[key]) : '—'}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">Чеков</th>
              <td className="num">{shift.report?.receiptCount ?? '—'}</td>
              <td className="num">{shift.ledger?.receiptCount ?? '—'}</td>
            </tr>
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

/**
 * The daily reconciliation of a branch: the ledger by payment method, each register shift's report
 * against our receipts, the provider's settlement, and every discrepancy explained in Russian (by
 * opaque ids — never a patient). «Сходится» only when nothing is listed.
 */
export function ReconciliationView({ branchId, day, zone }: { branchId: string; day: string; zone: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ReconciliationQuery,
    variables: { branchId, day },
  });
  if (fetching && !data) return <Loading label="Сверяем день…" />;
  if (!data)
    return <ErrorBox>{billingErrorText(errorCode(error), null, 'Не удалось выполнить сверку')}</ErrorBox>;
  const rec = data.reconciliation;
  return (
    <div data-testid="reconciliation" data-balanced={rec.balanced ? 'true' : 'false'}>
      <p className="row" style={{ alignItems: 'center' }}>
        {rec.balanced ? (
          <span className="badge invoice-PAID">Сходится</span>
        ) : (
          <span className="badge invoice-UNPAID">Расхождений: {rec.discrepancies.length}</span>
        )}
        <span className="muted">проверено {dateTimeIn(rec.checkedAt, zone)}</span>
        <button
          type="button"
          className="secondary small"
          onClick={() => refetch({ requestPolicy: 'network-only' })}
        >
          Сверить ещё раз
        </button>
      </p>
      {rec.discrepancies.length ? (
        <ul className="list stack" aria-label="Расхождения">
          {rec.discrepancies.map((d, i) => (
            <li
              key={`${d.code}:${d.paymentId ?? d.refundId ?? d.providerPaymentId ?? d.shiftNumber ?? i}`}
              className="alert warn"
              data-code={d.code}
            >
              {d.message}
              {d.expectedKopecks != null || d.actualKopecks != null ? (
                <div className="muted">
                  по учёту {rubles(d.expectedKopecks)}, фактически {rubles(d.actualKopecks)}
                </div>
              ) : null}
              {d.paymentId || d.refundId || d.providerPaymentId ? (
                <div className="muted">
                  {[
                    d.paymentId ? `платёж ${d.paymentId}` : null,
                    d.refundId ? `возврат ${d.refundId}` : null,
                    d.providerPaymentId ? `у платёжного сервиса ${d.providerPaymentId}` : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <h3>Учёт по способам оплаты</h3>
      <ScrollRegion label="Учёт по способам оплаты">
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">Способ</th>
              <th scope="col" className="num">
                Платежи
              </th>
              <th scope="col" className="num">
                Возвраты
              </th>
              <th scope="col" className="num">
                Итого
              </th>
            </tr>
          </thead>
          <tbody>
            {rec.ledger.map((l) => (
              <tr key={l.method} data-method={l.method}>
                <th scope="row">{PAYMENT_METHOD_LABELS[l.method] ?? l.method}</th>
                <td className="num">
                  {rubles(l.paymentsKopecks)} ({l.paymentsCount})
                </td>
                <td className="num">
                  {rubles(l.refundsKopecks)} ({l.refundsCount})
                </td>
                <td className="num">{rubles(l.netKopecks)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <h3>Смены кассы</h3>
      {rec.registerId ? null : <p className="muted">Для филиала не настроена касса.</p>}
      {rec.shifts.length ? (
        rec.shifts.map((s) => <ShiftTable key={`${s.registerId}:${s.shiftNumber}`} shift={s} zone={zone} />)
      ) : (
        <p className="muted">Смен в этот день не было.</p>
      )}
      <h3>Платёжный сервис</h3>
      <p data-testid="settlement">
        {!rec.settlement.configured
          ? 'Онлайн-оплата не настроена.'
          : !rec.settlement.available
            ? 'Платёжный сервис не ответил — онлайн-платежи не сверены.'
            : `Платежи: ${rubles(rec.settlement.paymentsKopecks)} (${rec.settlement.paymentsCount}), возвраты: ${rubles(rec.settlement.refundsKopecks)} (${rec.settlement.refundsCount}).`}
      </p>
    </div>
  );
}
