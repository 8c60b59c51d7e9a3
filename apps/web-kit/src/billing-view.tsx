import type { ReactNode } from 'react';
import {
  INVOICE_STATUS_LABELS,
  PAYMENT_METHOD_LABELS,
  PAYMENT_STATUS_LABELS,
  RECEIPT_OPERATION_LABELS,
  rubles,
  SETTLEMENT_LABELS,
  SUBJECT_LABELS,
  VAT_LABELS,
} from './billing';
import { dateTimeIn } from './format';

/** Read-only views of invoices and fiscal receipts, shared by the staff app and the portal. */

/**
 * A wide table's horizontal scroll on a narrow screen: a named region the keyboard can reach, so
 * it can be scrolled without a mouse (WCAG 2.1.1; axe scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll by keyboard
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

export function InvoiceStatusBadge({ status }: { status?: string | null }) {
  return (
    <span className={`badge invoice-${status ?? ''}`} data-invoice-status={status ?? ''}>
      {INVOICE_STATUS_LABELS[status ?? ''] ?? status ?? '—'}
    </span>
  );
}

export function PaymentStatusBadge({ status }: { status?: string | null }) {
  return (
    <span className={`badge payment-${status ?? ''}`} data-payment-status={status ?? ''}>
      {PAYMENT_STATUS_LABELS[status ?? ''] ?? status ?? '—'}
    </span>
  );
}

/** "наличные, 2 500,00 ₽" */
export const paymentTitle = (p: { method?: string | null; amountKopecks?: number | null }) =>
  `${PAYMENT_METHOD_LABELS[p.method ?? ''] ?? p.method ?? 'оплата'}, ${rubles(p.amountKopecks)}`;

export type InvoiceLineView = {
  lineNo: number;
  name: string;
  unitPriceKopecks: number;
  quantity: number;
  discountKopecks: number;
  discountReason?: string | null;
  amountKopecks: number;
  vat: string;
};

/** An invoice's lines: service, price, quantity, discount (with its reason), sum; the total below. */
export function InvoiceLinesTable({
  lines,
  caption,
  totalKopecks,
}: {
  lines: readonly InvoiceLineView[];
  caption: string;
  totalKopecks?: number | null;
}) {
  return (
    <ScrollRegion label={caption}>
      <table className="grid invoice-lines">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Услуга</th>
            <th scope="col" className="num">
              Цена
            </th>
            <th scope="col" className="num">
              Кол-во
            </th>
            <th scope="col" className="num">
              Скидка
            </th>
            <th scope="col" className="num">
              Сумма
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.lineNo}>
              <td>
                {l.name}
                <span className="muted"> · {VAT_LABELS[l.vat] ?? l.vat}</span>
              </td>
              <td className="num" data-label="Цена">
                {rubles(l.unitPriceKopecks)}
              </td>
              <td className="num" data-label="Количество">
                {l.quantity}
              </td>
              <td className={l.discountKopecks ? 'num' : 'num no-discount'} data-label="Скидка">
                {l.discountKopecks ? (
                  <span>
                    {rubles(l.discountKopecks)}
                    {l.discountReason ? (
                      <span className="muted discount-reason">{l.discountReason}</span>
                    ) : null}
                  </span>
                ) : (
                  '—'
                )}
              </td>
              <td className="num" data-label="Сумма">
                {rubles(l.amountKopecks)}
              </td>
            </tr>
          ))}
        </tbody>
        {totalKopecks != null ? (
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>
                Итого
              </th>
              <td className="num">
                <strong>{rubles(totalKopecks)}</strong>
              </td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </ScrollRegion>
  );
}

export type ReceiptViewData = {
  id: string;
  operation?: string | null;
  totalKopecks?: number | null;
  cashKopecks?: number | null;
  electronicKopecks?: number | null;
  customerContact?: string | null;
  fiscalDocumentNumber?: number | null;
  fiscalSign?: string | null;
  fnNumber?: string | null;
  registrationNumber?: string | null;
  shiftNumber?: number | null;
  receiptNumber?: number | null;
  fiscalAt?: string | null;
  lines?: ReadonlyArray<{
    name: string;
    priceKopecks: number;
    quantity: number;
    amountKopecks: number;
    vat: string;
    paymentMethod: string;
    paymentObject: string;
  }> | null;
};

