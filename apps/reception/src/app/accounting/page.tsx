import { Suspense } from 'react';
import { AccountingScreen } from '@/components/billing/accounting';
import { requireStaff } from '@/server/guard';

/** «Бухгалтерия»: a branch's invoices of a day, the reconciliation, the price list. */
export default async function AccountingPage() {
  await requireStaff('/accounting', { roles: ['accountant'] });
  return (
    <div style={{ maxWidth: 1200 }}>
      <h1>Бухгалтерия</h1>
      <Suspense>
        <AccountingScreen />
      </Suspense>
    </div>
  );
}
