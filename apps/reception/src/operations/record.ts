import { persisted } from '@medikamente/web-kit/client';
import { graphql } from '@/gql';

// The doctor's workplace. Every field below is decided by the record and patient subgraphs:
// a doctor in care (or by break-glass) gets the clinical content, anyone else FORBIDDEN or null.

export const DoctorTodayQuery = persisted(
  graphql(`
    query DoctorToday($from: String!, $to: String!) {
      doctorSchedule(from: $from, to: $to) {
        id
        status
        startsAt
        endsAt
        patientId
        branchId
        patient { id fullName birthDate }
        service { id name }
        branch { id name timeZone }
      }
    }
  `),
);

/** Clinic directory: branch zones and doctors' names by account (visits name their author by account id). */
export const StaffDirectoryQuery = persisted(
  graphql(`
    query StaffDirectory {
      branches { id name timeZone }
      specialists { id accountId displayName specialties }
    }
  `),
);

export const RecordAccessQuery = persisted(
  graphql(`
    query RecordAccess($patientId: ID!) {
      recordAccess(patientId: $patientId) { patientId level breakGlassAvailable breakGlassUntil }
    }
  `),
);

// Demographics as the policy gives them to the doctor: in full with a care relationship, masked
// or FORBIDDEN (shown "нет доступа") without one.
export const DoctorPatientQuery = persisted(
  graphql(`
    query DoctorPatient($id: ID!) {
      patient(id: $id) {
        id
        fullName
        birthDate
        ageYears
        sex
        phone
        email
        insurancePolicy
        chronicConditions
      }
    }
  `),
);

export const VisitVersionFields = graphql(`
  fragment VisitVersionFields on VisitVersion {
    id
    number
    status
    reason
    replacesVersionId
    signedBy
    signedAt
    contentHash
    complaints
    anamnesis
    examination
    diagnoses { code title kind certainty }
    conclusion
    recommendations
    prescriptions { drug form dose route frequency duration instructions }
    referrals { kind target note }
  }
`);

export const VisitFields = graphql(`
  fragment VisitFields on Visit {
    id
    patientId
    appointmentId
    doctorAccountId
    branchId
    startedAt
    status
    current { ...VisitVersionFields }
    versions { ...VisitVersionFields }
    addenda { id text signedBy signedAt }
  }
`);

export const PatientVisitsQuery = persisted(
  graphql(`
    query PatientVisits($patientId: ID!) {
      visits(patientId: $patientId) { ...VisitFields }
    }
  `),
);

export const VisitDraftFields = graphql(`
  fragment VisitDraftFields on VisitDraft {
    id
    visitId
    kind
    replacesVersionId
    revision
    updatedAt
    complaints
    anamnesis
    examination
    diagnoses { code title kind certainty }
    conclusion
    recommendations
    prescriptions { drug form dose route frequency duration instructions }
    referrals { kind target note }
  }
`);

export const VisitWorkQuery = persisted(
  graphql(`
    query VisitWork($visitId: ID!) {
      visit(id: $visitId) { ...VisitFields }
      myVisitDraft(visitId: $visitId) { ...VisitDraftFields }
    }
  `),
);

export const VisitForAppointmentQuery = persisted(
  graphql(`
    query VisitForAppointment($appointmentId: ID!) {
      visitForAppointment(appointmentId: $appointmentId) { id patientId status }
    }
  `),
);

export const Icd10SearchQuery = persisted(
  graphql(`
    query Icd10Search($query: String!) {
      icd10Search(query: $query, first: 12) { code title }
    }
  `),
);

export const OpenVisitMutation = persisted(
  graphql(`
    mutation OpenVisit($input: OpenVisitInput!) {
      openVisit(input: $input) {
        ok
        inputErrors { field code message }
        visit { id patientId status }
      }
    }
  `),
);

export const SaveVisitDraftMutation = persisted(
  graphql(`
    mutation SaveVisitDraft($input: SaveVisitDraftInput!) {
      saveVisitDraft(input: $input) {
        ok
        inputErrors { field code message }
        draft { id revision updatedAt diagnoses { code title kind certainty } }
      }
    }
  `),
);

export const SignVisitMutation = persisted(
  graphql(`
    mutation SignVisit($input: SignVisitInput!) {
      signVisit(input: $input) {
        ok
        inputErrors { field code message }
        version { id number status signedAt }
      }
    }
  `),
);

export const StartVisitCorrectionMutation = persisted(
  graphql(`
    mutation StartVisitCorrection($input: VisitRefInput!) {
      startVisitCorrection(input: $input) {
        ok
        inputErrors { field code message }
        draft { id revision }
      }
    }
  `),
);

export const DiscardVisitDraftMutation = persisted(
  graphql(`
    mutation DiscardVisitDraft($input: VisitRefInput!) {
      discardVisitDraft(input: $input) {
        ok
        inputErrors { field code message }
        visit { id status }
      }
    }
  `),
);

export const AddVisitAddendumMutation = persisted(
  graphql(`
    mutation AddVisitAddendum($input: AddVisitAddendumInput!) {
      addVisitAddendum(input: $input) {
        ok
        inputErrors { field code message }
        visit { id }
      }
    }
  `),
);

export const MarkVisitEnteredInErrorMutation = persisted(
  graphql(`
    mutation MarkVisitEnteredInError($input: MarkVisitEnteredInErrorInput!) {
      markVisitEnteredInError(input: $input) {
        ok
        inputErrors { field code message }
        version { id status }
      }
    }
  `),
);

export const BreakGlassMutation = persisted(
  graphql(`
    mutation BreakGlass($input: BreakGlassInput!) {
      breakGlass(input: $input) {
        ok
        inputErrors { field code message }
        expiresAt
      }
    }
  `),
);
