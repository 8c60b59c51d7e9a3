export const invoicesSdl = /* GraphQL */ `
  enum InvoiceSource {
    "A completed appointment of the schedule"
    APPOINTMENT
    "A lab order"
    LAB_ORDER
    "Written by the desk"
    DESK
  }

  enum InvoiceStatus {
    UNPAID
    PARTIALLY_PAID
    PAID
    "What it billed was cancelled before anything was paid: the charge is reversed, nothing is owed"
    CANCELLED
  }

  enum InvoiceCancellationOutcome {
    "Nothing was paid: the charge was reversed in the ledger (status CANCELLED)"
    REVERSED
    "Money was paid (or a payment was on its way): nothing reversed; the cashier decides with the patient whether to refund (refundPayment)"
    REFUND_DECISION_NEEDED
  }

  "What billed the invoice was cancelled (a lab order cancelled by the lab), and what billing made of it"
  type InvoiceCancellation @classified(category: "PUBLIC", justification: "Inside Invoice.cancellation (FINANCIAL): reachable only through that guarded field") {
    outcome: InvoiceCancellationOutcome!
    "Why, in Russian"
    reason: String!
    cancelledAt: String!
  }

  "A patient's invoice; its sums come from the append-only ledger (balance = charges − payments + refunds)"
  type Invoice @key(fields: "id") @classified(category: "FINANCIAL") {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID")
    number: String
    patientId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the patient; object access is decided per patient")
    branchId: ID
    source: InvoiceSource
    sourceId: ID
    createdAt: String
    lines: [InvoiceLine!]
    "Charged total (the lines), kopecks"
    totalKopecks: Kopecks
    "Charges taken back by a reversal (what it billed was cancelled unpaid), kopecks"
    reversedKopecks: Kopecks
    paidKopecks: Kopecks
    refundedKopecks: Kopecks
    "What the patient still owes (charges − reversals − payments + refunds), kopecks"
    balanceKopecks: Kopecks
    status: InvoiceStatus
    "Set when what the invoice bills was cancelled; REFUND_DECISION_NEEDED waits for the cashier"
    cancellation: InvoiceCancellation
    payments: [Payment!]
  }

  type InvoiceLine @classified(category: "PUBLIC", justification: "A line inside Invoice.lines (FINANCIAL): reachable only through that guarded field") {
    lineNo: Int!
    priceItemId: ID
    name: String! @classified(category: "PUBLIC", justification: "Name of a service on the price list, not of a person")
    unitPriceKopecks: Kopecks!
    quantity: Int!
    discountKopecks: Kopecks!
    discountReason: String
    amountKopecks: Kopecks!
    vat: VatRate!
  }

  input InvoiceLineInput {
    priceItemId: ID!
    quantity: Int! = 1
    discountKopecks: Kopecks! = 0
    "Required with a discount"
    discountReason: String
  }

  input CreateInvoiceInput {
    patientId: ID!
    branchId: ID!
    lines: [InvoiceLineInput!]!
    "A retry with the same key returns the same invoice"
    idempotencyKey: String!
  }

  type InvoicePayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    invoice: Invoice
  }

  extend type Query {
    "A patient's invoices, newest first"
    invoices(patientId: ID!): [Invoice!]!
    invoice(id: ID!): Invoice
    "The calling patient's invoices"
    myInvoices: [Invoice!]!
    "A branch's invoices of a day (YYYY-MM-DD, the clinic's zone)"
    branchInvoices(branchId: ID!, day: String!): [Invoice!]!
    "Cancelled invoices (e.g. a lab order cancelled) on which money is still kept, oldest first: the cashier decides on a refund; of a branch, or all"
    invoicesAwaitingRefundDecision(branchId: ID): [Invoice!]!
  }

  extend type Mutation {
    createInvoice(input: CreateInvoiceInput!): InvoicePayload!
  }
`;
