'use client';

import { billingErrorText } from '@medikamente/web-kit/billing';
import { ReceiptView } from '@medikamente/web-kit/billing-view';
import { errorCode } from '@medikamente/web-kit/client';
import { ErrorBox, Loading } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { useQuery } from 'urql';
import { InvoiceQuery } from '@/operations/billing';

/**
 * One receipt alone, laid out as the register's tape (the print style hides the app around it):
 * «Печать» opens the browser's print dialog; «К счёту» goes back.
 */
export function ReceiptPrint({
  invoiceId,
  receiptId,
  zone,
}: {
  invoiceId: string;
  receiptId: string;
  zone: string;
}) {
  const [{ data, fetching, error }] = useQuery({ query: InvoiceQuery, variables: { id: invoiceId } });
  if (fetching && !data) return <Loading />;
  const receipt = data?.invoice?.payments?.flatMap((p) => p.receipts ?? []).find((r) => r.id === receiptId);
  if (!receipt) return <ErrorBox>{billingErrorText(errorCode(error), null, 'Чек не найден')}</ErrorBox>;
  return (
    <>
      <div className="row no-print" style={{ marginBottom: 12 }}>
        <button type="button" onClick={() => window.print()}>
          Печать
        </button>
        <Link className="button secondary" href={`/invoices/${invoiceId}`}>
          К счёту № {data?.invoice?.number ?? ''}
        </Link>
      </div>
      <ReceiptView receipt={receipt} zone={zone} />
    </>
  );
}
