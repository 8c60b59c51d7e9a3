import { persisted } from '@medikamente/web-kit/client';
import { graphql } from '@/gql';

// Contracts for paid medical services made at the desk (subgraphs/billing/policy.yaml): reception
// and cashiers create them, only reception records one signed on paper; the patient accepts a
// draft in the portal. The parties' personal data go into the contract's snapshot (its PDF) only.

export const ContractSummaryFields = graphql(`
  fragment ContractSummaryFields on Contract {
    id
    number
    status
    date
    createdAt
    acceptedAt
    acceptanceChannel
    totalKopecks
    services { code name quantity unitPriceKopecks amountKopecks }
  }
`);

export const PatientContractsQuery = persisted(
  graphql(`
    query PatientContracts($patientId: ID!) {
      patientContracts(patientId: $patientId) { ...ContractSummaryFields }
    }
  `),
);

export const CreateContractMutation = persisted(
  graphql(`
    mutation CreateDeskContract($input: CreateContractInput!) {
      createContract(input: $input) {
        ok
        inputErrors { field code message }
        contract { ...ContractSummaryFields }
      }
    }
  `),
);

export const SignContractAtDeskMutation = persisted(
  graphql(`
    mutation SignContractAtDesk($contractId: ID!) {
      signContractAtDesk(contractId: $contractId) {
        ok
        inputErrors { field code message }
        contract { ...ContractSummaryFields }
      }
    }
  `),
);

// Server-only in practice (the app's PDF route): the PDF's address works only with the session's
// bearer token, which never reaches the browser.
export const DeskContractPdfDocument = graphql(`
  query DeskContractPdf($id: ID!) {
    contract(id: $id) { id pdfUrl }
  }
`);
