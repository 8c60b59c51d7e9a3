/** Accounts, sessions and TOTP. Every output field carries @classified. */
export const accountSdl = /* GraphQL */ `
  enum AccountRole {
    patient
    doctor
    receptionist
    cashier
    accountant
    analyst
    it_admin
    security_officer
  }

  enum StaffRole {
    doctor
    receptionist
    cashier
    accountant
    analyst
    it_admin
    security_officer
  }

  type Account @key(fields: "id") {
    id: ID! @classified(category: "PUBLIC", justification: "opaque random UUID")
    "Lowercased e-mail or +7XXXXXXXXXX"
    login: String @classified(category: "CONTACT", mask: "EMAIL")
    displayName: String @classified(category: "CONTACT", mask: "FULL_NAME")
    role: AccountRole! @classified(category: "PUBLIC", justification: "job function, not personal data")
    "The patient record of a patient account (assigned at sign-up)"
    patientId: ID @classified(category: "PUBLIC", justification: "opaque id")
    branchIds: [ID!]! @classified(category: "PUBLIC")
    totpEnabled: Boolean! @classified(category: "PUBLIC")
    "ISO 8601; set when a staff member is dismissed"
    dismissedAt: String @classified(category: "PUBLIC")
  }

  type AuthPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    "EdDSA JWT for Authorization: Bearer"
    accessToken: String @classified(category: "PUBLIC", justification: "returned only to the authenticating caller")
    "Opaque, single use: each refresh returns the next one"
    refreshToken: String @classified(category: "PUBLIC", justification: "returned only to the authenticating caller")
    "Seconds until the access token expires"
    expiresIn: Int
    account: Account
  }

  type SignOutPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
  }

  type AccountPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    account: Account
  }

  type TotpEnrollmentPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    "Base32 secret for manual entry"
    secret: String @classified(category: "PUBLIC", justification: "returned only to the enrolling account")
    "otpauth:// URI to show as a QR code"
    otpauthUri: String @classified(category: "PUBLIC", justification: "returned only to the enrolling account")
  }

  input SignInInput {
    login: String!
    password: String!
    "Six digits from the authenticator app, when TOTP is enabled"
    totpCode: String
  }

  input CreateStaffAccountInput {
    login: String!
    password: String!
    role: StaffRole!
    displayName: String!
    branchIds: [ID!]
  }

  extend type Query {
    "The signed-in account"
    me: Account
    staffAccounts: [Account!]!
  }

  extend type Mutation {
    signIn(input: SignInInput!): AuthPayload!
    refreshSession(refreshToken: String!): AuthPayload!
    "Ends the caller's session; its tokens are refused from now on"
    signOut: SignOutPayload!
    createStaffAccount(input: CreateStaffAccountInput!): AccountPayload!
    "Ends every session of a staff member and blocks sign-in"
    dismissStaff(accountId: ID!): AccountPayload!
    startTotpEnrollment: TotpEnrollmentPayload!
    confirmTotpEnrollment(code: String!): AccountPayload!
  }
`;
