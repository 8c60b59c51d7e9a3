/** Signing-key administration. Every output field carries @classified. */
export const keySdl = /* GraphQL */ `
  type SigningKeyRotationPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    "Key id (kid) of the key that signs new tokens from now on"
    activeKid: String @classified(category: "PUBLIC", justification: "key ids are published in the JWKS")
    "The key it replaced; still published until tokens it signed have expired"
    retiredKid: String @classified(category: "PUBLIC", justification: "key ids are published in the JWKS")
    "ISO 8601: when the retired key leaves /.well-known/jwks.json"
    retiredKeyPublishedUntil: String
    "Every key id now in /.well-known/jwks.json, the active one first"
    publishedKids: [String!]! @classified(category: "PUBLIC", justification: "key ids are published in the JWKS")
  }

  extend type Mutation {
    "Replaces the token signing key now; the old key stays in the JWKS for the overlap window"
    rotateSigningKey: SigningKeyRotationPayload!
  }
`;
