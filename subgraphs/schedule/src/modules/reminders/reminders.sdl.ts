/** Reminder links and reception's call list. */
export const remindersSdl = /* GraphQL */ `
  enum ReminderAction {
    CONFIRM
    CANCEL
  }

  type ReminderLinkPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    action: ReminderAction
    "Status of the appointment after the action"
    status: AppointmentStatus
    "Local start of the appointment, for the confirmation page"
    startsAt: String @classified(category: "PUBLIC", justification: "Shown only to the holder of the single-use link sent to the patient")
    inputErrors: [InputError!]!
  }

  enum CallListReason {
    NOT_CONFIRMED
    NO_CHANNEL
  }

  enum CallStatus {
    NOT_CALLED
    REACHED
    NOT_REACHED
  }

  type CallListEntry @classified(category: "PUBLIC") {
    appointment: Appointment!
    reason: CallListReason!
    callStatus: CallStatus!
    calledAt: String
  }

  type CallListPayload @classified(category: "PUBLIC") {
    entry: CallListEntry
    inputErrors: [InputError!]!
  }

  extend type Query {
    "Reception: tomorrow's (or the given date's) patients who have not confirmed or cannot be reached"
    callList(branchId: ID!, date: String): [CallListEntry!]!
  }

  extend type Mutation {
    "Uses a confirm/cancel link from a reminder; works without signing in, once"
    useReminderLink(token: String!): ReminderLinkPayload!
    setCallStatus(appointmentId: ID!, status: CallStatus!): CallListPayload!
    "Work e-mail for the doctor's next-day list (never exposed through the API)"
    setSpecialistNotifyEmail(specialistId: ID!, email: String): Boolean!
  }
`;
