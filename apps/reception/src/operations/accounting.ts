import { persisted } from '@medikamente/web-kit/client';
import { graphql } from '@/gql';

// The accountant's day: the reconciliation of a branch (ledger vs register shift reports vs the
// provider's settlement), the export to 1C and its EnterpriseData file. Sums and opaque ids only.

export const ReconciliationQuery = persisted(
  graphql(`
    query Reconciliation($branchId: ID!, $day: String!) {
      reconciliation(branchId: $branchId, day: $day) {
        branchId
        day
        registerId
        balanced
        checkedAt
        ledger { method paymentsCount paymentsKopecks refundsCount refundsKopecks netKopecks }
        shifts {
          registerId
          shiftNumber
          open
          openedAt
          closedAt
          source
          report { sellCashKopecks sellElectronicKopecks returnCashKopecks returnElectronicKopecks receiptCount }
          ledger { sellCashKopecks sellElectronicKopecks returnCashKopecks returnElectronicKopecks receiptCount }
        }
        settlement { configured available paymentsCount paymentsKopecks refundsCount refundsKopecks }
        discrepancies {
          code
          message
          paymentId
          refundId
          providerPaymentId
          registerId
          shiftNumber
          expectedKopecks
          actualKopecks
        }
      }
    }
  `),
);

export const OneCExportStatusFields = graphql(`
  fragment OneCExportStatusFields on OneCExportStatus {
    enabled
    fileEnabled
    exported
    failed
    pending
    lastRun { running startedAt finishedAt exported failed }
    failures { kind id attempts lastError nextAttemptAt }
  }
`);

export const OneCExportStatusQuery = persisted(
  graphql(`
    query OneCExportStatus {
      oneCExportStatus { ...OneCExportStatusFields }
    }
  `),
);

export const RunOneCExportMutation = persisted(
  graphql(`
    mutation RunOneCExport {
      runOneCExport {
        ok
        inputErrors { field code message }
        run {
          ran
          reason
          exported
          alreadyExported
          deferred
          failed
          status { ...OneCExportStatusFields }
        }
      }
    }
  `),
);

export const EnterpriseDataExportQuery = persisted(
  graphql(`
    query EnterpriseDataExport($day: String!) {
      enterpriseDataExport(day: $day) { day fileName xml paymentsCount refundsCount }
    }
  `),
);
