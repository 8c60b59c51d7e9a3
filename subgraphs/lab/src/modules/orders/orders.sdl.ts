const ONLY_THROUGH = (field: string) =>
  `A value inside ${field} (HEALTH): reachable only through that guarded field`;

/**
 * Orders and results as the clinic sees them. Everything about a patient's tests is HEALTH. A
 * result carries the tag `labResult`: the patient sees it only once the ordering doctor released
 * it (condition `resultReleased`, decided per result) — never by `self` alone.
 */
export const ordersSdl = /* GraphQL */ `
  enum LabPriority {
    ROUTINE
    URGENT
  }

  "ordered → collected → sent → received by the lab → resulted → reviewed → released; or cancelled / rejected"
  enum LabOrderStatus {
    ORDERED
    COLLECTED
    SENT
    RECEIVED
    RESULTED
    REVIEWED
    RELEASED
    CANCELLED
    REJECTED
  }

  "N normal, L/H below/above the reference range, LL/HH critical, A abnormal (coded)"
  enum LabFlag {
    N
    L
    H
    LL
    HH
    A
  }

  "A test within an order"
  type LabOrderTest @classified(category: "PUBLIC", justification: "${ONLY_THROUGH('LabOrder.tests')}") {
    testId: ID!
    code: String!
    name: String! @classified(category: "PUBLIC", justification: "Name of a laboratory test, not of a person")
    unit: String
    resulted: Boolean!
  }

  "An order: the tests one specimen goes to one partner laboratory for"
  type LabOrder @key(fields: "id") @classified(category: "HEALTH") {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID; object access is decided per patient")
    patientId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the patient; object access is decided per patient")
    visitId: ID @classified(category: "PUBLIC", justification: "Opaque random UUID of the visit; the record subgraph guards the visit")
    orderedByAccountId: ID
    priority: LabPriority
    "The doctor's note for the laboratory (the partner never receives it)"
    clinicalNote: String
    status: LabOrderStatus
    "Why the order was cancelled or the specimen rejected"
    statusReason: String
    "The pseudonymous specimen code (the partner's only key)"
    specimenCode: String
    specimenType: String
    partnerName: String @classified(category: "HEALTH", justification: "Which laboratory performs a patient's tests")
    tests: [LabOrderTest!]
    results: [LabResult!]
    "The doctor's comment for the patient, given at review"
    reviewComment: String
    createdAt: String
    collectedAt: String
    sentAt: String
    receivedAt: String
    resultedAt: String
    reviewedAt: String
    releasedAt: String
    "Whether the partner attached a PDF report"
    hasReport: Boolean
  }

  "One test's result. The flag is computed by the platform from the catalogue's ranges."
  type LabResult @key(fields: "id") @classified(category: "HEALTH", tags: ["labResult"]) {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID; object access is decided per result")
    patientId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the patient; object access is decided per result")
    orderId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the order; the order is guarded itself")
    testId: ID
    testCode: String
    testName: String
    kind: LabValueKind
    numeric: Float
    unit: String
    coded: String
    text: String
    "The reference interval the value was judged by"
    referenceRange: LabReferenceRange
    "The interval as text, e.g. 3,9–6,1 ммоль/л"
    referenceText: String
    flag: LabFlag
    "The flag in plain Russian"
    flagText: String
    critical: Boolean
    partnerComment: String
    resultedAt: String
    "Whether the ordering doctor released it to the patient"
    released: Boolean
    "Earlier results of the same test for the same patient (as the caller may see them), oldest first"
    previous: [LabResult!]
  }

  input OrderLabTestsInput {
    patientId: ID!
    "The visit the tests are ordered from (the record subgraph's visit)"
    visitId: ID!
    testIds: [ID!]!
    priority: LabPriority!
    clinicalNote: String
    "The patient's sex as on the card (the partner receives it with the specimen)"
    patientSex: PatientSexForLab!
    "The patient's birth date (YYYY-MM-DD) as on the card: only the age in years is kept"
    patientBirthDate: String
    "A retry with the same key returns the same orders"
    idempotencyKey: String!
  }

  type LabOrdersPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    "One order per partner laboratory and specimen type"
    orders: [LabOrder!]!
  }

  enum LabSpecimenStep {
    COLLECTED
    SENT
  }

  input LabSpecimenStepInput {
    orderId: ID!
    step: LabSpecimenStep!
  }

  input CancelLabOrderInput {
    orderId: ID!
    reason: String!
  }

  input ReviewLabOrderInput {
    orderId: ID!
    "Shown to the patient with the results"
    patientComment: String
    "Release the results to the patient now (default true)"
    release: Boolean
  }

  type LabOrderPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    order: LabOrder
  }

  extend type Query {
    "A patient's orders, newest first (the doctor in care, the patient themselves)"
    labOrders(patientId: ID!): [LabOrder!]!
    labOrder(id: ID!): LabOrder
    "The orders placed from one visit"
    labOrdersForVisit(visitId: ID!): [LabOrder!]!
    "The doctor's orders with results waiting for review"
    labOrdersToReview: [LabOrder!]!
    "The patient's own orders"
    myLabOrders: [LabOrder!]!
    "One test's results over time for a patient (the patient: their own released ones)"
    labResultHistory(patientId: ID!, testId: ID!): [LabResult!]!
  }

  extend type Mutation {
    "Orders tests from a visit: one order (specimen) per partner laboratory and specimen type"
    orderLabTests(input: OrderLabTestsInput!): LabOrdersPayload!
    "Records that the specimen was collected or sent to the laboratory"
    recordLabSpecimenStep(input: LabSpecimenStepInput!): LabOrderPayload!
    cancelLabOrder(input: CancelLabOrderInput!): LabOrderPayload!
    "The ordering doctor reviews the results; released results become visible to the patient"
    reviewLabOrder(input: ReviewLabOrderInput!): LabOrderPayload!
  }
`;
