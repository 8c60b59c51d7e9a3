import { Suspense } from 'react';
import { MyContracts } from '@/components/my-contracts';
import { MyPayments } from '@/components/my-payments';
import { requirePatient } from '@/server/guard';

/** «Договоры и оплаты»: the patient's invoices, payments and receipts, online payment; contracts. */
export default async function PaymentsPage() {
  await requirePatient('/payments');
  return (
    <>
      <h1>Договоры и оплаты</h1>
      <Suspense>
        <MyPayments />
      </Suspense>
      <section aria-labelledby="contracts-title">
        <h2 id="contracts-title">Договоры</h2>
        <Suspense>
          <MyContracts />
        </Suspense>
      </section>
    </>
  );
}
