import { persisted } from '@medikamente/web-kit/client';
import { graphql } from '@/gql';

export const SearchPatientsQuery = persisted(
  graphql(`
    query SearchPatients($query: PatientSearchInput!, $after: String) {
      searchPatients(query: $query, first: 20, after: $after) {
        nodes { id fullName phone email birthDate }
        pageInfo { endCursor hasNextPage }
      }
    }
  `),
);

// What the policy gives a receptionist: contacts, identity (documents masked) and social data.
// Health fields (chronicConditions) are not requested: the card shows "нет доступа".
export const PatientCardQuery = persisted(
  graphql(`
    query PatientCard($id: ID!) {
      patient(id: $id) {
        id
        fullName
        phone
        email
        birthDate
        sex
        passport
        snils
        insurancePolicy
        registrationAddress
        homeAddress
        workplace
        consents { id purpose active textVersion givenAt }
      }
    }
  `),
);

export const RegisterPatientMutation = persisted(
  graphql(`
    mutation RegisterPatient($input: PatientInput!, $confirmNotDuplicate: Boolean, $idempotencyKey: String) {
      registerPatient(input: $input, confirmNotDuplicate: $confirmNotDuplicate, idempotencyKey: $idempotencyKey) {
        ok
        inputErrors { field code message }
        patient { id fullName }
        duplicates { id fullName phone birthDate }
      }
    }
  `),
);
