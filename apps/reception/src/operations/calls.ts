import { persisted } from '@medikamente/web-kit/client';
import { graphql } from '@/gql';

// Reception calls patients, so the contacts are requested; nothing of the visit's content.
export const CallListQuery = persisted(
  graphql(`
    query CallList($branchId: ID!, $date: String) {
      callList(branchId: $branchId, date: $date) {
        reason
        callStatus
        calledAt
        appointment {
          id
          status
          startsAt
          patientId
          patient { id fullName phone }
          specialist { id displayName }
          service { id name }
        }
      }
    }
  `),
);

export const SetCallStatusMutation = persisted(
  graphql(`
    mutation SetCallStatus($appointmentId: ID!, $status: CallStatus!) {
      setCallStatus(appointmentId: $appointmentId, status: $status) {
        entry { callStatus calledAt appointment { id } }
        inputErrors { field code message }
      }
    }
  `),
);
