import { persisted } from '@medikamente/web-kit/client';
import { graphql } from '@/gql';

// The security officer's privacy monitoring (security subgraph): the alert queue with triage,
// the monitoring rules, the central audit trail across services. The subgraph admits the
// security officer only; every other role is refused there.

export const SecurityAlertFields = graphql(`
  fragment SecurityAlertFields on SecurityAlert {
    id
    rule
    ruleTitle
    severity
    actorId
    actorRole
    patientId
    service
    occurredAt
    status
    assigneeId
    raisedAt
    updatedAt
  }
`);

export const SecurityAlertsQuery = persisted(
  graphql(`
    query SecurityAlerts($filter: SecurityAlertsFilter, $first: Int) {
      securityAlerts(filter: $filter, first: $first) { ...SecurityAlertFields }
    }
  `),
);

export const SecurityAlertQuery = persisted(
  graphql(`
    query SecurityAlert($id: ID!) {
      securityAlert(id: $id) {
        ...SecurityAlertFields
        explanation
        evidence
        steps { step accountId status assigneeId note at }
      }
    }
  `),
);

export const SecurityAlertRaisedSubscription = persisted(
  graphql(`
    subscription SecurityAlertRaised {
      securityAlertRaised { ...SecurityAlertFields }
    }
  `),
);

export const TriageSecurityAlertMutation = persisted(
  graphql(`
    mutation TriageSecurityAlert($input: TriageSecurityAlertInput!) {
      triageSecurityAlert(input: $input) {
        ok
        inputErrors { field code message }
        alert { id status assigneeId updatedAt }
      }
    }
  `),
);

export const AssignSecurityAlertMutation = persisted(
  graphql(`
    mutation AssignSecurityAlert($input: AssignSecurityAlertInput!) {
      assignSecurityAlert(input: $input) {
        ok
        inputErrors { field code message }
        alert { id status assigneeId updatedAt }
      }
    }
  `),
);

export const AddSecurityAlertNoteMutation = persisted(
  graphql(`
    mutation AddSecurityAlertNote($input: AddSecurityAlertNoteInput!) {
      addSecurityAlertNote(input: $input) {
        ok
        inputErrors { field code message }
        alert { id status assigneeId updatedAt }
      }
    }
  `),
);

export const MonitoringRulesQuery = persisted(
  graphql(`
    query MonitoringRules {
      monitoringRules { id title explanation severity enabled parameters }
    }
  `),
);

export const AuditRecordsQuery = persisted(
  graphql(`
    query AuditRecords($filter: AuditRecordsFilter!, $first: Int, $before: ID) {
      auditRecords(filter: $filter, first: $first, before: $before) {
        streamId
        service
        seq
        occurredAt
        subtype
        actorId
        actorRole
        patientId
        categories
        operation
        requestId
        clientAddress
        purpose
      }
    }
  `),
);

export const ChainVerificationFields = graphql(`
  fragment ChainVerificationFields on AuditChainVerification {
    service
    checkedAt
    result
    checkedEvents
    brokenAtSeq
    reason
  }
`);

export const AuditChainStatusQuery = persisted(
  graphql(`
    query AuditChainStatus {
      auditChainStatus {
        service
        lastSeq
        lastPulledAt
        lagSeconds
        failures
        lastErrorCode
        halted
        haltedReason
        haltedAtSeq
        lastCheckpointSeq
        lastCheckpointAt
        lastVerification { ...ChainVerificationFields }
      }
    }
  `),
);

export const VerifyAuditChainsMutation = persisted(
  graphql(`
    mutation VerifyAuditChains($input: VerifyAuditChainsInput) {
      verifyAuditChains(input: $input) {
        ok
        inputErrors { field code message }
        results { ...ChainVerificationFields }
      }
    }
  `),
);

/** The clinic's staff accounts (names masked for the officer by policy): who an actor id is. */
export const StaffAccountsQuery = persisted(
  graphql(`
    query StaffAccounts {
      staffAccounts { id displayName role dismissedAt }
    }
  `),
);
