/**
 * Privacy monitoring for the security officer: the alert queue with triage, the rules as
 * configured (explained in Russian), VIP flags, live alerts.
 */
export const alertsSdl = /* GraphQL */ `
  enum SecurityAlertStatus {
    "Not yet triaged"
    NEW
    "The access had a work reason (the note says which)"
    EXPLAINED
    "No work reason found"
    UNEXPLAINED
    "Handled as a data incident"
    INCIDENT
  }

  enum SecurityAlertSeverity {
    LOW
    MEDIUM
    HIGH
    CRITICAL
  }

  "A monitoring rule as configured (config/monitoring-rules.yaml)"
  type MonitoringRule @classified(category: "PUBLIC", justification: "The clinic's own rule configuration; no personal data") {
    id: ID!
    title: String!
    "What the rule means and what the officer should check, in Russian"
    explanation: String!
    severity: SecurityAlertSeverity!
    enabled: Boolean!
    "The rule's thresholds and windows in Russian (e.g. «окно 60 мин, порог 300»)"
    parameters: String!
  }

  "One recorded step of an alert: RAISED, NOTIFIED, ASSIGNED, TRIAGED, NOTE"
  type SecurityAlertStep @classified(category: "PUBLIC", justification: "A triage step; reachable only through SecurityAlert.steps (AUDIT, security officers)") {
    step: String!
    accountId: ID
    status: SecurityAlertStatus
    assigneeId: ID
    note: String
    at: String!
  }

  type SecurityAlert @key(fields: "id") @classified(category: "AUDIT", tags: ["investigation"]) {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID; object access is decided by the AUDIT rules")
    rule: String
    ruleTitle: String
    explanation: String
    severity: SecurityAlertSeverity
    "The staff account whose access raised it (none for a chain alert)"
    actorId: ID
    actorRole: String
    patientId: ID
    "The service whose audit trail holds the evidence"
    service: String
    occurredAt: String
    "The rule's findings: counts, windows, the stream events it saw (JSON)"
    evidence: String
    status: SecurityAlertStatus
    assigneeId: ID
    raisedAt: String
    updatedAt: String
    steps: [SecurityAlertStep!]
  }

  type SecurityAlertPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    alert: SecurityAlert
  }

  input SecurityAlertsFilter {
    "All statuses when empty"
    statuses: [SecurityAlertStatus!]
    actorId: ID
    patientId: ID
  }

  input TriageSecurityAlertInput {
    alertId: ID!
    status: SecurityAlertStatus!
    "Required when explained: the work reason found"
    note: String
  }

  input AssignSecurityAlertInput {
    alertId: ID!
    assigneeId: ID!
  }

  input AddSecurityAlertNoteInput {
    alertId: ID!
    note: String!
  }

  input SetVipPatientInput {
    patientId: ID!
    vip: Boolean!
  }

  type VipPatientPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
  }

  extend type Query {
    "The officer's alert queue, newest first (at most 200)"
    securityAlerts(filter: SecurityAlertsFilter, first: Int): [SecurityAlert!]!
    securityAlert(id: ID!): SecurityAlert
    "The monitoring rules as configured, each explained in Russian"
    monitoringRules: [MonitoringRule!]!
  }

  extend type Mutation {
    triageSecurityAlert(input: TriageSecurityAlertInput!): SecurityAlertPayload!
    assignSecurityAlert(input: AssignSecurityAlertInput!): SecurityAlertPayload!
    addSecurityAlertNote(input: AddSecurityAlertNoteInput!): SecurityAlertPayload!
    "Every staff access to a VIP patient raises an alert"
    setVipPatient(input: SetVipPatientInput!): VipPatientPayload!
  }

  type Subscription {
    "Alerts as they are raised (security officers)"
    securityAlertRaised: SecurityAlert!
  }
`;
