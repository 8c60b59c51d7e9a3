import { persisted } from '@medikamente/web-kit/client';
import { graphql } from '@/gql';

// The patient's own record: signed versions only (the record subgraph never returns drafts or
// versions entered in error to a patient). What a patient reads of a visit: the conclusion,
// diagnoses, recommendations, prescriptions and referrals.
export const MyRecordQuery = persisted(
  graphql(`
    query MyRecord {
      myRecord {
        id
        startedAt
        branchId
        doctorAccountId
        current {
          id
          number
          status
          reason
          signedAt
          diagnoses { code title kind certainty }
          conclusion
          recommendations
          prescriptions { drug form dose route frequency duration instructions }
          referrals { kind target note }
        }
        addenda { id text signedAt }
      }
      branches { id name timeZone }
      specialists { id accountId displayName specialties }
    }
  `),
);

// Server-only (the portal's PDF route): a link to the visit summary that works only with the
// session's bearer token; the browser never receives it.
export const RequestVisitPdfDocument = graphql(`
  mutation RequestVisitPdf($input: RequestDownloadInput!) {
    requestDownload(input: $input) {
      ok
      inputErrors { field code message }
      link { url expiresAt }
    }
  }
`);
