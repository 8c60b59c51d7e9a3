const ONLY_THROUGH = (field: string) => `A value inside ${field}: reachable only through that guarded field`;

/**
 * The partner laboratory's view: pseudonymous. A partner sees its own orders only (condition
 * `partnerOwns`, decided per order): the specimen code, tests, specimen type, priority, sex and
 * age band — never a name, contact, document, the clinical note or the patient's id.
 */
export const partnerSdl = /* GraphQL */ `
  "A test as the partner laboratory receives it"
  type PartnerLabTest @classified(category: "PUBLIC", justification: "${ONLY_THROUGH('PartnerLabOrder.tests (HEALTH)')}") {
    code: String!
    codeSystem: LabCodeSystem!
    name: String! @classified(category: "PUBLIC", justification: "Name of a laboratory test, not of a person")
    unit: String
    "Whether this test has a result already"
    resulted: Boolean!
  }

  enum PatientSexForLab {
    MALE
    FEMALE
    UNKNOWN
  }

  "An order as the partner laboratory sees it, keyed by the specimen code"
  type PartnerLabOrder @key(fields: "specimenCode") @classified(category: "HEALTH", tags: ["ownOrderTests"]) {
    specimenCode: String! @classified(category: "PUBLIC", justification: "Pseudonymous random code; the caller names it to ask, and only the lab subgraph links it to a patient")
    specimenType: String
    priority: LabPriority
    status: LabOrderStatus
    tests: [PartnerLabTest!]
    "When the clinic collected the specimen"
    collectedAt: String
    sex: PatientSexForLab @classified(category: "IDENTITY", tags: ["sexAge"])
    "Age band in years at ordering, e.g. 30-39 (children: 0-0, 1-6, 7-12, 13-17)"
    ageBand: String @classified(category: "IDENTITY", tags: ["sexAge"])
    "Position in the partner's order feed (opaque cursor)"
    cursor: String! @classified(category: "PUBLIC", justification: "Opaque feed position")
  }

  type PartnerLabOrderPage @classified(category: "PUBLIC") {
    orders: [PartnerLabOrder!]!
    "Pass as \`after\` to get the next page"
    endCursor: String
    hasMore: Boolean!
  }

  enum SpecimenRejectionReason {
    HEMOLYSED
    CLOTTED
    INSUFFICIENT_VOLUME
    WRONG_CONTAINER
    UNLABELLED
    EXPIRED_IN_TRANSIT
    OTHER
  }

  input AcknowledgeLabSpecimensInput {
    specimenCodes: [String!]!
  }

  input RejectLabSpecimenInput {
    specimenCode: String!
    reason: SpecimenRejectionReason!
    comment: String
  }

  "A value: numeric with its unit, or coded, or text"
  input PartnerResultValueInput {
    "The test's code as in the order"
    testCode: String!
    numeric: Float
    unit: String
    coded: String
    text: String
    comment: String
  }

  input PostLabResultsInput {
    specimenCode: String!
    "The partner's own id of this result message: a replay returns the same answer"
    partnerResultId: String!
    "When the laboratory issued the results (ISO 8601)"
    issuedAt: String
    conclusion: String
    results: [PartnerResultValueInput!]!
  }

  input PostFhirLabReportInput {
    "A FHIR R4 Bundle (collection, batch or transaction) with one DiagnosticReport and its Observations, as JSON text"
    bundle: String!
  }

  input AttachLabReportInput {
    specimenCode: String!
    partnerResultId: String!
    "The PDF report, base64 (at most LAB_REPORT_MAX_BYTES decoded)"
    pdfBase64: String!
  }

  type PartnerLabPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    "True when this answers a replay of an earlier identical request"
    replayed: Boolean!
    orders: [PartnerLabOrder!]!
  }

  extend type Query {
    "The partner's orders ready for it (collected and later), in feed order; since: changed at or after"
    partnerLabOrders(after: String, since: String, first: Int): PartnerLabOrderPage!
    "One of the partner's orders by its specimen code"
    partnerLabOrder(specimenCode: String!): PartnerLabOrder
  }

  extend type Mutation {
    "The laboratory received these specimens"
    acknowledgeLabSpecimens(input: AcknowledgeLabSpecimensInput!): PartnerLabPayload!
    rejectLabSpecimen(input: RejectLabSpecimenInput!): PartnerLabPayload!
    "Results of one specimen, idempotent by partnerResultId"
    postLabResults(input: PostLabResultsInput!): PartnerLabPayload!
    "The same as postLabResults, as a FHIR R4 DiagnosticReport + Observation bundle"
    postFhirLabReport(input: PostFhirLabReportInput!): PartnerLabPayload!
    "Attaches the laboratory's PDF report to a result message"
    attachLabReport(input: AttachLabReportInput!): PartnerLabPayload!
  }
`;
