import { persisted } from '@medikamente/web-kit/client';
import { graphql } from '@/gql';

// Certificates for the social tax deduction (form КНД 1151156), issued by the accountant for a
// patient and a year from the ledger. The taxpayer's and patient's data go into the PDF and XML only.

export const TaxCertificateFields = graphql(`
  fragment TaxCertificateFields on TaxCertificate {
    id
    number
    year
    issuedAt
    totalKopecks
    sums { code kopecks }
    fileName
    createdAt
  }
`);

export const TaxCertificatesQuery = persisted(
  graphql(`
    query TaxCertificates($patientId: ID!) {
      taxCertificates(patientId: $patientId) { ...TaxCertificateFields }
    }
  `),
);

export const IssueTaxCertificateMutation = persisted(
  graphql(`
    mutation IssueTaxCertificate($input: IssueTaxCertificateInput!) {
      issueTaxCertificate(input: $input) {
        ok
        inputErrors { field code message }
        certificate { ...TaxCertificateFields }
      }
    }
  `),
);

// An accountant reads a patient's name masked (CONTACT) and cannot search patients: the patients
// to pick from are those of the branch's invoices of a day, named as the API masks them.
export const TaxPatientNameQuery = persisted(
  graphql(`
    query TaxPatientName($id: ID!) {
      patient(id: $id) { id fullName }
    }
  `),
);

// Server-only in practice (the app's download routes): the file addresses work only with the
// session's bearer token. There is no taxCertificate(id): the routes read the patient's list.
export const TaxCertificateFilesDocument = graphql(`
  query TaxCertificateFiles($patientId: ID!) {
    taxCertificates(patientId: $patientId) { id pdfUrl xmlUrl }
  }
`);
