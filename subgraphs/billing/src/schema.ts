import { inputErrorSdl } from '@medikamente/runtime';
import { subgraphTypeDefs } from '@medikamente/schema';
import { oneCSdl } from './modules/accounting/onec.sdl';
import { reconciliationSdl } from './modules/accounting/reconciliation.sdl';
import { certificatesSdl } from './modules/certificates/certificates.sdl';
import { contractsSdl } from './modules/contracts/contracts.sdl';
import { invoicesSdl } from './modules/invoices/invoices.sdl';
import { labOrdersSdl } from './modules/invoices/lab-orders.sdl';
import { kopecksSdl } from './modules/kopecks';
import { paymentsSdl } from './modules/payments/payments.sdl';
import { pricesSdl } from './modules/prices/prices.sdl';

/** The billing subgraph's SDL (with the federation and classification header). */
export const billingTypeDefs = subgraphTypeDefs(
  [
    inputErrorSdl,
    kopecksSdl,
    pricesSdl,
    invoicesSdl,
    labOrdersSdl,
    paymentsSdl,
    contractsSdl,
    certificatesSdl,
    reconciliationSdl,
    oneCSdl,
  ].join('\n'),
);

/** Typed resolvers (scripts/generate-resolver-types.ts): the context and the records resolvers receive. */
export const resolverTypes = {
  contextType: '../context#BillingContext',
  // Money amounts (src/modules/kopecks.ts): safe integers, numbers in TypeScript.
  scalars: { Kopecks: 'number' },
  mappers: {
    PriceItem: '../modules/prices/prices.store#PriceItemRecord',
    Invoice: '../modules/invoices/invoices.store#InvoiceRecord',
    InvoiceLine: '../modules/invoices/invoices.store#InvoiceLineRecord',
    UnbilledLabOrder: '../modules/invoices/lab-orders.store#BillableLabOrderRecord',
    UnbilledLabTest: '../modules/invoices/lab-orders.store#LabOrderTest',
    Payment: '../modules/payments/payments.store#PaymentRecord',
    Refund: '../modules/payments/payments.store#RefundRecord',
    Receipt: '../modules/payments/payments.store#ReceiptRecord',
    FiscalShift: '../modules/fiscal/shifts.store#ShiftRecord',
    Contract: '../modules/contracts/contracts.store#ContractRecord',
    ContractTemplateInfo: '../modules/contracts/contracts.store#ContractTemplateRecord',
    TaxCertificate: '../modules/certificates/certificates.store#TaxCertificateRecord',
    Reconciliation: '../modules/accounting/reconciliation.types#ReconciliationReport',
    ReconciledShift: '../modules/accounting/reconciliation.types#ShiftCheck',
    Discrepancy: '../modules/accounting/reconciliation.types#DiscrepancyItem',
    LedgerMethodTotals: '../modules/accounting/reconciliation.store#MethodTotals',
    OneCExportStatus: '../modules/accounting/onec.service#OneCStatus',
    OneCExportRun: '../modules/accounting/onec.service#OneCRound',
    OneCExportLastRun: '../modules/accounting/onec-source.store#OneCLastRun',
    OneCExportFailure: '../modules/accounting/onec-export#OneCMapEntry',
  },
};
