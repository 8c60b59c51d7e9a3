import { persisted } from '@medikamente/web-kit/client';
import { graphql } from '@/gql';

// The doctor's laboratory work: ordering from a visit, the specimen's steps, reviewing results
// and critical-value alerts. The lab subgraph decides every field (the ordering doctor, a doctor
// in care); results reach the patient only after the review releases them.

export const LabResultFields = graphql(`
  fragment LabResultFields on LabResult {
    id
    testId
    testName
    kind
    numeric
    unit
    coded
    text
    referenceText
    flag
    flagText
    critical
    partnerComment
    resultedAt
    released
    previous { id numeric resultedAt flag }
  }
`);

export const LabOrderFields = graphql(`
  fragment LabOrderFields on LabOrder {
    id
    patientId
    visitId
    priority
    clinicalNote
    status
    statusReason
    specimenCode
    specimenType
    partnerName
    tests { testId code name unit resulted }
    results { ...LabResultFields }
    reviewComment
    createdAt
    collectedAt
    sentAt
    resultedAt
    releasedAt
  }
`);

export const LabTestsQuery = persisted(
  graphql(`
    query LabTests($search: String) {
      labTests(search: $search) { id code name specimenType unit turnaroundHours partnerName }
    }
  `),
);

export const LabOrdersForVisitQuery = persisted(
  graphql(`
    query LabOrdersForVisit($visitId: ID!) {
      labOrdersForVisit(visitId: $visitId) { ...LabOrderFields }
    }
  `),
);

export const PatientLabOrdersQuery = persisted(
  graphql(`
    query PatientLabOrders($patientId: ID!) {
      labOrders(patientId: $patientId) { ...LabOrderFields }
    }
  `),
);

export const LabOrdersToReviewQuery = persisted(
  graphql(`
    query LabOrdersToReview {
      labOrdersToReview { ...LabOrderFields }
    }
  `),
);

export const LabPatientQuery = persisted(
  graphql(`
    query LabPatient($id: ID!) {
      patient(id: $id) { id fullName birthDate ageYears }
    }
  `),
);

export const OrderLabTestsMutation = persisted(
  graphql(`
    mutation OrderLabTests($input: OrderLabTestsInput!) {
      orderLabTests(input: $input) {
        ok
        inputErrors { field code message }
        orders { id status specimenCode }
      }
    }
  `),
);

export const RecordLabSpecimenStepMutation = persisted(
  graphql(`
    mutation RecordLabSpecimenStep($input: LabSpecimenStepInput!) {
      recordLabSpecimenStep(input: $input) {
        ok
        inputErrors { field code message }
        order { id status collectedAt sentAt }
      }
    }
  `),
);

export const CancelLabOrderMutation = persisted(
  graphql(`
    mutation CancelLabOrder($input: CancelLabOrderInput!) {
      cancelLabOrder(input: $input) {
        ok
        inputErrors { field code message }
        order { id status statusReason }
      }
    }
  `),
);

export const ReviewLabOrderMutation = persisted(
  graphql(`
    mutation ReviewLabOrder($input: ReviewLabOrderInput!) {
      reviewLabOrder(input: $input) {
        ok
        inputErrors { field code message }
        order { id status reviewComment releasedAt }
      }
    }
  `),
);

export const LabAlertFields = graphql(`
  fragment LabAlertFields on LabAlert {
    id
    patientId
    orderId
    flag
    raisedAt
    escalatedAt
    acknowledgedAt
    result { id testName numeric unit coded text flag flagText referenceText }
  }
`);

export const LabAlertsQuery = persisted(
  graphql(`
    query LabAlerts {
      labAlerts { ...LabAlertFields }
    }
  `),
);

export const AcknowledgeLabAlertMutation = persisted(
  graphql(`
    mutation AcknowledgeLabAlert($alertId: ID!) {
      acknowledgeLabAlert(alertId: $alertId) {
        ok
        inputErrors { field code message }
        alert { id acknowledgedAt }
      }
    }
  `),
);

/** Opened by the server's live route (SSE), never by the browser. */
export const LabAlertRaisedSubscription = graphql(`
  subscription ReceptionLabAlertRaised {
    labAlertRaised { ...LabAlertFields }
  }
`);