/**
 * A fiscal receipt as the register printed it (54-FZ, FFD 1.2): the operation, each item with
 * price × quantity, VAT, settlement and subject, the totals by payment type, the fiscal data (FD
 * number, fiscal sign, FN and registration numbers) and where the electronic copy went.
 */
export function ReceiptView({
  receipt,
  zone,
  clinic = 'Медикаменте',
}: {
  receipt: ReceiptViewData;
  zone: string;
  clinic?: string;
}) {
  const operation = RECEIPT_OPERATION_LABELS[receipt.operation ?? ''] ?? receipt.operation ?? 'Чек';
  const title = `Кассовый чек № ${receipt.receiptNumber ?? '—'}: ${operation.toLowerCase()}`;
  return (
    <article
      className="receipt"
      aria-label={title}
      data-receipt-id={receipt.id}
      data-operation={receipt.operation ?? ''}
    >
      <header>
        <strong>{clinic}</strong>
        <div>
          Кассовый чек № {receipt.receiptNumber ?? '—'} · {operation}
        </div>
        <div className="muted">
          {receipt.fiscalAt ? dateTimeIn(receipt.fiscalAt, zone) : '—'} · смена № {receipt.shiftNumber ?? '—'}
        </div>
      </header>
      <ol className="receipt-lines">
        {(receipt.lines ?? []).map((l, i) => (
          <li key={i}>
            <div>{l.name}</div>
            <div className="receipt-row">
              <span>
                {l.quantity} × {rubles(l.priceKopecks)}
              </span>
              <span>{rubles(l.amountKopecks)}</span>
            </div>
            <div className="muted">
              {VAT_LABELS[l.vat] ?? l.vat} · {SETTLEMENT_LABELS[l.paymentMethod] ?? l.paymentMethod} ·{' '}
              {SUBJECT_LABELS[l.paymentObject] ?? l.paymentObject}
            </div>
          </li>
        ))}
      </ol>
      <div className="receipt-row receipt-total">
        <span>ИТОГО</span>
        <span data-testid="receipt-total">{rubles(receipt.totalKopecks)}</span>
      </div>
      {receipt.cashKopecks ? (
        <div className="receipt-row">
          <span>Наличными</span>
          <span>{rubles(receipt.cashKopecks)}</span>
        </div>
      ) : null}
      {receipt.electronicKopecks ? (
        <div className="receipt-row">
          <span>Безналичными</span>
          <span>{rubles(receipt.electronicKopecks)}</span>
        </div>
      ) : null}
      <dl className="receipt-fiscal">
        <dt>ФД №</dt>
        <dd data-field="fiscalDocumentNumber">{receipt.fiscalDocumentNumber ?? '—'}</dd>
        <dt>ФП</dt>
        <dd data-field="fiscalSign">{receipt.fiscalSign ?? '—'}</dd>
        <dt>ФН №</dt>
        <dd>{receipt.fnNumber ?? '—'}</dd>
        <dt>РН ККТ</dt>
        <dd>{receipt.registrationNumber ?? '—'}</dd>
        {receipt.customerContact ? (
          <>
            <dt>Чек отправлен</dt>
            <dd>{receipt.customerContact}</dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}

/** A payment's line in a list: method, amount, status (with its reason when there is one). */
export function PaymentSummary({
  payment,
  zone,
}: {
  payment: {
    method?: string | null;
    amountKopecks?: number | null;
    status?: string | null;
    statusReason?: string | null;
    createdAt?: string | null;
    refundedKopecks?: number | null;
  };
  zone: string;
}) {
  return (
    <span className="payment-summary">
      <strong>{paymentTitle(payment)}</strong> <PaymentStatusBadge status={payment.status} />
      {payment.createdAt ? <span className="muted"> · {dateTimeIn(payment.createdAt, zone)}</span> : null}
      {payment.refundedKopecks ? (
        <span className="muted"> · возвращено {rubles(payment.refundedKopecks)}</span>
      ) : null}
      {payment.statusReason && payment.status !== 'CAPTURED' ? (
        <span className="muted"> · {payment.statusReason}</span>
      ) : null}
    </span>
  );
}
