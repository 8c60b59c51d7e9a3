export const certificatesSdl = /* GraphQL */ `
  "Who the patient is to the taxpayer (the deduction covers a spouse, parents, children and wards)"
  enum TaxPatientRelation {
    SPOUSE
    PARENT
    CHILD
    WARD
  }

  """
  A certificate of payment for medical services for the social tax deduction (form КНД 1151156,
  FNS order No. ЕА-7-11/824@): what the patient paid in a year, by service code. The taxpayer's and
  patient's personal data are printed in the PDF and the XML only.
  """
  type TaxCertificate @key(fields: "id") @classified(category: "FINANCIAL") {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID")
    patientId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the patient; object access is decided per patient")
    number: String
    year: Int
    "Date of issue, YYYY-MM-DD"
    issuedAt: String
    "Payments minus refunds in the year, kopecks"
    totalKopecks: Kopecks
    "By service code: 01 ordinary, 02 expensive treatment"
    sums: [TaxCertificateSum!]
    "Name of the XML file for the tax authority"
    fileName: String
    "The XML (its declaration says windows-1251; xmlUrl serves the encoded file)"
    xml: String
    "The PDF form (GET with the same bearer token; the same access as this object)"
    pdfUrl: String
    "The XML file in windows-1251"
    xmlUrl: String
    createdAt: String
  }

  type TaxCertificateSum @classified(category: "PUBLIC", justification: "A sum inside TaxCertificate.sums (FINANCIAL): reachable only through that guarded field") {
    "01 or 02"
    code: String!
    kopecks: Kopecks!
  }

  input TaxDocumentInput {
    "Document kind code of the FNS directory: 21 passport of a citizen of Russia, 03 birth certificate"
    code: String!
    seriesNumber: String!
    "YYYY-MM-DD"
    issuedAt: String!
  }

  input TaxPersonInput {
    fullName: String!
    "12 digits; may be absent when the document is given"
    inn: String
    "YYYY-MM-DD"
    birthDate: String!
    document: TaxDocumentInput!
  }

  input TaxPatientInput {
    fullName: String!
    inn: String
    birthDate: String!
    document: TaxDocumentInput!
    relation: TaxPatientRelation!
  }

  input IssueTaxCertificateInput {
    patientId: ID!
    year: Int!
    "Who claims the deduction"
    taxpayer: TaxPersonInput!
    "The patient, when the taxpayer paid for someone else"
    patient: TaxPatientInput
    "The patient's invoices for expensive treatment (code 02); the rest is code 01"
    expensiveInvoiceIds: [ID!]
    "A retry with the same key returns the same certificate"
    idempotencyKey: String!
  }

  type TaxCertificatePayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    certificate: TaxCertificate
  }

  extend type Query {
    "A patient's issued certificates, newest year first"
    taxCertificates(patientId: ID!): [TaxCertificate!]!
  }

  extend type Mutation {
    "Issues the certificate for a patient and a year from the ledger"
    issueTaxCertificate(input: IssueTaxCertificateInput!): TaxCertificatePayload!
  }
`;
