import { persisted } from '@medikamente/web-kit/client';
import { graphql } from '@/gql';

// Billing at the desk and in accounting. The billing subgraph decides who may call what
// (subgraphs/billing/policy.yaml): cashiers take payments and open/close shifts, accountants set
// prices, both refund; reception reads invoices.

export const ReceiptFields = graphql(`
  fragment ReceiptFields on Receipt {
    id
    paymentId
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
`);

export const InvoiceSummaryFields = graphql(`
  fragment InvoiceSummaryFields on Invoice {
    id
    number
    patientId
    branchId
    source
    createdAt
    totalKopecks
    paidKopecks
    refundedKopecks
    balanceKopecks
    status
  }
`);

export const InvoiceQuery = persisted(
  graphql(`
    query DeskInvoice($id: ID!) {
      invoice(id: $id) {
        ...InvoiceSummaryFields
        lines { lineNo priceItemId name unitPriceKopecks quantity discountKopecks discountReason amountKopecks vat }
        payments {
          id
          method
          amountKopecks
          status
          statusReason
          createdAt
          capturedAt
          refundedKopecks
          refunds { id amountKopecks reason status statusReason createdAt }
          receipts { ...ReceiptFields }
        }
      }
    }
  `),
);

export const PatientInvoicesQuery = persisted(
  graphql(`
    query PatientInvoices($patientId: ID!) {
      invoices(patientId: $patientId) {
        ...InvoiceSummaryFields
        lines { lineNo name quantity amountKopecks }
      }
    }
  `),
);

export const BranchInvoicesQuery = persisted(
  graphql(`
    query BranchInvoices($branchId: ID!, $day: String!) {
      branchInvoices(branchId: $branchId, day: $day) {
        ...InvoiceSummaryFields
        lines { lineNo name quantity amountKopecks }
        payments { id method amountKopecks status refundedKopecks }
      }
    }
  `),
);

export const PriceListQuery = persisted(
  graphql(`
    query DeskPriceList($branchId: ID!, $on: String) {
      priceList(branchId: $branchId, on: $on) { id code kind refId name priceKopecks vat validFrom validTo }
    }
  `),
);

export const CreateInvoiceMutation = persisted(
  graphql(`
    mutation CreateDeskInvoice($input: CreateInvoiceInput!) {
      createInvoice(input: $input) {
        ok
        inputErrors { field code message }
        invoice { id number }
      }
    }
  `),
);

export const FiscalShiftQuery = persisted(
  graphql(`
    query DeskFiscalShift($branchId: ID!) {
      fiscalShift(branchId: $branchId) { id registerId open shiftNumber openedAt closedAt }
    }
  `),
);

export const OpenShiftMutation = persisted(
  graphql(`
    mutation OpenFiscalShift($branchId: ID!) {
      openFiscalShift(branchId: $branchId) {
        ok
        inputErrors { field code message }
        shift { id open shiftNumber openedAt closedAt }
      }
    }
  `),
);

export const CloseShiftMutation = persisted(
  graphql(`
    mutation CloseFiscalShift($branchId: ID!) {
      closeFiscalShift(branchId: $branchId) {
        ok
        inputErrors { field code message }
        shift { id open shiftNumber openedAt closedAt }
      }
    }
  `),
);

export const TakeDeskPaymentMutation = persisted(
  graphql(`
    mutation TakeDeskPayment($input: TakeDeskPaymentInput!) {
      takeDeskPayment(input: $input) {
        ok
        inputErrors { field code message }
        payment { id status statusReason }
      }
    }
  `),
);

export const RetryFiscalisationMutation = persisted(
  graphql(`
    mutation RetryPaymentFiscalisation($paymentId: ID!) {
      retryPaymentFiscalisation(paymentId: $paymentId) {
        ok
        inputErrors { field code message }
        payment { id status statusReason }
      }
    }
  `),
);

export const RefundPaymentMutation = persisted(
  graphql(`
    mutation RefundPayment($input: RefundPaymentInput!) {
      refundPayment(input: $input) {
        ok
        inputErrors { field code message }
        refund { id status statusReason amountKopecks }
      }
    }
  `),
);

export const SetPriceMutation = persisted(
  graphql(`
    mutation SetPrice($input: SetPriceInput!) {
      setPrice(input: $input) {
        ok
        inputErrors { field code message }
        priceItem { id code name priceKopecks validFrom }
      }
    }
  `),
);

export const ServicesQuery = persisted(
  graphql(`
    query PricedServices {
      services { id name }
    }
  `),
);

// The cashier reads contacts masked and no identity data (policy CONTACT/IDENTITY): names and
// phones as the API masks them, nothing else.
export const CashierPatientSearchQuery = persisted(
  graphql(`
    query CashierPatientSearch($query: PatientSearchInput!) {
      searchPatients(query: $query, first: 20) {
        nodes { id fullName phone }
      }
    }
  `),
);
