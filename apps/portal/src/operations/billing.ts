import { persisted } from '@medikamente/web-kit/client';
import { graphql } from '@/gql';

// The patient's own invoices, payments and receipts (the billing subgraph returns only the
// caller's: `myInvoices`, and `invoice(id)` answers another patient's invoice as absent).

export const PortalInvoiceFields = graphql(`
  fragment PortalInvoiceFields on Invoice {
    id
    number
    createdAt
    totalKopecks
    paidKopecks
    refundedKopecks
    balanceKopecks
    status
    lines { lineNo name unitPriceKopecks quantity discountKopecks discountReason amountKopecks vat }
    payments {
      id
      method
      amountKopecks
      status
      statusReason
      createdAt
      refundedKopecks
      receipts {
        id
        operation
        totalKopecks
        cashKopecks
        electronicKopecks
        customerContact
        fiscalDocumentNumber
        fiscalSign
        fnNumber
        registrationNumber
        shiftNumber
        receiptNumber
        fiscalAt
        lines { name priceKopecks quantity amountKopecks vat paymentMethod paymentObject }
      }
    }
  }
`);

export const MyInvoicesQuery = persisted(
  graphql(`
    query MyInvoices {
      myInvoices { ...PortalInvoiceFields }
    }
  `),
);

export const MyInvoiceQuery = persisted(
  graphql(`
    query MyInvoice($id: ID!) {
      invoice(id: $id) { ...PortalInvoiceFields }
    }
  `),
);

export const PayInvoiceOnlineMutation = persisted(
  graphql(`
    mutation PayInvoiceOnline($input: PayInvoiceOnlineInput!) {
      payInvoiceOnline(input: $input) {
        ok
        inputErrors { field code message }
        payment { id status confirmationUrl }
      }
    }
  `),
);
