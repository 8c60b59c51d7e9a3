export const entrySdl = /* GraphQL */ `
  "An entry the clinic wrote for a patient (an example: pick the category of your data)"
  type SecurityEntry @key(fields: "id") @classified(category: "FINANCIAL") {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID")
    patientId: ID
    authorAccountId: ID
    text: String
    createdAt: String
  }

  input AddSecurityEntryInput {
    patientId: ID!
    text: String!
    "A retry with the same key returns the same entry"
    idempotencyKey: String!
  }

  type SecurityEntryPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    entry: SecurityEntry
  }

  extend type Query {
    "A patient's entries, newest first"
    securityEntries(patientId: ID!): [SecurityEntry!]!
  }

  extend type Mutation {
    addSecurityEntry(input: AddSecurityEntryInput!): SecurityEntryPayload!
  }
`;
