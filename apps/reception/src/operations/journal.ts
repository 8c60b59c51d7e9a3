import { persisted } from '@medikamente/web-kit/client';
import { graphql } from '@/gql';

// Reception sees an appointment's time, doctor, service and status (appointmentSummary) and the
// patient's contacts; the patient's own comment and health data are not requested.
export const JournalQuery = persisted(
  graphql(`
    query BranchJournal($branchId: ID!, $date: String!) {
      branchJournal(branchId: $branchId, date: $date) {
        id
        status
        startsAt
        endsAt
        source
        overbooked
        cancelledLate
        confirmedAt
        checkedInAt
        specialistId
        serviceId
        patientId
        patient { id fullName phone }
        service { id name }
      }
    }
  `),
);

export const AppointmentQuery = persisted(
  graphql(`
    query ReceptionAppointment($id: ID!) {
      appointment(id: $id) {
        id
        status
        startsAt
        endsAt
        specialistId
        serviceId
        branchId
        patientId
        patient { id fullName phone }
        specialist { id displayName }
        service { id name }
        branch { id name timeZone }
      }
    }
  `),
);

export const BookMutation = persisted(
  graphql(`
    mutation ReceptionBook($input: BookingInput!) {
      bookAppointment(input: $input) {
        appointment { id status startsAt }
        inputErrors { field code message }
        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }
      }
    }
  `),
);

export const RescheduleMutation = persisted(
  graphql(`
    mutation ReceptionReschedule($input: RescheduleInput!) {
      rescheduleAppointment(input: $input) {
        appointment { id status startsAt }
        inputErrors { field code message }
        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }
      }
    }
  `),
);

export const CancelMutation = persisted(
  graphql(`
    mutation ReceptionCancel($input: CancelInput!) {
      cancelAppointment(input: $input) {
        appointment { id status }
        inputErrors { field code message }
      }
    }
  `),
);

export const ConfirmMutation = persisted(
  graphql(`
    mutation ReceptionConfirm($appointmentId: ID!) {
      confirmAppointment(appointmentId: $appointmentId) {
        appointment { id status }
        inputErrors { field code message }
      }
    }
  `),
);

export const CheckInMutation = persisted(
  graphql(`
    mutation ReceptionCheckIn($appointmentId: ID!) {
      checkInAppointment(appointmentId: $appointmentId) {
        appointment { id status }
        inputErrors { field code message }
      }
    }
  `),
);

export const NoShowMutation = persisted(
  graphql(`
    mutation ReceptionNoShow($appointmentId: ID!) {
      markNoShow(appointmentId: $appointmentId) {
        appointment { id status }
        inputErrors { field code message }
      }
    }
  `),
);

/** Opened by the server's live route (SSE), never by the browser. */
export const AppointmentEventsSubscription = graphql(`
  subscription ReceptionAppointmentEvents($branchId: ID!) {
    appointmentEvents(branchId: $branchId) {
      type
      appointmentId
      branchId
      occurredAt
      appointment { id status startsAt specialistId }
    }
  }
`);
