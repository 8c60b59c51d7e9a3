export const entrySdl = /* GraphQL */ `
  "An entry the clinic wrote for a patient (an example: pick the category of your data)"
  type RecordEntry @key(fields: "id") @classified(category: "FINANCIAL") {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID")
    patientId: ID
    authorAccountId: ID
    text: String
    createdAt: String
  }

  input AddRecordEntryInput {
    patientId: ID!
    text: String!
    "A retry with the same key returns the same entry"
    idempotencyKey: String!
  }

  type RecordEntryPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    entry: RecordEntry
  }

  extend type Query {
    "A patient's entries, newest first"
    recordEntries(patientId: ID!): [RecordEntry!]!
  }

  extend type Mutation {
    addRecordEntry(input: AddRecordEntryInput!): RecordEntryPayload!
  }
`;
