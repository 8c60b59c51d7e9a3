export const entrySdl = /* GraphQL */ `
  "An entry the clinic wrote for a patient (an example: pick the category of your data)"
  type LabEntry @key(fields: "id") @classified(category: "FINANCIAL") {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID")
    patientId: ID
    authorAccountId: ID
    text: String
    createdAt: String
  }

  input AddLabEntryInput {
    patientId: ID!
    text: String!
    "A retry with the same key returns the same entry"
    idempotencyKey: String!
  }

  type LabEntryPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    entry: LabEntry
  }

  extend type Query {
    "A patient's entries, newest first"
    labEntries(patientId: ID!): [LabEntry!]!
  }

  extend type Mutation {
    addLabEntry(input: AddLabEntryInput!): LabEntryPayload!
  }
`;
