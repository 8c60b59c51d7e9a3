import { CLINIC_ZONE } from '@medikamente/web-kit/billing';
import { ReceiptPrint } from '@/components/billing/receipt-print';
import { requireStaff } from '@/server/guard';

/** A receipt's print view (the register's tape layout). */
export default async function ReceiptPrintPage({
  params,
}: {
  params: Promise<{ id: string; receiptId: string }>;
}) {
  const { id, receiptId } = await params;
  await requireStaff(`/invoices/${id}/receipts/${receiptId}`, {
    roles: ['cashier', 'accountant', 'receptionist'],
  });
  return (
    <>
      <h1 className="no-print">Чек</h1>
      <ReceiptPrint invoiceId={id} receiptId={receiptId} zone={CLINIC_ZONE} />
    </>
  );
}
