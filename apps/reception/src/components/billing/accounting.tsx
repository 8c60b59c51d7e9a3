'use client';

import { CLINIC_ZONE } from '@medikamente/web-kit/billing';
import { dateOnly } from '@medikamente/web-kit/format';
import { BranchDate } from '../branch-date';
import { BranchInvoices } from './invoice-list';
import { OneCExportPanel } from './onec-export';
import { PriceListEditor } from './price-list';
import { ReconciliationView } from './reconciliation';
import { TaxCertificates } from './tax-certificates';

/**
 * «Бухгалтерия»: a branch and a day (kept in the URL) — the branch's invoices of that day with
 * the day's totals, the daily reconciliation, the export to 1C (and its file), certificates for
 * the tax deduction, the price list.
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
          <section className="card" aria-labelledby="reconciliation-title" style={{ marginTop: 16 }}>
            <h2 id="reconciliation-title" style={{ marginTop: 0 }}>
              Сверка за {dateOnly(date)}
            </h2>
            <ReconciliationView branchId={branch.id} day={date} zone={CLINIC_ZONE} />
          </section>
          <section className="card" aria-labelledby="onec-title">
            <h2 id="onec-title" style={{ marginTop: 0 }}>
              Выгрузка в 1С
            </h2>
            <OneCExportPanel day={date} />
          </section>
          <section className="card" aria-labelledby="tax-title">
            <h2 id="tax-title" style={{ marginTop: 0 }}>
              Справки для налогового вычета
            </h2>
            <TaxCertificates branchId={branch.id} day={date} />
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
