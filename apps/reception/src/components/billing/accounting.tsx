'use client';

import { CLINIC_ZONE } from '@medikamente/web-kit/billing';
import { dateOnly } from '@medikamente/web-kit/format';
import { BranchDate } from '../branch-date';
import { BranchInvoices } from './invoice-list';
import { PriceListEditor } from './price-list';

/**
 * «Бухгалтерия»: a branch and a day (kept in the URL) — the branch's invoices of that day with
 * the day's totals, the daily reconciliation (to be wired to the API), and the price list.
 */
export function AccountingScreen() {
  return (
    <BranchDate>
      {({ branch, date }) => (
        <>
          <section aria-labelledby="day-invoices-title">
            <h2 id="day-invoices-title">Счета за {dateOnly(date)}</h2>
            <BranchInvoices branchId={branch.id} day={date} zone={CLINIC_ZONE} totals />
          </section>
          {/*
            TODO(billing reconciliation): wire to the reconciliation query (ledger vs the register's
            shift report vs the provider's settlement, discrepancies) and the 1C export status once
            they are in the schema. Until then this section says so and shows no figures.
          */}
          <section
            className="card placeholder-section"
            aria-labelledby="reconciliation-title"
            data-testid="reconciliation-placeholder"
          >
            <h2 id="reconciliation-title" style={{ marginTop: 0 }}>
              Сверка за день
            </h2>
            <p className="muted" style={{ marginBottom: 0 }}>
              Раздел в разработке: сверка учёта с отчётом кассы и платёжного сервиса и статус выгрузки в 1С
              появятся здесь после подключения к системе.
            </p>
          </section>
          <section aria-labelledby="prices-title">
            <h2 id="prices-title">Прейскурант на {dateOnly(date)}</h2>
            <PriceListEditor branchId={branch.id} on={date} />
          </section>
        </>
      )}
    </BranchDate>
  );
}
