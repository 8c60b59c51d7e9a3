export const consentSdl = /* GraphQL */ `
  enum ConsentPurpose {
    TREATMENT
    PORTAL_ACCOUNT
    MARKETING
    LAB_SHARING
    ANALYTICS
  }

  enum ConsentChannel {
    PORTAL
    RECEPTION
    PHONE
    PAPER
  }

  type Consent @classified(category: "IDENTITY") {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID")
    patientId: ID
    purpose: ConsentPurpose
    textVersion: Int
    givenAt: String
    givenChannel: ConsentChannel
    withdrawnAt: String
    withdrawnChannel: ConsentChannel
    active: Boolean
  }

  type ConsentText @classified(category: "PUBLIC") {
    purpose: ConsentPurpose!
    version: Int!
    title: String!
    body: String!
    publishedAt: String!
  }

  "Whether a patient's data may be processed for a purpose; for other services"
  type ConsentStatus @classified(category: "IDENTITY", tags: ["consentStatus"]) {
    patientId: ID
    purpose: ConsentPurpose
    granted: Boolean
    textVersion: Int
    since: String
  }

  type ConsentPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    consent: Consent
  }

  extend type Query {
    "Current and past versions of consent texts"
    consentTexts(purpose: ConsentPurpose): [ConsentText!]!
    consentStatus(patientId: ID!, purpose: ConsentPurpose!): ConsentStatus
  }

  extend type Mutation {
    giveConsent(patientId: ID!, purpose: ConsentPurpose!, textVersion: Int!, channel: ConsentChannel!): ConsentPayload!
    withdrawConsent(patientId: ID!, purpose: ConsentPurpose!, channel: ConsentChannel!): ConsentPayload!
  }
`;
