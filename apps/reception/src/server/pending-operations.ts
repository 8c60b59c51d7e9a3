/**
 * Call-list operations of the schedule's reminders module that the composed supergraph does not
 * contain yet. Sent by the server as text with the session's token; move them into typed
 * documents (src/operations) once `pnpm generate` has composed them.
 */
export const CALL_LIST = {
  operationName: 'CallList',
  query: `query CallList($branchId: ID!, $date: String) {
    callList(branchId: $branchId, date: $date) {
      reason callStatus calledAt
      appointment { id status startsAt patientId patient { id fullName phone } specialist { id displayName } service { id name } }
    }
  }`,
};

export const SET_CALL_STATUS = {
  operationName: 'SetCallStatus',
  query: `mutation SetCallStatus($appointmentId: ID!, $status: CallStatus!) {
    setCallStatus(appointmentId: $appointmentId, status: $status) {
      entry { callStatus calledAt appointment { id } }
      inputErrors { field code message }
    }
  }`,
};
