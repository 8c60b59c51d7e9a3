export const requestsSdl = /* GraphQL */ `
  "Kind of a data-subject request under 152-FZ"
  enum DataRequestType {
    "Access to the patient's personal data (an export)"
    ACCESS
    CORRECTION
    STOP_PROCESSING
    CONSENT_WITHDRAWAL
    ERASURE
  }

  "How the request reached the clinic"
  enum DataRequestChannel {
    PORTAL
    IN_PERSON
    MAIL
    EMAIL
  }

  enum DataRequestStatus {
    RECEIVED
    IN_PROGRESS
    "The deadline was extended with a reasoned notice"
    EXTENDED
    COMPLETED
    REFUSED
  }

  "One step of a request's history (append-only)"
  type DataRequestStep
    @classified(
      category: "PUBLIC"
      justification: "Action, statuses, time and an opaque account id; reachable only through DataRequest.history (AUDIT)"
    ) {
    "RECEIVED, ASSIGNED, EXTENDED, REMINDED, ESCALATED, COMPLETED, REFUSED"
    action: String!
    fromStatus: DataRequestStatus
    toStatus: DataRequestStatus!
    "The staff or patient account that acted; null for the reminder job"
    accountId: ID
    at: String!
  }

  "A data-subject request (152-FZ) with its legal deadline, owner and history"
  type DataRequest @key(fields: "id") @classified(category: "AUDIT") {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID; object access is decided per patient")
    patientId: ID
    type: DataRequestType
    "The type in Russian"
    typeLabel: String
    channel: DataRequestChannel
    status: DataRequestStatus
    "The status in Russian"
    statusLabel: String
    "What the patient asks for, in their words"
    details: String
    "Calendar date of receipt (Europe/Moscow); the deadline counts from the next day"
    receivedOn: String
    "The deadline: the whole day, Europe/Moscow (after an extension, the extended one)"
    dueOn: String
    "The deadline before any extension"
    originalDueOn: String
    "The legal basis of the deadline, in Russian"
    legalBasis: String
    "Whether the law allows extending this request's deadline and it has not been extended yet"
    extendable: Boolean
    "Past the deadline and not closed"
    overdue: Boolean
    "When the reminder job escalated the passed deadline"
    escalatedAt: String
    ownerAccountId: ID
    filedByAccountId: ID
    "The reasoned notice of the extension"
    extensionReason: String
    "The reasoned refusal"
    refusalReason: String
    completionNote: String
    "Opaque id of what executed the request (an export, an act of destruction)"
    outcomeRef: String
    closedAt: String
    createdAt: String
    history: [DataRequestStep!]
  }

  input DataRequestFilter {
    status: DataRequestStatus
    type: DataRequestType
    "true: only requests past their deadline and not closed; false: the others"
    overdue: Boolean
  }

  input FileDataRequestInput {
    type: DataRequestType!
    "Required for CORRECTION: what is inaccurate and how it should read"
    details: String
    "A retry with the same key returns the same request"
    idempotencyKey: String!
  }

  input RegisterDataRequestInput {
    patientId: ID!
    type: DataRequestType!
    "Not PORTAL: portal requests are filed by the patient"
    channel: DataRequestChannel!
    details: String
    "Date of receipt (YYYY-MM-DD, Europe/Moscow); default today"
    receivedOn: String
    idempotencyKey: String!
  }

  input AssignDataRequestInput {
    id: ID!
    "The staff account that will answer the request"
    ownerAccountId: ID!
  }

  input ExtendDataRequestInput {
    id: ID!
    "The reasoned notice sent to the patient"
    reason: String!
  }

  input CompleteDataRequestInput {
    id: ID!
    note: String
    outcomeRef: String
  }

  input RefuseDataRequestInput {
    id: ID!
    "The reasoned refusal sent to the patient, with the provision of law it rests on"
    reason: String!
  }

  type DataRequestPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    request: DataRequest
  }

  extend type Query {
    "The calling patient's own requests, newest first"
    myDataRequests: [DataRequest!]!
    "The register, soonest deadline first"
    dataRequests(filter: DataRequestFilter): [DataRequest!]!
    "One request (a patient: only their own, otherwise null)"
    dataRequest(id: ID!): DataRequest
  }

  extend type Mutation {
    "A patient files a request about their own data from the portal"
    fileDataRequest(input: FileDataRequestInput!): DataRequestPayload!
    "The security officer registers a request received in person, by mail or e-mail"
    registerDataRequest(input: RegisterDataRequestInput!): DataRequestPayload!
    assignDataRequest(input: AssignDataRequestInput!): DataRequestPayload!
    extendDataRequest(input: ExtendDataRequestInput!): DataRequestPayload!
    completeDataRequest(input: CompleteDataRequestInput!): DataRequestPayload!
    refuseDataRequest(input: RefuseDataRequestInput!): DataRequestPayload!
  }
`;
