import { persisted } from '@medikamente/web-kit/client';
import { graphql } from '@/gql';

export const MyPatientQuery = persisted(
  graphql(`
    query MyPatient {
      myPatient {
        id
        lastName
        firstName
        middleName
        fullName
        phone
        email
        birthDate
        sex
      }
    }
  `),
);

export const RegisterSelfMutation = persisted(
  graphql(`
    mutation RegisterSelf($input: PatientInput!) {
      registerSelf(input: $input) {
        ok
        inputErrors { field code message }
        patient { id fullName }
      }
    }
  `),
);

export const UpdateContactsMutation = persisted(
  graphql(`
    mutation UpdateMyContacts($id: ID!, $input: PatientUpdateInput!) {
      updatePatient(id: $id, input: $input) {
        ok
        inputErrors { field code message }
        patient { id phone email }
      }
    }
  `),
);

export const ConsentTextsQuery = persisted(
  graphql(`
    query ConsentTexts {
      consentTexts { purpose version title body publishedAt }
    }
  `),
);

export const MyConsentsQuery = persisted(
  graphql(`
    query MyConsents {
      myPatient {
        id
        consents(includeHistory: true) { id purpose textVersion givenAt givenChannel withdrawnAt active }
      }
      consentTexts { purpose version title body publishedAt }
    }
  `),
);

export const GiveConsentMutation = persisted(
  graphql(`
    mutation GiveConsent($patientId: ID!, $purpose: ConsentPurpose!, $textVersion: Int!) {
      giveConsent(patientId: $patientId, purpose: $purpose, textVersion: $textVersion, channel: PORTAL) {
        ok
        inputErrors { field code message }
        consent { id purpose active textVersion }
      }
    }
  `),
);

export const WithdrawConsentMutation = persisted(
  graphql(`
    mutation WithdrawConsent($patientId: ID!, $purpose: ConsentPurpose!) {
      withdrawConsent(patientId: $patientId, purpose: $purpose, channel: PORTAL) {
        ok
        inputErrors { field code message }
        consent { id purpose active withdrawnAt }
      }
    }
  `),
);
