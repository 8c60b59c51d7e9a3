export const entrySdl = /* GraphQL */ `
  "An entry the clinic wrote for a patient (an example: pick the category of your data)"
  type BillingEntry @key(fields: "id") @classified(category: "FINANCIAL") {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID")
    patientId: ID
    authorAccountId: ID
    text: String
    createdAt: String
  }

  input AddBillingEntryInput {
    patientId: ID!
    text: String!
    "A retry with the same key returns the same entry"
    idempotencyKey: String!
  }

  type BillingEntryPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    entry: BillingEntry
  }

  extend type Query {
    "A patient's entries, newest first"
    billingEntries(patientId: ID!): [BillingEntry!]!
  }

  extend type Mutation {
    addBillingEntry(input: AddBillingEntryInput!): BillingEntryPayload!
  }
`;
