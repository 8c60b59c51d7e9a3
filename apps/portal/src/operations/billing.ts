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

// Contracts for paid medical services: the patient's own, accepted here (time and channel are
// recorded by the billing subgraph). The PDF comes through the portal's server (see ContractPdf).
export const MyContractsQuery = persisted(
  graphql(`
    query MyContracts {
      myContracts {
        id
        number
        status
        date
        acceptedAt
        acceptanceChannel
        totalKopecks
        provisionTerms
        services { code name quantity unitPriceKopecks amountKopecks }
      }
    }
  `),
);

export const AcceptContractMutation = persisted(
  graphql(`
    mutation AcceptContract($input: AcceptContractInput!) {
      acceptContract(input: $input) {
        ok
        inputErrors { field code message }
        contract { id status acceptedAt acceptanceChannel }
      }
    }
  `),
);

// Server-only in practice (the portal's PDF route): the PDF's address, which works only with the
// session's bearer token.
export const ContractPdfDocument = graphql(`
  query ContractPdf($id: ID!) {
    contract(id: $id) { id pdfUrl }
  }
`);
