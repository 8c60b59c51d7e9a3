/** Live appointment events over graphql-ws, authorised per event. */
export const liveSdl = /* GraphQL */ `
  type AppointmentEvent @classified(category: "PUBLIC") {
    "appointment.held, appointment.booked, appointment.confirmed, appointment.rescheduled, appointment.cancelled, appointment.checked_in, appointment.no_show, appointment.completed, appointment.expired"
    type: String!
    appointmentId: ID!
    branchId: ID!
    occurredAt: String!
    "The appointment as the subscriber may see it"
    appointment: Appointment
  }

  type Subscription {
    "Reception: a branch's events (branchId required); a doctor: their own; a patient: their own"
    appointmentEvents(branchId: ID): AppointmentEvent!
  }
`;
