/**
 * Appointments: hold, book, reschedule, cancel, check in. An appointment belongs to its patient
 * (a data subject); which specialist a patient sees, and when, is HEALTH data. Reception reads
 * the journal through the `appointmentSummary` tag; the patient's own comment (the reason for
 * the visit) is HEALTH without that tag.
 */
export const bookingSdl = /* GraphQL */ `
  type Patient @key(fields: "id", resolvable: false) {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID; object access is decided per patient")
  }

  enum AppointmentStatus {
    HELD
    BOOKED
    CONFIRMED
    CHECKED_IN
    COMPLETED
    NO_SHOW
    CANCELLED
  }

  enum AppointmentSource {
    PORTAL
    RECEPTION
    REMINDER
  }

  type Appointment @key(fields: "id") @classified(category: "HEALTH", tags: ["appointmentSummary"]) {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID; object access is decided per patient")
    patientId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the patient; the patient's data is authorised by the patient subgraph")
    "The patient (resolved and authorised by the patient subgraph)"
    patient: Patient! @classified(category: "PUBLIC", justification: "Entity reference only; every Patient field is authorised by the patient subgraph")
    specialistId: ID
    specialist: Specialist
    branchId: ID
    branch: Branch
    serviceId: ID
    service: Service
    roomId: ID
    room: Room
    "ISO 8601 with the branch's offset"
    startsAt: String
    endsAt: String
    status: AppointmentStatus
    "Until when a held slot is kept (HELD only)"
    holdExpiresAt: String
    source: AppointmentSource
    "Reason for the visit in the patient's words"
    patientComment: String @classified(category: "HEALTH")
    cancelReason: String
    "Cancelled closer to the start than the branch's late-cancel window"
    cancelledLate: Boolean
    overbooked: Boolean
    overbookReason: String
    confirmedAt: String
    checkedInAt: String
    createdAt: String
  }

  input BookingInput {
    specialistId: ID!
    branchId: ID!
    serviceId: ID!
    "ISO 8601 with offset, or local YYYY-MM-DDTHH:MM in the branch's zone"
    startsAt: String!
    "Required when staff book on a patient's behalf; a patient books for themselves"
    patientId: ID
    patientComment: String
    "Books into an occupied or off-template time; needs the overbook permission"
    overbookReason: String
    "Retrying with the same key returns the first result instead of booking twice"
    idempotencyKey: String!
  }

  input RescheduleInput {
    appointmentId: ID!
    startsAt: String!
    "Move to another doctor or branch (defaults: the current ones)"
    specialistId: ID
    branchId: ID
    idempotencyKey: String!
  }

  input CancelInput {
    appointmentId: ID!
    reason: String!
    idempotencyKey: String!
  }

  type AppointmentPayload @classified(category: "PUBLIC") {
    appointment: Appointment
    inputErrors: [InputError!]!
    "When the slot was taken: the nearest free slots of the same doctor and service"
    alternatives: [Slot!]!
  }

  enum AppointmentPeriod {
    UPCOMING
    PAST
  }

  extend type Query {
    appointment(id: ID!): Appointment
    "The signed-in patient's appointments"
    myAppointments(period: AppointmentPeriod = UPCOMING): [Appointment!]!
    "The signed-in doctor's appointments between two local dates (inclusive)"
    doctorSchedule(from: String!, to: String!): [Appointment!]!
    "Reception: a branch's appointments on a local date, cancelled ones included"
    branchJournal(branchId: ID!, date: String!): [Appointment!]!
  }

  extend type Mutation {
    holdSlot(input: BookingInput!): AppointmentPayload!
    confirmHold(appointmentId: ID!, idempotencyKey: String!): AppointmentPayload!
    bookAppointment(input: BookingInput!): AppointmentPayload!
    rescheduleAppointment(input: RescheduleInput!): AppointmentPayload!
    cancelAppointment(input: CancelInput!): AppointmentPayload!
    "The patient (or reception on their behalf) confirms they will come"
    confirmAppointment(appointmentId: ID!): AppointmentPayload!
    checkInAppointment(appointmentId: ID!): AppointmentPayload!
    markNoShow(appointmentId: ID!): AppointmentPayload!
    completeAppointment(appointmentId: ID!): AppointmentPayload!
  }
`;
