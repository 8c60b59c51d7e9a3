import { Suspense } from 'react';
import { MyPayments } from '@/components/my-payments';
import { requirePatient } from '@/server/guard';

/** «Договоры и оплаты»: the patient's invoices, payments and receipts; online payment. */
export default async function PaymentsPage() {
  await requirePatient('/payments');
  return (
    <>
      <h1>Договоры и оплаты</h1>
      <Suspense>
        <MyPayments />
      </Suspense>
      {/*
        TODO(billing contracts): list the patient's contracts (PDF) and acceptance here once the
        contracts API is in the schema. Until then the section says so and shows nothing invented.
      */}
      <section
        className="card placeholder-section"
        aria-labelledby="contracts-title"
        data-testid="contracts-placeholder"
      >
        <h2 id="contracts-title" style={{ marginTop: 0 }}>
          Договоры
        </h2>
        <p className="muted" style={{ marginBottom: 0 }}>
          Раздел в разработке: договоры на оказание платных медицинских услуг появятся здесь. Пока договор
          подписывается в клинике.
        </p>
      </section>
    </>
  );
}
