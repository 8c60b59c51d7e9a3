/**
 * Personal-data incidents (152-FZ art. 21 part 3.1). The types are PUBLIC with a justification:
 * an incident concerns many patients at once (it is not one patient's object, so not a policy
 * subject); every operation is the security officer's only; the affected patients are opaque ids
 * and counts — the security service holds no names.
 */
export const incidentsSdl = /* GraphQL */ `
  enum SecurityIncidentStatus {
    "Detected; the 24-hour notice to Roskomnadzor is due"
    OPEN
    "The 24-hour notice was submitted; the 72-hour one (investigation results) is due"
    NOTIFIED_24H
    "The investigation results were submitted"
    REPORTED_72H
    CLOSED
  }

  "Which notice to Roskomnadzor (152-FZ art. 21 part 3.1)"
  enum IncidentNoticeKind {
    "Within 24 hours of detection: the incident, presumed causes, harm, measures, contact person"
    INITIAL_24H
    "Within 72 hours of detection: the internal investigation's results, the persons responsible if identified"
    RESULTS_72H
  }

  "The audit events an incident concerns (every given criterion holds)"
  type IncidentScope @classified(category: "PUBLIC", justification: "Staff account ids, service names, categories and a time window; officer-only operations") {
    actorIds: [ID!]!
    services: [String!]!
    categories: [String!]!
    from: String
    to: String
    "Derived from the linked alerts rather than given by the officer"
    derived: Boolean!
  }

  type IncidentCategoryCount @classified(category: "PUBLIC", justification: "A data category and a count") {
    category: String!
    patients: Int!
  }

  "The affected patients resolved from the audit stream: a snapshot, stable until recomputed"
  type IncidentAffectedPatients @classified(category: "PUBLIC", justification: "officer-only operations; no personal data beyond opaque patient ids (the security service holds no names)") {
    computedAt: String!
    "Audit events in scope"
    events: Int!
    total: Int!
    patientIds: [ID!]! @classified(category: "PUBLIC", justification: "Opaque random UUIDs of the affected patients; reachable only through officer-only incident operations")
    byCategory: [IncidentCategoryCount!]!
  }

  "One step of an incident's history (append-only)"
  type SecurityIncidentStep @classified(category: "PUBLIC", justification: "Action, statuses, time and an opaque account id; officer-only operations") {
    "OPENED, ALERT_LINKED, UPDATED, AFFECTED_RESOLVED, NOTIFIED_24H, REPORTED_72H, OVERDUE_24H, OVERDUE_72H, CLOSED"
    action: String!
    fromStatus: SecurityIncidentStatus
    toStatus: SecurityIncidentStatus!
    "The officer's account; null for the overdue job"
    accountId: ID
    note: String
    at: String!
  }

  "A draft notice to Roskomnadzor in Russian, with placeholders [в скобках] for what the incident does not hold"
  type IncidentNotificationDraft @classified(category: "PUBLIC", justification: "Text made of the incident's fields and counts, never a patient id; officer-only operations") {
    kind: IncidentNoticeKind!
    subject: String!
    text: String!
    "The placeholders left in the text"
    placeholders: [String!]!
    "The form on Roskomnadzor's portal is to be verified against Roskomnadzor's order"
    verifyNote: String!
  }

  "A personal-data incident with its Roskomnadzor deadlines (152-FZ art. 21 part 3.1)"
  type SecurityIncident @classified(category: "PUBLIC", justification: "officer-only operations; no personal data beyond opaque patient ids in affectedPatients") {
    id: ID!
    title: String!
    description: String!
    status: SecurityIncidentStatus!
    detectedAt: String!
    "Moscow time, e.g. 08.12.2026 13:05 МСК"
    detectedAtMoscow: String!
    "detectedAt + 24 h (exact instant): the notice of the incident"
    deadline24h: String!
    deadline24hMoscow: String!
    "detectedAt + 72 h (exact instant): the investigation results"
    deadline72h: String!
    deadline72hMoscow: String!
    "A deadline passed without its notice"
    overdue: Boolean!
    overdue24hAt: String
    overdue72hAt: String
    notified24hAt: String
    "Roskomnadzor's reference number of the 24-hour notice"
    notified24hRef: String
    reported72hAt: String
    reported72hRef: String
    ownerAccountId: ID!
    openedByAccountId: ID!
    presumedCauses: String
    harm: String
    measures: String
    contactPerson: String
    investigationResults: String
    responsiblePersons: String
    alertIds: [ID!]!
    scope: IncidentScope
    affectedPatients: IncidentAffectedPatients
    "The draft of a notice (default: the one due next)"
    notificationDraft(kind: IncidentNoticeKind): IncidentNotificationDraft!
    closedAt: String
    createdAt: String!
    history: [SecurityIncidentStep!]!
  }

  type SecurityIncidentPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    incident: SecurityIncident
  }

  input OpenIncidentInput {
    "Alerts the incident grew from (each is triaged INCIDENT)"
    alertIds: [ID!]
    title: String!
    description: String!
    "ISO 8601 instant with an offset; default now. The deadlines count from it."
    detectedAt: String
  }

  input LinkAlertToIncidentInput {
    id: ID!
    alertId: ID!
  }

  "Given fields change (empty text clears)"
  input UpdateIncidentInput {
    id: ID!
    ownerAccountId: ID
    presumedCauses: String
    harm: String
    measures: String
    contactPerson: String
    investigationResults: String
    responsiblePersons: String
  }

  input IncidentScopeInput {
    actorIds: [ID!]
    services: [String!]
    categories: [String!]
    "ISO 8601 instants, [from, to)"
    from: String
    to: String
  }

  input ResolveIncidentAffectedInput {
    id: ID!
    "Replaces the stored scope; none: recompute the stored one (or derive it from the linked alerts)"
    scope: IncidentScopeInput
  }

  input RecordIncidentNotificationInput {
    id: ID!
    kind: IncidentNoticeKind!
    "Roskomnadzor's reference number of the submission"
    reference: String!
    "When it was submitted (ISO 8601 with an offset); default now"
    sentAt: String
  }

  input CloseIncidentInput {
    id: ID!
    note: String
  }

  extend type Query {
    "The incident register, newest detection first (at most 200)"
    incidents(status: SecurityIncidentStatus): [SecurityIncident!]!
    incident(id: ID!): SecurityIncident
  }

  extend type Mutation {
    openIncident(input: OpenIncidentInput!): SecurityIncidentPayload!
    linkAlertToIncident(input: LinkAlertToIncidentInput!): SecurityIncidentPayload!
    updateIncident(input: UpdateIncidentInput!): SecurityIncidentPayload!
    "Resolves the affected patients from the audit stream and stores the snapshot"
    resolveIncidentAffectedPatients(input: ResolveIncidentAffectedInput!): SecurityIncidentPayload!
    "Marks a notice as submitted to Roskomnadzor"
    recordIncidentNotification(input: RecordIncidentNotificationInput!): SecurityIncidentPayload!
    closeIncident(input: CloseIncidentInput!): SecurityIncidentPayload!
  }
`;
