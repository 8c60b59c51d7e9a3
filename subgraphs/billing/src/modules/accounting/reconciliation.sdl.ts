export const reconciliationSdl = /* GraphQL */ `
  enum DiscrepancyCode {
    "A captured desk (or online) payment has no fiscal receipt"
    PAYMENT_WITHOUT_RECEIPT
    "A done refund has no return receipt"
    REFUND_WITHOUT_RECEIPT
    "A receipt's total differs from the ledger"
    RECEIPT_SUM_MISMATCH
    "A captured payment or done refund is missing from the ledger or differs from it"
    LEDGER_MISMATCH
    "A payment waits for its receipt (the register did not confirm)"
    PAYMENT_PENDING_FISCAL
    "An online payment authorised by the payer is not captured"
    PAYMENT_NOT_CAPTURED
    "A refund is not finished"
    REFUND_PENDING
    "A shift report's totals differ from our receipts of that shift at their ledger amounts"
    SHIFT_TOTALS_MISMATCH
    "No report of a shift (closed without one, or the register reports another shift)"
    SHIFT_REPORT_MISSING
    "The shift has been open for more than 24 hours"
    SHIFT_EXPIRED
    "The register did not answer for the open shift's report"
    REGISTER_UNAVAILABLE
    "The provider holds a payment (or refund) with no payment of ours behind it"
    PROVIDER_PAYMENT_UNKNOWN
    "The provider took a payment that is not captured on our side"
    PROVIDER_PAYMENT_NOT_CAPTURED
    "The provider's amount differs from ours"
    PROVIDER_AMOUNT_MISMATCH
    "Our captured online payment is not succeeded at the provider"
    PAYMENT_NOT_AT_PROVIDER
    "The day's refunds of an online payment differ between the provider and us"
    PROVIDER_REFUND_MISMATCH
    "The provider did not answer: online payments not reconciled"
    PROVIDER_UNAVAILABLE
  }

  "One thing that does not add up, explained in Russian; references are opaque ids, never a patient"
  type Discrepancy @classified(category: "PUBLIC", justification: "Aggregates and opaque payment ids of a branch's day, no personal data; the operation is for accountants and cashiers") {
    code: DiscrepancyCode!
    message: String!
    paymentId: ID
    refundId: ID
    "The payment provider's payment id"
    providerPaymentId: String
    registerId: String
    shiftNumber: Int
    "What our ledger says, kopecks"
    expectedKopecks: Kopecks
    "What the register, the receipt or the provider says, kopecks"
    actualKopecks: Kopecks
  }

  "The ledger of the day for one payment method"
  type LedgerMethodTotals @classified(category: "PUBLIC", justification: "Sums of a branch's day, no personal data") {
    method: PaymentMethod!
    paymentsCount: Int!
    paymentsKopecks: Kopecks!
    refundsCount: Int!
    refundsKopecks: Kopecks!
    "Payments less refunds"
    netKopecks: Kopecks!
  }

  type ShiftTotals @classified(category: "PUBLIC", justification: "Sums of a register shift, no personal data") {
    sellCashKopecks: Kopecks!
    sellElectronicKopecks: Kopecks!
    returnCashKopecks: Kopecks!
    returnElectronicKopecks: Kopecks!
    receiptCount: Int!
  }

  enum ShiftReportSource {
    "The report taken when the shift was closed"
    CLOSE_REPORT
    "Asked from the register now (the shift is open)"
    LIVE
    "No report"
    NONE
  }

  "A register shift of the day: the register's totals against our receipts of it at their ledger amounts"
  type ReconciledShift @classified(category: "PUBLIC", justification: "Sums of a register shift, no personal data") {
    registerId: String!
    shiftNumber: Int
    open: Boolean!
    openedAt: String!
    closedAt: String
    source: ShiftReportSource!
    report: ShiftTotals
    ledger: ShiftTotals
  }

  "The provider's succeeded payments and refunds of the day belonging to the branch"
  type ProviderSettlement @classified(category: "PUBLIC", justification: "Sums of a day, no personal data") {
    configured: Boolean!
    available: Boolean!
    paymentsCount: Int!
    paymentsKopecks: Kopecks!
    refundsCount: Int!
    refundsKopecks: Kopecks!
  }

  "A branch's day (the clinic's zone): ledger vs register shift reports vs the provider's settlement"
  type Reconciliation @classified(category: "PUBLIC", justification: "Aggregates of a branch's day, no personal data; the operation is for accountants and cashiers") {
    branchId: ID!
    day: String!
    "The branch's desk register (null: none configured)"
    registerId: String
    ledger: [LedgerMethodTotals!]!
    shifts: [ReconciledShift!]!
    settlement: ProviderSettlement!
    discrepancies: [Discrepancy!]!
    "True when nothing is listed"
    balanced: Boolean!
    checkedAt: String!
  }

  extend type Query {
    "The daily reconciliation of a branch (day YYYY-MM-DD in the clinic's zone)"
    reconciliation(branchId: ID!, day: String!): Reconciliation!
  }
`;
