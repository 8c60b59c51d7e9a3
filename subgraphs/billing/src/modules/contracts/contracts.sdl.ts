export const contractsSdl = /* GraphQL */ `
  enum ContractStatus {
    "Made at the desk, not concluded yet"
    DRAFT
    "Accepted by the patient in the portal"
    ACCEPTED
    "Signed on paper at the desk"
    SIGNED
  }

  enum ContractAcceptanceChannel {
    PORTAL
    DESK
  }

  """
  A contract for paid medical services (Decree No. 736). Its snapshot (the parties with their
  personal data, the services with the prices of its day, the terms) is printed only in the PDF;
  concluded contracts never change.
  """
  type Contract @key(fields: "id") @classified(category: "FINANCIAL") {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID")
    patientId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the patient; object access is decided per patient")
    number: String
    status: ContractStatus
    "Date of the contract, YYYY-MM-DD (the clinic's zone)"
    date: String
    branchId: ID
    "Version of the template it was made from"
    templateVersion: Int
    createdAt: String
    "When it was accepted in the portal or signed at the desk"
    acceptedAt: String
    acceptanceChannel: ContractAcceptanceChannel
    "Sum of the services, kopecks"
    totalKopecks: Kopecks
    services: [ContractServiceLine!]
    provisionTerms: String
    "The PDF (GET with the same bearer token; the same access as this object)"
    pdfUrl: String
  }

  type ContractServiceLine @classified(category: "PUBLIC", justification: "A line inside Contract.services (FINANCIAL): reachable only through that guarded field") {
    "The price list's code of the service"
    code: String
    name: String! @classified(category: "PUBLIC", justification: "Name of a service on the price list, not of a person")
    quantity: Int!
    unitPriceKopecks: Kopecks!
    amountKopecks: Kopecks!
  }

  "One item Decree No. 736 requires in the contract, and whether the template has it"
  type ContractRequirement @classified(category: "PUBLIC") {
    id: String!
    item: String!
    where: String!
    ok: Boolean!
  }

  "The contract template in force"
  type ContractTemplateInfo @classified(category: "PUBLIC", justification: "The clinic's published contract form and requisites; no patient data") {
    version: Int!
    title: String!
    clinicName: String! @classified(category: "PUBLIC", justification: "Name of the clinic (a legal entity), not of a person")
    createdAt: String!
    "The template as JSON, for the editor (saveContractTemplate takes the same shape)"
    body: String!
    "The items of Decree No. 736 and where the template has them"
    checklist: [ContractRequirement!]!
  }

  input ContractDocumentInput {
    "e.g. «Паспорт гражданина Российской Федерации»"
    kind: String!
    seriesNumber: String!
    issuedBy: String
    "YYYY-MM-DD"
    issuedAt: String
  }

  input ContractPersonInput {
    fullName: String!
    "YYYY-MM-DD"
    birthDate: String
    "Place of residence"
    address: String!
    phone: String!
    document: ContractDocumentInput!
  }

  input ContractRepresentativeInput {
    fullName: String!
    birthDate: String
    address: String!
    phone: String!
    document: ContractDocumentInput!
    "The document that makes them the legal representative"
    basis: String!
  }

  input ContractServiceInput {
    priceItemId: ID!
    quantity: Int! = 1
  }

  input CreateContractInput {
    patientId: ID!
    branchId: ID!
    "The patient (потребитель)"
    patient: ContractPersonInput!
    "The legal representative of a minor or incapacitated patient"
    representative: ContractRepresentativeInput
    "Who pays, when not the patient (заказчик)"
    payer: ContractPersonInput
    services: [ContractServiceInput!]!
    "Conditions and waiting times of the services; a general default when absent"
    provisionTerms: String
    city: String
    "A retry with the same key returns the same contract"
    idempotencyKey: String!
  }

  input AcceptContractInput {
    contractId: ID!
    idempotencyKey: String!
  }

  input SaveContractTemplateInput {
    "The template as JSON (see ContractTemplateInfo.body); the server numbers the version"
    body: String!
    idempotencyKey: String!
  }

  type ContractPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    contract: Contract
  }

  type ContractTemplatePayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    template: ContractTemplateInfo
  }

  extend type Query {
    "The contract template in force (version 1 is the default template)"
    contractTemplate: ContractTemplateInfo!
    "A patient's contracts, newest first"
    patientContracts(patientId: ID!): [Contract!]!
    "The calling patient's contracts"
    myContracts: [Contract!]!
    contract(id: ID!): Contract
  }

  extend type Mutation {
    "A new template version, validated (Decree No. 736 items included)"
    saveContractTemplate(input: SaveContractTemplateInput!): ContractTemplatePayload!
    "A draft contract priced from the branch's price list of today"
    createContract(input: CreateContractInput!): ContractPayload!
    "The patient accepts their contract in the portal (time and channel recorded)"
    acceptContract(input: AcceptContractInput!): ContractPayload!
    "Reception records the contract signed on paper at the desk"
    signContractAtDesk(contractId: ID!): ContractPayload!
  }
`;
