import { persisted } from '@medikamente/web-kit/client';
import { graphql } from '@/gql';

export const CatalogQuery = persisted(
  graphql(`
    query Catalog {
      branches { id name address timeZone }
      specialties
    }
  `),
);

export const SpecialistsQuery = persisted(
  graphql(`
    query FindSpecialists($filter: SpecialistFilter) {
      specialists(filter: $filter) {
        id
        displayName
        specialties
        branches { id name timeZone }
      }
    }
  `),
);

export const SpecialistQuery = persisted(
  graphql(`
    query Specialist($id: ID!) {
      specialist(id: $id) {
        id
        displayName
        specialties
        branches { id name address timeZone settings { holdMinutes horizonDays } }
        services { id name specialty durationMinutes }
      }
    }
  `),
);

export const FreeSlotsQuery = persisted(
  graphql(`
    query FreeSlots($input: FreeSlotsInput!) {
      freeSlots(input: $input) {
        specialistId
        branchId
        startsAt
        endsAt
        branch { id name timeZone }
      }
    }
  `),
);

export const HoldSlotMutation = persisted(
  graphql(`
    mutation HoldSlot($input: BookingInput!) {
      holdSlot(input: $input) {
        appointment {
          id
          status
          startsAt
          endsAt
          holdExpiresAt
          specialist { id displayName }
          branch { id name address timeZone }
          service { id name }
        }
        inputErrors { field code message }
        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }
      }
    }
  `),
);

export const ConfirmHoldMutation = persisted(
  graphql(`
    mutation ConfirmHold($appointmentId: ID!, $idempotencyKey: String!) {
      confirmHold(appointmentId: $appointmentId, idempotencyKey: $idempotencyKey) {
        appointment { id status startsAt }
        inputErrors { field code message }
        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }
      }
    }
  `),
);

export const MyAppointmentsQuery = persisted(
  graphql(`
    query MyAppointments($period: AppointmentPeriod!) {
      myAppointments(period: $period) {
        id
        status
        startsAt
        endsAt
        specialistId
        serviceId
        branchId
        cancelledLate
        specialist { id displayName }
        branch { id name address timeZone settings { lateCancelHours } }
        service { id name }
      }
    }
  `),
);

export const AppointmentQuery = persisted(
  graphql(`
    query MyAppointment($id: ID!) {
      appointment(id: $id) {
        id
        status
        startsAt
        endsAt
        specialistId
        serviceId
        branchId
        specialist { id displayName }
        branch { id name address timeZone }
        service { id name }
      }
    }
  `),
);

export const RescheduleMutation = persisted(
  graphql(`
    mutation Reschedule($input: RescheduleInput!) {
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
    mutation CancelAppointment($input: CancelInput!) {
      cancelAppointment(input: $input) {
        appointment { id status cancelledLate }
        inputErrors { field code message }
      }
    }
  `),
);

export const ConfirmAppointmentMutation = persisted(
  graphql(`
    mutation ConfirmAppointment($appointmentId: ID!) {
      confirmAppointment(appointmentId: $appointmentId) {
        appointment { id status }
        inputErrors { field code message }
      }
    }
  `),
);
