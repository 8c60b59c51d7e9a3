/** Patient sign-up confirmed by a one-time code. Every output field carries @classified. */
export const signUpSdl = /* GraphQL */ `
  enum VerificationChannel {
    EMAIL
    SMS
  }

  input SignUpPatientInput {
    "E-mail or Russian mobile number; the code goes there"
    login: String!
    password: String!
    displayName: String!
  }

  type SignUpPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    "Opaque id of this sign-up; send it back with the code"
    verificationId: ID @classified(category: "PUBLIC", justification: "random id of a pending sign-up, returned only to its caller")
    "Where the message went (e-mail for e-mail logins, SMS for phone numbers)"
    channel: VerificationChannel
    "ISO 8601: when the code stops working"
    expiresAt: String
  }

  extend type Mutation {
    """
    Step 1 of patient sign-up: sends a message to the login and answers the same whether or not
    the login already has an account (the message then tells its owner instead of carrying a code).
    """
    signUpPatient(input: SignUpPatientInput!): SignUpPayload!
    "Step 2: the six-digit code from the message creates the account and signs in"
    confirmSignUp(verificationId: ID!, code: String!): AuthPayload!
  }
`;
