import { persisted } from '@medikamente/web-kit/client';
import { graphql } from '@/gql';

// The patient's own laboratory results: the lab subgraph returns a result to the patient only
// once the ordering doctor released it (orders in work come without results).
export const MyLabOrdersQuery = persisted(
  graphql(`
    query MyLabOrders {
      myLabOrders {
        id
        patientId
        status
        createdAt
        releasedAt
        reviewComment
        tests { testId name }
        results {
          id
          testId
          testName
          kind
          numeric
          unit
          coded
          text
          referenceText
          referenceRange { low high }
          flag
          flagText
          resultedAt
          released
        }
      }
    }
  `),
);

export const LabResultHistoryQuery = persisted(
  graphql(`
    query LabResultHistory($patientId: ID!, $testId: ID!) {
      labResultHistory(patientId: $patientId, testId: $testId) {
        id
        numeric
        unit
        flag
        resultedAt
        referenceText
        referenceRange { low high }
        released
      }
    }
  `),
);
