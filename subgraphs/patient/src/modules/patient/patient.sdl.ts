/** Patient entity, search and registration. Every output field carries @classified. */
export const patientSdl = /* GraphQL */ `
  enum Sex {
    MALE
    FEMALE
  }

  type Patient @key(fields: "id") {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID; object access is decided per patient")
    lastName: String @classified(category: "CONTACT", mask: "NONE")
    firstName: String @classified(category: "CONTACT", mask: "INITIAL")
    middleName: String @classified(category: "CONTACT", mask: "INITIAL")
    "Фамилия И. О. when masked"
    fullName: String @classified(category: "CONTACT", mask: "FULL_NAME", tags: ["notification"])
    phone: String @classified(category: "CONTACT", mask: "PHONE", tags: ["notification"])
    email: String @classified(category: "CONTACT", mask: "EMAIL", tags: ["notification"])
    "YYYY-MM-DD"
    birthDate: String @classified(category: "IDENTITY", mask: "YEAR")
    ageYears: Int @classified(category: "IDENTITY", tags: ["sexAge"])
    "Ten-year band, e.g. 30-39"
    ageBand: String @classified(category: "IDENTITY", tags: ["ageBand"])
    sex: Sex @classified(category: "IDENTITY", tags: ["sexAge"])
    "Series and number, 4510 123456"
    passport: String @classified(category: "IDENTITY", mask: "TAIL4", tags: ["document"])
    passportIssuedBy: String @classified(category: "IDENTITY", mask: "REDACT", tags: ["document"])
    passportIssuedOn: String @classified(category: "IDENTITY", mask: "REDACT", tags: ["document"])
    snils: String @classified(category: "IDENTITY", mask: "TAIL4", tags: ["document"])
    "Compulsory medical insurance (OMS) policy number"
    insurancePolicy: String @classified(category: "IDENTITY", mask: "TAIL4", tags: ["document"])
    registrationAddress: String @classified(category: "IDENTITY", mask: "REDACT")
    homeAddress: String @classified(category: "SOCIAL", mask: "REDACT")
    workplace: String @classified(category: "SOCIAL", mask: "REDACT")
    chronicConditions: [String!] @classified(category: "HEALTH")
    "Current consents, or the whole history"
    consents(includeHistory: Boolean = false): [Consent!] @classified(category: "IDENTITY")
  }

  input PatientInput {
    lastName: String!
    firstName: String!
    middleName: String
    birthDate: String!
    sex: Sex!
    phone: String
    email: String
    passport: String
    passportIssuedBy: String
    passportIssuedOn: String
    snils: String
    insurancePolicy: String
    registrationAddress: String
    homeAddress: String
    workplace: String
    chronicConditions: [String!]
  }

  input PatientUpdateInput {
    lastName: String
    firstName: String
    middleName: String
    birthDate: String
    sex: Sex
    phone: String
    email: String
    passport: String
    passportIssuedBy: String
    passportIssuedOn: String
    snils: String
    insurancePolicy: String
    registrationAddress: String
    homeAddress: String
    workplace: String
    chronicConditions: [String!]
  }

  input PatientSearchInput {
    "Beginning of the full name: surname, then first name"
    text: String
    phone: String
    "YYYY-MM-DD"
    birthDate: String
  }

  type PageInfo @classified(category: "PUBLIC") {
    endCursor: String
    hasNextPage: Boolean!
  }

  type PatientConnection @classified(category: "PUBLIC") {
    nodes: [Patient!]!
    pageInfo: PageInfo!
  }

  type PatientPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    patient: Patient
    "Patients with the same phone and birth date (registration is held until confirmed)"
    duplicates: [Patient!]!
  }

  extend type Query {
    patient(id: ID!): Patient
    "The signed-in patient's own record"
    myPatient: Patient
    searchPatients(query: PatientSearchInput!, first: Int = 20, after: String): PatientConnection!
    patientDuplicates(phone: String!, birthDate: String!): [Patient!]!
  }

  extend type Mutation {
    "Registration by reception. A retry with the same idempotencyKey returns the same patient."
    registerPatient(input: PatientInput!, confirmNotDuplicate: Boolean = false, idempotencyKey: String): PatientPayload!
    "Self-registration: creates the record linked to the signed-in patient account"
    registerSelf(input: PatientInput!): PatientPayload!
    updatePatient(id: ID!, input: PatientUpdateInput!): PatientPayload!
    "Merges a duplicate into the kept record (reception)"
    mergePatients(keepId: ID!, mergeId: ID!): PatientPayload!
  }
`;
