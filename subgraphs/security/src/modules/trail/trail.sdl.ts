/**
 * The central audit trail: the officer's search across every service, and the patient's own
 * "who viewed my record" (role, department, time, purpose — never a staff member's name or id).
 */
export const trailSdl = /* GraphQL */ `
  "One access to a patient's data as a service recorded it (IHE BALP shape)"
  type AuditRecord @classified(category: "AUDIT") {
    "Position in the central stream (page with before:)"
    streamId: ID! @classified(category: "PUBLIC", justification: "A sequence number of the stream; reachable only through AUDIT-guarded queries")
    "The service that recorded it (its chain)"
    service: String
    seq: Int
    occurredAt: String
    "BALP subtype: PatientRead (one patient) or PatientQuery (a list or search)"
    subtype: String
    "Requestor: the account and its role"
    actorId: ID
    actorRole: String
    patientId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the patient; object access is decided by the AUDIT rules")
    "Data object: the categories read and the client's operation"
    categories: [String!]
    operation: String
    requestId: String
    "Network address of the client"
    clientAddress: String
    "Purpose of use: the policy conditions that held (empty: the role's duties)"
    purpose: String
  }

  "An access to my data as the patient sees it: no names, no ids of staff"
  type AccessTrailEntry @classified(category: "AUDIT") {
    patientId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID; the caller's own (object access is decided by the AUDIT rules)")
    "Pass as before: to read older entries"
    cursor: ID! @classified(category: "PUBLIC", justification: "A sequence number of the stream, no content")
    at: String
    "Role in Russian («Врач», «Регистратор»…)"
    role: String
    "The part of the clinic («Медицинская карта», «Лаборатория»…)"
    department: String
    "Why it was allowed, in Russian"
    purpose: String
    "What was seen, in Russian"
    categories: [String!]
  }

  input AuditRecordsFilter {
    patientId: ID
    actorId: ID
    service: String
    category: String
    "ISO date-time, inclusive"
    from: String
    "ISO date-time, exclusive"
    to: String
  }

  extend type Query {
    "The central audit trail across services, newest first in the order the stream received them (at most 500 per page)"
    auditRecords(filter: AuditRecordsFilter!, first: Int, before: ID): [AuditRecord!]!
    "Кто смотрел мою медкарту: everyone who accessed my data, newest first"
    myAccessTrail(first: Int, before: ID): [AccessTrailEntry!]!
  }
`;
