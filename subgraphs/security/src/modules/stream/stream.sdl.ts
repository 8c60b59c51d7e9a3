export const streamSdl = /* GraphQL */ `
  "Outcome of a chain check"
  enum AuditChainResult {
    "The chain holds everything copied and checkpointed, unchanged"
    VERIFIED
    "Tampering detected (see reason)"
    TAMPERED
    "The source did not answer: not verified (an outage, not tampering)"
    UNVERIFIED
  }

  "Why a chain check failed"
  enum AuditChainReason {
    "Events copied or checkpointed are gone from the end of the chain"
    TRUNCATED
    "An event's content or hash differs from the copy or the checkpoint"
    ALTERED
    "An event is missing inside the chain"
    GAP
    "The source did not answer"
    UNREACHABLE
  }

  "One check of a service's audit chain"
  type AuditChainVerification @classified(category: "PUBLIC", justification: "A service name, sequence numbers, counts and a reason code: no personal data; the operations are the security officer's") {
    service: String!
    checkedAt: String!
    result: AuditChainResult!
    "Events compared with the copy"
    checkedEvents: Int!
    "Where the chain broke"
    brokenAtSeq: Int
    reason: AuditChainReason
  }

  "A service whose audit chain the stream copies"
  type AuditSourceStatus @classified(category: "PUBLIC", justification: "A service name, sequence numbers, times, counts and error codes: no personal data; the operations are the security officer's") {
    service: String!
    "Sequence number of the last copied event (0: none yet)"
    lastSeq: Int!
    lastPulledAt: String
    "Seconds since the last successful pull (null: never pulled)"
    lagSeconds: Int
    "Failed pulls in a row (the source is retried with backoff)"
    failures: Int!
    "Why the last pull failed (UNREACHABLE, TIMEOUT, HTTP_503, …)"
    lastErrorCode: String
    "Copying stopped at a break of the chain, until the officer has examined it"
    halted: Boolean!
    haltedReason: AuditChainReason
    haltedAtSeq: Int
    lastCheckpointSeq: Int
    lastCheckpointAt: String
    lastVerification: AuditChainVerification
  }

  input VerifyAuditChainsInput {
    "Services to verify (default: every source)"
    services: [String!]
  }

  type VerifyAuditChainsPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    results: [AuditChainVerification!]!
  }

  extend type Query {
    "Every audit source: what was copied, when, failures, the last verification"
    auditChainStatus: [AuditSourceStatus!]!
  }

  extend type Mutation {
    "Verifies the audit chains now against the copies and the checkpoints"
    verifyAuditChains(input: VerifyAuditChainsInput): VerifyAuditChainsPayload!
  }
`;
