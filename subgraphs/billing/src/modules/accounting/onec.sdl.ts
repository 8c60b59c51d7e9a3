export const oneCSdl = /* GraphQL */ `
  enum OneCExportKind {
    PAYMENT
    REFUND
  }

  "A payment or refund whose export to 1C failed so far: retried with backoff"
  type OneCExportFailure @classified(category: "PUBLIC", justification: "Opaque record ids and 1C's error text, no personal data; the operation is for accountants") {
    kind: OneCExportKind!
    "Our payment or refund id"
    id: ID!
    attempts: Int!
    lastError: String
    nextAttemptAt: String
  }

  type OneCExportLastRun @classified(category: "PUBLIC", justification: "Counts of an export round") {
    "A round holds the export now"
    running: Boolean!
    startedAt: String
    finishedAt: String
    exported: Int!
    failed: Int!
  }

  "The export of captured payments and done refunds to 1C:Бухгалтерия"
  type OneCExportStatus @classified(category: "PUBLIC", justification: "Counts and opaque record ids, no personal data; the operation is for accountants") {
    "The OData export is configured (ONEC_ODATA_URL)"
    enabled: Boolean!
    "The EnterpriseData file can be built (the organization is configured)"
    fileEnabled: Boolean!
    exported: Int!
    "Failed so far (retried with backoff)"
    failed: Int!
    "Never tried yet"
    pending: Int!
    lastRun: OneCExportLastRun!
    failures: [OneCExportFailure!]!
  }

  "What one export round did"
  type OneCExportRunPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    run: OneCExportRun
  }

  type OneCExportRun @classified(category: "PUBLIC", justification: "Counts of an export round") {
    "False when another round (another replica) holds the export"
    ran: Boolean!
    "Why it did not run, in Russian"
    reason: String
    exported: Int!
    alreadyExported: Int!
    deferred: Int!
    failed: Int!
    status: OneCExportStatus!
  }

  "An EnterpriseData (Универсальный формат обмена) message for loading into 1C by hand"
  type EnterpriseDataFile @classified(category: "PUBLIC", justification: "Amounts, dates and pseudonymous payers («Пациент» + 8 hex of an opaque id): no personal data; the operation is for accountants") {
    day: String!
    fileName: String!
    "The XML text (UTF-8)"
    xml: String!
    paymentsCount: Int!
    refundsCount: Int!
  }

  extend type Query {
    "The 1C export: counts, the last round, failures with their last error and next attempt"
    oneCExportStatus: OneCExportStatus!
    "The day's payments and refunds (YYYY-MM-DD, the clinic's zone) as an EnterpriseData file"
    enterpriseDataExport(day: String!): EnterpriseDataFile!
  }

  extend type Mutation {
    "Runs an export round now (what is due; failures wait for their next attempt)"
    runOneCExport: OneCExportRunPayload!
  }
`;
