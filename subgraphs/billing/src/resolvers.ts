import type { Resolvers } from './generated/resolvers-types';
import { oneCResolvers } from './modules/accounting/onec.resolvers';
import { reconciliationResolvers } from './modules/accounting/reconciliation.resolvers';
import { certificateResolvers } from './modules/certificates/certificates.resolvers';
import { contractResolvers } from './modules/contracts/contracts.resolvers';
import { invoiceResolvers } from './modules/invoices/invoices.resolvers';
import { labOrderResolvers } from './modules/invoices/lab-orders.resolvers';
import { KopecksScalar } from './modules/kopecks';
import { paymentResolvers } from './modules/payments/payments.resolvers';
import { priceResolvers } from './modules/prices/prices.resolvers';

/** All resolvers of the subgraph, typed by its SDL (generated resolver types). */
export const resolvers: Resolvers = {
  Kopecks: KopecksScalar,
  Query: {
    ...priceResolvers.Query,
    ...invoiceResolvers.Query,
    ...labOrderResolvers.Query,
    ...paymentResolvers.Query,
    ...contractResolvers.Query,
    ...certificateResolvers.Query,
    ...reconciliationResolvers.Query,
    ...oneCResolvers.Query,
  },
  Mutation: {
    ...priceResolvers.Mutation,
    ...invoiceResolvers.Mutation,
    ...paymentResolvers.Mutation,
    ...contractResolvers.Mutation,
    ...certificateResolvers.Mutation,
    ...oneCResolvers.Mutation,
  },
  PriceItem: priceResolvers.PriceItem,
  Invoice: invoiceResolvers.Invoice,
  InvoiceLine: invoiceResolvers.InvoiceLine,
  UnbilledLabOrder: labOrderResolvers.UnbilledLabOrder,
  FiscalShift: paymentResolvers.FiscalShift,
  Payment: paymentResolvers.Payment,
  Refund: paymentResolvers.Refund,
  Receipt: paymentResolvers.Receipt,
  Contract: contractResolvers.Contract,
  ContractTemplateInfo: contractResolvers.ContractTemplateInfo,
  TaxCertificate: certificateResolvers.TaxCertificate,
  Reconciliation: reconciliationResolvers.Reconciliation,
  LedgerMethodTotals: reconciliationResolvers.LedgerMethodTotals,
  ReconciledShift: reconciliationResolvers.ReconciledShift,
  OneCExportRun: oneCResolvers.OneCExportRun,
  OneCExportFailure: oneCResolvers.OneCExportFailure,
  OneCExportLastRun: oneCResolvers.OneCExportLastRun,
};
