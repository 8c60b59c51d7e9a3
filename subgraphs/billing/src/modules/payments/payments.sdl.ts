export const paymentsSdl = /* GraphQL */ `
  enum PaymentMethod {
    CASH
    CARD
    ONLINE
  }

  enum PaymentStatus {
    "Written; the register has not printed its receipt yet (retried until it does)"
    PENDING_FISCAL
    "Money received and in the ledger"
    CAPTURED
    "The register refused; no money recorded"
    FAILED
    "Online: waiting for the patient at the payment page"
    AWAITING_PAYER
    "Online: authorised, being captured"
    CAPTURING
    "Online: cancelled or released (nothing charged)"
    CANCELED
  }

  type Payment @key(fields: "id") @classified(category: "FINANCIAL") {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID")
    invoiceId: ID
    patientId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the patient; object access is decided per patient")
    method: PaymentMethod
    amountKopecks: Kopecks
    status: PaymentStatus
    statusReason: String
    "Online: where the patient pays"
    confirmationUrl: String
    createdAt: String
    capturedAt: String
    refundedKopecks: Kopecks
    refunds: [Refund!]
    receipts: [Receipt!]
  }

  enum RefundStatus {
    PENDING
    DONE
    FAILED
  }

  type Refund @key(fields: "id") @classified(category: "FINANCIAL") {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID")
    paymentId: ID
    patientId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the patient; object access is decided per patient")
    amountKopecks: Kopecks
    reason: String
    status: RefundStatus
    statusReason: String
    createdAt: String
  }

  enum ReceiptOperation {
    "Sale (tag 1054 = 1)"
    SELL
    "Sale refund (tag 1054 = 2)"
    SELL_RETURN
  }

  "A fiscal receipt as the register printed it (54-FZ, FFD 1.2)"
  type Receipt @key(fields: "id") @classified(category: "FINANCIAL") {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID")
    paymentId: ID
    patientId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the patient; object access is decided per patient")
    operation: ReceiptOperation
    totalKopecks: Kopecks
    cashKopecks: Kopecks
    electronicKopecks: Kopecks
    lines: [ReceiptLine!]
    "Tag 1008: where the electronic receipt was sent"
    customerContact: String
    fiscalDocumentNumber: Int
    "Tag 1077, the fiscal sign"
    fiscalSign: String
    fnNumber: String
    registrationNumber: String
    shiftNumber: Int
    receiptNumber: Int
    fiscalAt: String
  }

  type ReceiptLine @classified(category: "PUBLIC", justification: "A line inside Receipt.lines (FINANCIAL): reachable only through that guarded field") {
    name: String! @classified(category: "PUBLIC", justification: "Name of a service on the price list, not of a person")
    priceKopecks: Kopecks!
    quantity: Int!
    amountKopecks: Kopecks!
    vat: VatRate!
    "Tag 1214"
    paymentMethod: String!
    "Tag 1212"
    paymentObject: String!
  }

  "A register's shift at the desk"
  type FiscalShift @classified(category: "PUBLIC") {
    id: ID!
    registerId: String!
    branchId: ID
    open: Boolean!
    shiftNumber: Int
    openedAt: String!
    closedAt: String
  }

  type FiscalShiftPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    shift: FiscalShift
  }

  input TakeDeskPaymentInput {
    invoiceId: ID!
    method: PaymentMethod!
    amountKopecks: Kopecks!
    "Phone (+7…) or e-mail for the electronic receipt (tag 1008)"
    customerContact: String
    idempotencyKey: String!
  }

  input PayInvoiceOnlineInput {
    invoiceId: ID!
    idempotencyKey: String!
  }

  input RefundPaymentInput {
    paymentId: ID!
    amountKopecks: Kopecks!
    reason: String!
    idempotencyKey: String!
  }

  type PaymentPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    payment: Payment
  }

  type RefundPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    refund: Refund
  }

  extend type Query {
    "The current (or last) shift of the branch's register"
    fiscalShift(branchId: ID!): FiscalShift
  }

  extend type Mutation {
    "Opens the register's shift (the register prints the opening report); expected failures in inputErrors"
    openFiscalShift(branchId: ID!): FiscalShiftPayload!
    "Closes the shift with the register's Z-report"
    closeFiscalShift(branchId: ID!): FiscalShiftPayload!
    takeDeskPayment(input: TakeDeskPaymentInput!): PaymentPayload!
    "Sends a payment waiting for its receipt to the register again (never prints twice)"
    retryPaymentFiscalisation(paymentId: ID!): PaymentPayload!
    payInvoiceOnline(input: PayInvoiceOnlineInput!): PaymentPayload!
    refundPayment(input: RefundPaymentInput!): RefundPayload!
  }
`;
