import { CLINIC_ZONE } from '@medikamente/web-kit/billing';
import Link from 'next/link';
import { InvoiceDetail } from '@/components/billing/invoice-detail';
import { requireStaff } from '@/server/guard';

/** An invoice: the cashier takes payments and refunds, the accountant refunds, reception reads. */
export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const account = await requireStaff(`/invoices/${id}`, { roles: ['cashier', 'accountant', 'receptionist'] });
  const role = account.role;
  const back =
    role === 'cashier'
      ? { href: '/cashier', label: 'Касса' }
      : role === 'accountant'
        ? { href: '/accounting', label: 'Бухгалтерия' }
        : null;
  return (
    <div style={{ maxWidth: 1000 }}>
      {back ? (
        <p className="no-print">
          <Link href={back.href}>← {back.label}</Link>
        </p>
      ) : null}
      <h1>Счёт</h1>
      <InvoiceDetail
        id={id}
        zone={CLINIC_ZONE}
        actions={{
          pay: role === 'cashier',
          refund: role === 'cashier' || role === 'accountant',
          retry: role === 'cashier' || role === 'accountant',
        }}
      />
    </div>
  );
}
