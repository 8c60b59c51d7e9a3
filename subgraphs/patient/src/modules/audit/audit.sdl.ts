export const auditSdl = /* GraphQL */ `
  "One look at the patient's record, as the patient sees it"
  type AccessLogEntry @classified(category: "AUDIT") {
    patientId: ID
    occurredAt: String
    actorRole: String
    categories: [String!]
    operation: String
  }

  type AuditEvent @classified(category: "AUDIT") {
    seq: Int
    patientId: ID
    occurredAt: String
    actorId: String
    actorRole: String
    categories: [String!]
    operation: String
    requestId: String
    clientAddress: String
    hash: String
  }

  type AuditChainStatus @classified(category: "PUBLIC") {
    ok: Boolean!
    checked: Int!
    brokenAt: Int
  }

  extend type Query {
    "Who viewed my record"
    myAccessLog(first: Int = 50): [AccessLogEntry!]!
    auditEvents(patientId: ID!, first: Int = 100): [AuditEvent!]!
    verifyAuditChain: AuditChainStatus!
  }
`;
