/** Break-glass: emergency access to one patient's record, with a stated reason, for a while. */
export const breakGlassSdl = /* GraphQL */ `
  input BreakGlassInput {
    patientId: ID!
    "Why the record must be opened without a care relationship (audited, reviewed by security)"
    reason: String!
  }
  type BreakGlassPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    "Until when the caller may open this patient's record"
    expiresAt: String
  }
  extend type Mutation {
    breakGlass(input: BreakGlassInput!): BreakGlassPayload!
  }
`;
