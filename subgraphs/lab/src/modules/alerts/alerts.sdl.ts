/**
 * Critical-value alerts: raised for the ordering doctor at once (live + notification), escalated to
 * a configured colleague when not acknowledged in time; every step recorded.
 */
export const alertsSdl = /* GraphQL */ `
  "One recorded step of an alert: RAISED, NOTIFIED, ESCALATED, ACKNOWLEDGED"
  type LabAlertStep @classified(category: "PUBLIC", justification: "A step of a critical-value alert; reachable only through LabAlert.steps (HEALTH)") {
    step: String!
    accountId: ID
    at: String!
  }

  type LabAlert @key(fields: "id") @classified(category: "HEALTH", tags: ["labResult"]) {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID; object access is decided per patient")
    patientId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the patient; object access is decided per patient")
    orderId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the order; the order is guarded itself")
    result: LabResult
    flag: LabFlag
    "The doctor the alert is for (the ordering doctor)"
    doctorAccountId: ID
    raisedAt: String
    escalatedTo: ID
    escalatedAt: String
    acknowledgedBy: ID
    acknowledgedAt: String
    steps: [LabAlertStep!]
  }

  type LabAlertPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    alert: LabAlert
  }

  extend type Query {
    "Critical alerts for the caller (raised for them or escalated to them); open ones only by default"
    labAlerts(includeAcknowledged: Boolean): [LabAlert!]!
  }

  extend type Mutation {
    acknowledgeLabAlert(alertId: ID!): LabAlertPayload!
  }

  type Subscription {
    "Critical alerts raised for or escalated to the calling doctor, as they happen"
    labAlertRaised: LabAlert!
  }
`;
