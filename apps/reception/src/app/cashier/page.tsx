import { Suspense } from 'react';
import { CashierDesk } from '@/components/billing/desk';
import { requireStaff } from '@/server/guard';

/** «Касса»: the register's shift, new invoices, today's invoices of the branch. */
export default async function CashierPage() {
  await requireStaff('/cashier', { roles: ['cashier'] });
  return (
    <div style={{ maxWidth: 1100 }}>
      <h1>Касса</h1>
      <Suspense>
        <CashierDesk />
      </Suspense>
    </div>
  );
}
