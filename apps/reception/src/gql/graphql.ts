/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AccountRole =
  | 'accountant'
  | 'analyst'
  | 'cashier'
  | 'doctor'
  | 'it_admin'
  | 'patient'
  | 'receptionist'
  | 'security_officer';

export type AddSecurityAlertNoteInput = {
  alertId: string;
  note: string;
};

export type AddVisitAddendumInput = {
  idempotencyKey: string;
  text: string;
  visitId: string;
};

export type AppointmentSource =
  | 'PORTAL'
  | 'RECEPTION'
  | 'REMINDER';

export type AppointmentStatus =
  | 'BOOKED'
  | 'CANCELLED'
  | 'CHECKED_IN'
  | 'COMPLETED'
  | 'CONFIRMED'
  | 'HELD'
  | 'NO_SHOW';

export type AssignSecurityAlertInput = {
  alertId: string;
  assigneeId: string;
};

/** Why a chain check failed */
export type AuditChainReason =
  /** An event's content or hash differs from the copy or the checkpoint */
  | 'ALTERED'
  /** An event is missing inside the chain */
  | 'GAP'
  /** Events copied or checkpointed are gone from the end of the chain */
  | 'TRUNCATED'
  /** The source did not answer */
  | 'UNREACHABLE';

/** Outcome of a chain check */
export type AuditChainResult =
  /** Tampering detected (see reason) */
  | 'TAMPERED'
  /** The source did not answer: not verified (an outage, not tampering) */
  | 'UNVERIFIED'
  /** The chain holds everything copied and checkpointed, unchanged */
  | 'VERIFIED';

export type AuditRecordsFilter = {
  actorId?: string | null | undefined;
  category?: string | null | undefined;
  /** ISO date-time, inclusive */
  from?: string | null | undefined;
  patientId?: string | null | undefined;
  service?: string | null | undefined;
  /** ISO date-time, exclusive */
  to?: string | null | undefined;
};

export type BookingInput = {
  branchId: string;
  /** Retrying with the same key returns the first result instead of booking twice */
  idempotencyKey: string;
  /** Books into an occupied or off-template time; needs the overbook permission */
  overbookReason?: string | null | undefined;
  patientComment?: string | null | undefined;
  /** Required when staff book on a patient's behalf; a patient books for themselves */
  patientId?: string | null | undefined;
  serviceId: string;
  specialistId: string;
  /** ISO 8601 with offset, or local YYYY-MM-DDTHH:MM in the branch's zone */
  startsAt: string;
};

export type BreakGlassInput = {
  patientId: string;
  /** Why the record must be opened without a care relationship (audited, reviewed by security) */
  reason: string;
};

export type CallListReason =
  | 'NOT_CONFIRMED'
  | 'NO_CHANNEL';

export type CallStatus =
  | 'NOT_CALLED'
  | 'NOT_REACHED'
  | 'REACHED';

export type CancelInput = {
  appointmentId: string;
  idempotencyKey: string;
  reason: string;
};

export type CancelLabOrderInput = {
  orderId: string;
  reason: string;
};

export type ConsentPurpose =
  | 'ANALYTICS'
  | 'LAB_SHARING'
  | 'MARKETING'
  | 'PORTAL_ACCOUNT'
  | 'TREATMENT';

export type ContractAcceptanceChannel =
  | 'DESK'
  | 'PORTAL';

export type ContractDocumentInput = {
  /** YYYY-MM-DD */
  issuedAt?: string | null | undefined;
  issuedBy?: string | null | undefined;
  /** e.g. «Паспорт гражданина Российской Федерации» */
  kind: string;
  seriesNumber: string;
};

export type ContractPersonInput = {
  /** Place of residence */
  address: string;
  /** YYYY-MM-DD */
  birthDate?: string | null | undefined;
  document: ContractDocumentInput;
  fullName: string;
  phone: string;
};

export type ContractRepresentativeInput = {
  address: string;
  /** The document that makes them the legal representative */
  basis: string;
  birthDate?: string | null | undefined;
  document: ContractDocumentInput;
  fullName: string;
  phone: string;
};

export type ContractServiceInput = {
  priceItemId: string;
  quantity?: number;
};

export type ContractStatus =
  /** Accepted by the patient in the portal */
  | 'ACCEPTED'
  /** Made at the desk, not concluded yet */
  | 'DRAFT'
  /** Signed on paper at the desk */
  | 'SIGNED';

export type CreateContractInput = {
  branchId: string;
  city?: string | null | undefined;
  /** A retry with the same key returns the same contract */
  idempotencyKey: string;
  /** The patient (потребитель) */
  patient: ContractPersonInput;
  patientId: string;
  /** Who pays, when not the patient (заказчик) */
  payer?: ContractPersonInput | null | undefined;
  /** Conditions and waiting times of the services; a general default when absent */
  provisionTerms?: string | null | undefined;
  /** The legal representative of a minor or incapacitated patient */
  representative?: ContractRepresentativeInput | null | undefined;
  services: Array<ContractServiceInput>;
};

export type CreateInvoiceInput = {
  branchId: string;
  /** A retry with the same key returns the same invoice */
  idempotencyKey: string;
  lines: Array<InvoiceLineInput>;
  patientId: string;
};

export type DiagnosisCertainty =
  | 'CONFIRMED'
  | 'PROVISIONAL';

export type DiagnosisInput = {
  certainty: DiagnosisCertainty;
  code: string;
  kind: DiagnosisKind;
};

export type DiagnosisKind =
  | 'COMPLICATION'
  | 'PRIMARY'
  | 'SECONDARY';

export type DiscrepancyCode =
  /** A captured payment or done refund is missing from the ledger or differs from it */
  | 'LEDGER_MISMATCH'
  /** Our captured online payment is not succeeded at the provider */
  | 'PAYMENT_NOT_AT_PROVIDER'
  /** An online payment authorised by the payer is not captured */
  | 'PAYMENT_NOT_CAPTURED'
  /** A payment waits for its receipt (the register did not confirm) */
  | 'PAYMENT_PENDING_FISCAL'
  /** A captured desk (or online) payment has no fiscal receipt */
  | 'PAYMENT_WITHOUT_RECEIPT'
  /** The provider's amount differs from ours */
  | 'PROVIDER_AMOUNT_MISMATCH'
  /** The provider took a payment that is not captured on our side */
  | 'PROVIDER_PAYMENT_NOT_CAPTURED'
  /** The provider holds a payment (or refund) with no payment of ours behind it */
  | 'PROVIDER_PAYMENT_UNKNOWN'
  /** The day's refunds of an online payment differ between the provider and us */
  | 'PROVIDER_REFUND_MISMATCH'
  /** The provider did not answer: online payments not reconciled */
  | 'PROVIDER_UNAVAILABLE'
  /** A receipt's total differs from the ledger */
  | 'RECEIPT_SUM_MISMATCH'
  /** A refund is not finished */
  | 'REFUND_PENDING'
  /** A done refund has no return receipt */
  | 'REFUND_WITHOUT_RECEIPT'
  /** The register did not answer for the open shift's report */
  | 'REGISTER_UNAVAILABLE'
  /** The shift has been open for more than 24 hours */
  | 'SHIFT_EXPIRED'
  /** No report of a shift (closed without one, or the register reports another shift) */
  | 'SHIFT_REPORT_MISSING'
  /** A shift report's totals differ from our receipts of that shift at their ledger amounts */
  | 'SHIFT_TOTALS_MISMATCH';

export type DraftKind =
  | 'CORRECTION'
  | 'ORIGINAL';

export type FreeSlotsInput = {
  branchId?: string | null | undefined;
  /** YYYY-MM-DD in the branch's zone, inclusive */
  from: string;
  /** At most 2000; default 500 */
  limit?: number | null | undefined;
  serviceId?: string | null | undefined;
  specialistId?: string | null | undefined;
  specialty?: string | null | undefined;
  /** YYYY-MM-DD in the branch's zone, inclusive (at most 31 days after from) */
  to: string;
};

export type InvoiceLineInput = {
  discountKopecks?: number;
  /** Required with a discount */
  discountReason?: string | null | undefined;
  priceItemId: string;
  quantity?: number;
};

export type InvoiceSource =
  /** A completed appointment of the schedule */
  | 'APPOINTMENT'
  /** Written by the desk */
  | 'DESK'
  /** A lab order */
  | 'LAB_ORDER';

export type InvoiceStatus =
  /** What it billed was cancelled before anything was paid: the charge is reversed, nothing is owed */
  | 'CANCELLED'
  | 'PAID'
  | 'PARTIALLY_PAID'
  | 'UNPAID';

export type IssueTaxCertificateInput = {
  /** The patient's invoices for expensive treatment (code 02); the rest is code 01 */
  expensiveInvoiceIds?: Array<string> | null | undefined;
  /** A retry with the same key returns the same certificate */
  idempotencyKey: string;
  /** The patient, when the taxpayer paid for someone else */
  patient?: TaxPatientInput | null | undefined;
  patientId: string;
  /** Who claims the deduction */
  taxpayer: TaxPersonInput;
  year: number;
};

/** N normal, L/H below/above the reference range, LL/HH critical, A abnormal (coded) */
export type LabFlag =
  | 'A'
  | 'H'
  | 'HH'
  | 'L'
  | 'LL'
  | 'N';

/** ordered → collected → sent → received by the lab → resulted → reviewed → released; or cancelled / rejected */
export type LabOrderStatus =
  | 'CANCELLED'
  | 'COLLECTED'
  | 'ORDERED'
  | 'RECEIVED'
  | 'REJECTED'
  | 'RELEASED'
  | 'RESULTED'
  | 'REVIEWED'
  | 'SENT';

export type LabPriority =
  | 'ROUTINE'
  | 'URGENT';

export type LabSpecimenStep =
  | 'COLLECTED'
  | 'SENT';

export type LabSpecimenStepInput = {
  orderId: string;
  step: LabSpecimenStep;
};

export type LabValueKind =
  | 'CODED'
  | 'NUMERIC'
  | 'TEXT';

export type MarkVisitEnteredInErrorInput = {
  idempotencyKey: string;
  reason: string;
  visitId: string;
};

export type OneCExportKind =
  | 'PAYMENT'
  | 'REFUND';

export type OpenVisitInput = {
  /** The appointment the visit belongs to (one visit per appointment) */
  appointmentId?: string | null | undefined;
  branchId?: string | null | undefined;
  patientId: string;
};

export type OrderLabTestsInput = {
  clinicalNote?: string | null | undefined;
  /** A retry with the same key returns the same orders */
  idempotencyKey: string;
  /** The patient's birth date (YYYY-MM-DD) as on the card: only the age in years is kept */
  patientBirthDate?: string | null | undefined;
  patientId: string;
  /** The patient's sex as on the card (the partner receives it with the specimen) */
  patientSex: PatientSexForLab;
  priority: LabPriority;
  testIds: Array<string>;
  /** The visit the tests are ordered from (the record subgraph's visit) */
  visitId: string;
};

export type PatientInput = {
  birthDate: string;
  chronicConditions?: Array<string> | null | undefined;
  email?: string | null | undefined;
  firstName: string;
  homeAddress?: string | null | undefined;
  insurancePolicy?: string | null | undefined;
  lastName: string;
  middleName?: string | null | undefined;
  passport?: string | null | undefined;
  passportIssuedBy?: string | null | undefined;
  passportIssuedOn?: string | null | undefined;
  phone?: string | null | undefined;
  registrationAddress?: string | null | undefined;
  sex: Sex;
  snils?: string | null | undefined;
  workplace?: string | null | undefined;
};

export type PatientSearchInput = {
  /** YYYY-MM-DD */
  birthDate?: string | null | undefined;
  phone?: string | null | undefined;
  /** Beginning of the full name: surname, then first name */
  text?: string | null | undefined;
};

export type PatientSexForLab =
  | 'FEMALE'
  | 'MALE'
  | 'UNKNOWN';

export type PaymentMethod =
  | 'CARD'
  | 'CASH'
  | 'ONLINE';

export type PaymentStatus =
  /** Online: waiting for the patient at the payment page */
  | 'AWAITING_PAYER'
  /** Online: cancelled or released (nothing charged) */
  | 'CANCELED'
  /** Money received and in the ledger */
  | 'CAPTURED'
  /** Online: authorised, being captured */
  | 'CAPTURING'
  /** The register refused; no money recorded */
  | 'FAILED'
  /** Written; the register has not printed its receipt yet (retried until it does) */
  | 'PENDING_FISCAL';

export type PrescriptionInput = {
  dose?: string | null | undefined;
  drug: string;
  duration?: string | null | undefined;
  form?: string | null | undefined;
  frequency?: string | null | undefined;
  instructions?: string | null | undefined;
  route?: string | null | undefined;
};

export type PriceKind =
  /** A test of the lab's catalogue (refId: its price reference) */
  | 'LAB_TEST'
  | 'OTHER'
  /** A service of the schedule (refId: its service id) */
  | 'SERVICE';

export type ReceiptOperation =
  /** Sale (tag 1054 = 1) */
  | 'SELL'
  /** Sale refund (tag 1054 = 2) */
  | 'SELL_RETURN';

export type RecordAccessLevel =
  /** The clinical content */
  | 'FULL'
  | 'NONE'
  /** Only that visits exist (reception) */
  | 'SUMMARY';

export type ReferralInput = {
  kind: ReferralKind;
  note?: string | null | undefined;
  target: string;
};

export type ReferralKind =
  | 'LAB'
  | 'SPECIALIST';

export type RefundPaymentInput = {
  amountKopecks: number;
  idempotencyKey: string;
  paymentId: string;
  reason: string;
};

export type RefundStatus =
  | 'DONE'
  | 'FAILED'
  | 'PENDING';

export type RescheduleInput = {
  appointmentId: string;
  branchId?: string | null | undefined;
  idempotencyKey: string;
  /** Move to another doctor or branch (defaults: the current ones) */
  specialistId?: string | null | undefined;
  startsAt: string;
};

export type ReviewLabOrderInput = {
  orderId: string;
  /** Shown to the patient with the results */
  patientComment?: string | null | undefined;
  /** Release the results to the patient now (default true) */
  release?: boolean | null | undefined;
};

export type SaveVisitDraftInput = {
  content: VisitContentInput;
  /** The revision this save is based on (0 for a new draft); null overwrites */
  expectedRevision?: number | null | undefined;
  visitId: string;
};

export type SecurityAlertSeverity =
  | 'CRITICAL'
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

export type SecurityAlertStatus =
  /** The access had a work reason (the note says which) */
  | 'EXPLAINED'
  /** Handled as a data incident */
  | 'INCIDENT'
  /** Not yet triaged */
  | 'NEW'
  /** No work reason found */
  | 'UNEXPLAINED';

export type SecurityAlertsFilter = {
  actorId?: string | null | undefined;
  patientId?: string | null | undefined;
  /** All statuses when empty */
  statuses?: Array<SecurityAlertStatus> | null | undefined;
};

export type SetPriceInput = {
  branchId: string;
  code: string;
  kind: PriceKind;
  name: string;
  priceKopecks: number;
  refId?: string | null | undefined;
  /** YYYY-MM-DD; a later price of the same code from another date is a new version */
  validFrom: string;
  validTo?: string | null | undefined;
  vat: VatRate;
};

export type Sex =
  | 'FEMALE'
  | 'MALE';

export type ShiftReportSource =
  /** The report taken when the shift was closed */
  | 'CLOSE_REPORT'
  /** Asked from the register now (the shift is open) */
  | 'LIVE'
  /** No report */
  | 'NONE';

export type SignInInput = {
  login: string;
  password: string;
  /** Six digits from the authenticator app, when TOTP is enabled */
  totpCode?: string | null | undefined;
};

export type SignVisitInput = {
  idempotencyKey: string;
  /** Required when the draft is a correction */
  reason?: string | null | undefined;
  visitId: string;
};

export type TakeDeskPaymentInput = {
  amountKopecks: number;
  /** Phone (+7…) or e-mail for the electronic receipt (tag 1008) */
  customerContact?: string | null | undefined;
  idempotencyKey: string;
  invoiceId: string;
  method: PaymentMethod;
};

export type TaxDocumentInput = {
  /** Document kind code of the FNS directory: 21 passport of a citizen of Russia, 03 birth certificate */
  code: string;
  /** YYYY-MM-DD */
  issuedAt: string;
  seriesNumber: string;
};

export type TaxPatientInput = {
  birthDate: string;
  document: TaxDocumentInput;
  fullName: string;
  inn?: string | null | undefined;
  relation: TaxPatientRelation;
};

/** Who the patient is to the taxpayer (the deduction covers a spouse, parents, children and wards) */
export type TaxPatientRelation =
  | 'CHILD'
  | 'PARENT'
  | 'SPOUSE'
  | 'WARD';

export type TaxPersonInput = {
  /** YYYY-MM-DD */
  birthDate: string;
  document: TaxDocumentInput;
  fullName: string;
  /** 12 digits; may be absent when the document is given */
  inn?: string | null | undefined;
};

export type TriageSecurityAlertInput = {
  alertId: string;
  /** Required when explained: the work reason found */
  note?: string | null | undefined;
  status: SecurityAlertStatus;
};

/** VAT treatment of a price item (FFD 1.2 tag 1199). Licensed medical services are exempt: NONE. */
export type VatRate =
  | 'NONE'
  | 'VAT0'
  | 'VAT5'
  | 'VAT7'
  | 'VAT10'
  | 'VAT20'
  | 'VAT22';

export type VerifyAuditChainsInput = {
  /** Services to verify (default: every source) */
  services?: Array<string> | null | undefined;
};

export type VisitContentInput = {
  anamnesis?: string | null | undefined;
  complaints?: string | null | undefined;
  conclusion?: string | null | undefined;
  diagnoses?: Array<DiagnosisInput> | null | undefined;
  examination?: string | null | undefined;
  prescriptions?: Array<PrescriptionInput> | null | undefined;
  recommendations?: string | null | undefined;
  referrals?: Array<ReferralInput> | null | undefined;
};

export type VisitRefInput = {
  visitId: string;
};

export type VisitStatus =
  /** Being written: no signed version yet */
  | 'OPEN'
  | 'SIGNED';

export type VisitVersionStatus =
  /** A correction that replaces the version before it */
  | 'AMENDED'
  /** Kept, hidden from the patient */
  | 'ENTERED_IN_ERROR'
  | 'FINAL';

export type ReconciliationQueryVariables = Exact<{
  branchId: string;
  day: string;
}>;


export type ReconciliationQuery = { reconciliation: { branchId: string, day: string, registerId: string | null, balanced: boolean, checkedAt: string, ledger: Array<{ method: PaymentMethod, paymentsCount: number, paymentsKopecks: number, refundsCount: number, refundsKopecks: number, netKopecks: number }>, shifts: Array<{ registerId: string, shiftNumber: number | null, open: boolean, openedAt: string, closedAt: string | null, source: ShiftReportSource, report: { sellCashKopecks: number, sellElectronicKopecks: number, returnCashKopecks: number, returnElectronicKopecks: number, receiptCount: number } | null, ledger: { sellCashKopecks: number, sellElectronicKopecks: number, returnCashKopecks: number, returnElectronicKopecks: number, receiptCount: number } | null }>, settlement: { configured: boolean, available: boolean, paymentsCount: number, paymentsKopecks: number, refundsCount: number, refundsKopecks: number }, discrepancies: Array<{ code: DiscrepancyCode, message: string, paymentId: string | null, refundId: string | null, providerPaymentId: string | null, registerId: string | null, shiftNumber: number | null, expectedKopecks: number | null, actualKopecks: number | null }> } };

export type OneCExportStatusFieldsFragment = { enabled: boolean, fileEnabled: boolean, exported: number, failed: number, pending: number, lastRun: { running: boolean, startedAt: string | null, finishedAt: string | null, exported: number, failed: number }, failures: Array<{ kind: OneCExportKind, id: string, attempts: number, lastError: string | null, nextAttemptAt: string | null }> };

export type OneCExportStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type OneCExportStatusQuery = { oneCExportStatus: { enabled: boolean, fileEnabled: boolean, exported: number, failed: number, pending: number, lastRun: { running: boolean, startedAt: string | null, finishedAt: string | null, exported: number, failed: number }, failures: Array<{ kind: OneCExportKind, id: string, attempts: number, lastError: string | null, nextAttemptAt: string | null }> } };

export type RunOneCExportMutationVariables = Exact<{ [key: string]: never; }>;


export type RunOneCExportMutation = { runOneCExport: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, run: { ran: boolean, reason: string | null, exported: number, alreadyExported: number, deferred: number, failed: number, status: { enabled: boolean, fileEnabled: boolean, exported: number, failed: number, pending: number, lastRun: { running: boolean, startedAt: string | null, finishedAt: string | null, exported: number, failed: number }, failures: Array<{ kind: OneCExportKind, id: string, attempts: number, lastError: string | null, nextAttemptAt: string | null }> } } | null } };

export type EnterpriseDataExportQueryVariables = Exact<{
  day: string;
}>;


export type EnterpriseDataExportQuery = { enterpriseDataExport: { day: string, fileName: string, xml: string, paymentsCount: number, refundsCount: number } };

export type ReceptionSignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type ReceptionSignInMutation = { signIn: { ok: boolean, accessToken: string | null, refreshToken: string | null, expiresIn: number | null, inputErrors: Array<{ field: string, code: string, message: string }>, account: { id: string, role: AccountRole, displayName: string | null, patientId: string | null, branchIds: Array<string> } | null } };

export type ReceptionRefreshMutationVariables = Exact<{
  refreshToken: string;
}>;


export type ReceptionRefreshMutation = { refreshSession: { ok: boolean, accessToken: string | null, refreshToken: string | null, expiresIn: number | null, inputErrors: Array<{ field: string, code: string, message: string }>, account: { id: string, role: AccountRole, displayName: string | null, patientId: string | null, branchIds: Array<string> } | null } };

export type ReceptionSignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type ReceptionSignOutMutation = { signOut: { ok: boolean } };

export type ReceiptFieldsFragment = { id: string, paymentId: string | null, operation: ReceiptOperation | null, totalKopecks: number | null, cashKopecks: number | null, electronicKopecks: number | null, customerContact: string | null, fiscalDocumentNumber: number | null, fiscalSign: string | null, fnNumber: string | null, registrationNumber: string | null, shiftNumber: number | null, receiptNumber: number | null, fiscalAt: string | null, lines: Array<{ name: string, priceKopecks: number, quantity: number, amountKopecks: number, vat: VatRate, paymentMethod: string, paymentObject: string }> | null };

export type InvoiceSummaryFieldsFragment = { id: string, number: string | null, patientId: string, branchId: string | null, source: InvoiceSource | null, createdAt: string | null, totalKopecks: number | null, paidKopecks: number | null, refundedKopecks: number | null, balanceKopecks: number | null, status: InvoiceStatus | null };

export type DeskInvoiceQueryVariables = Exact<{
  id: string;
}>;


export type DeskInvoiceQuery = { invoice: { id: string, number: string | null, patientId: string, branchId: string | null, source: InvoiceSource | null, createdAt: string | null, totalKopecks: number | null, paidKopecks: number | null, refundedKopecks: number | null, balanceKopecks: number | null, status: InvoiceStatus | null, lines: Array<{ lineNo: number, priceItemId: string | null, name: string, unitPriceKopecks: number, quantity: number, discountKopecks: number, discountReason: string | null, amountKopecks: number, vat: VatRate }> | null, payments: Array<{ id: string, method: PaymentMethod | null, amountKopecks: number | null, status: PaymentStatus | null, statusReason: string | null, createdAt: string | null, capturedAt: string | null, refundedKopecks: number | null, refunds: Array<{ id: string, amountKopecks: number | null, reason: string | null, status: RefundStatus | null, statusReason: string | null, createdAt: string | null }> | null, receipts: Array<{ id: string, paymentId: string | null, operation: ReceiptOperation | null, totalKopecks: number | null, cashKopecks: number | null, electronicKopecks: number | null, customerContact: string | null, fiscalDocumentNumber: number | null, fiscalSign: string | null, fnNumber: string | null, registrationNumber: string | null, shiftNumber: number | null, receiptNumber: number | null, fiscalAt: string | null, lines: Array<{ name: string, priceKopecks: number, quantity: number, amountKopecks: number, vat: VatRate, paymentMethod: string, paymentObject: string }> | null }> | null }> | null } | null };

export type PatientInvoicesQueryVariables = Exact<{
  patientId: string;
}>;


export type PatientInvoicesQuery = { invoices: Array<{ id: string, number: string | null, patientId: string, branchId: string | null, source: InvoiceSource | null, createdAt: string | null, totalKopecks: number | null, paidKopecks: number | null, refundedKopecks: number | null, balanceKopecks: number | null, status: InvoiceStatus | null, lines: Array<{ lineNo: number, name: string, quantity: number, amountKopecks: number }> | null }> };

export type BranchInvoicesQueryVariables = Exact<{
  branchId: string;
  day: string;
}>;


export type BranchInvoicesQuery = { branchInvoices: Array<{ id: string, number: string | null, patientId: string, branchId: string | null, source: InvoiceSource | null, createdAt: string | null, totalKopecks: number | null, paidKopecks: number | null, refundedKopecks: number | null, balanceKopecks: number | null, status: InvoiceStatus | null, lines: Array<{ lineNo: number, name: string, quantity: number, amountKopecks: number }> | null, payments: Array<{ id: string, method: PaymentMethod | null, amountKopecks: number | null, status: PaymentStatus | null, refundedKopecks: number | null }> | null }> };

export type DeskPriceListQueryVariables = Exact<{
  branchId: string;
  on?: string | null | undefined;
}>;


export type DeskPriceListQuery = { priceList: Array<{ id: string, code: string, kind: PriceKind, refId: string | null, name: string, priceKopecks: number, vat: VatRate, validFrom: string, validTo: string | null }> };

export type CreateDeskInvoiceMutationVariables = Exact<{
  input: CreateInvoiceInput;
}>;


export type CreateDeskInvoiceMutation = { createInvoice: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, invoice: { id: string, number: string | null } | null } };

export type DeskFiscalShiftQueryVariables = Exact<{
  branchId: string;
}>;


export type DeskFiscalShiftQuery = { fiscalShift: { id: string, registerId: string, open: boolean, shiftNumber: number | null, openedAt: string, closedAt: string | null } | null };

export type OpenFiscalShiftMutationVariables = Exact<{
  branchId: string;
}>;


export type OpenFiscalShiftMutation = { openFiscalShift: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, shift: { id: string, open: boolean, shiftNumber: number | null, openedAt: string, closedAt: string | null } | null } };

export type CloseFiscalShiftMutationVariables = Exact<{
  branchId: string;
}>;


export type CloseFiscalShiftMutation = { closeFiscalShift: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, shift: { id: string, open: boolean, shiftNumber: number | null, openedAt: string, closedAt: string | null } | null } };

export type TakeDeskPaymentMutationVariables = Exact<{
  input: TakeDeskPaymentInput;
}>;


export type TakeDeskPaymentMutation = { takeDeskPayment: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, payment: { id: string, status: PaymentStatus | null, statusReason: string | null } | null } };

export type RetryPaymentFiscalisationMutationVariables = Exact<{
  paymentId: string;
}>;


export type RetryPaymentFiscalisationMutation = { retryPaymentFiscalisation: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, payment: { id: string, status: PaymentStatus | null, statusReason: string | null } | null } };

export type RefundPaymentMutationVariables = Exact<{
  input: RefundPaymentInput;
}>;


export type RefundPaymentMutation = { refundPayment: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, refund: { id: string, status: RefundStatus | null, statusReason: string | null, amountKopecks: number | null } | null } };

export type SetPriceMutationVariables = Exact<{
  input: SetPriceInput;
}>;


export type SetPriceMutation = { setPrice: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, priceItem: { id: string, code: string, name: string, priceKopecks: number, validFrom: string } | null } };

export type PricedServicesQueryVariables = Exact<{ [key: string]: never; }>;


export type PricedServicesQuery = { services: Array<{ id: string, name: string }> };

export type CashierPatientSearchQueryVariables = Exact<{
  query: PatientSearchInput;
}>;


export type CashierPatientSearchQuery = { searchPatients: { nodes: Array<{ id: string, fullName: string | null, phone: string | null }> } };

export type CallListQueryVariables = Exact<{
  branchId: string;
  date?: string | null | undefined;
}>;


export type CallListQuery = { callList: Array<{ reason: CallListReason, callStatus: CallStatus, calledAt: string | null, appointment: { id: string, status: AppointmentStatus | null, startsAt: string | null, patientId: string, patient: { id: string, fullName: string | null, phone: string | null }, specialist: { id: string, displayName: string } | null, service: { id: string, name: string } | null } }> };

export type SetCallStatusMutationVariables = Exact<{
  appointmentId: string;
  status: CallStatus;
}>;


export type SetCallStatusMutation = { setCallStatus: { entry: { callStatus: CallStatus, calledAt: string | null, appointment: { id: string } } | null, inputErrors: Array<{ field: string, code: string, message: string }> } };

export type ReceptionMeQueryVariables = Exact<{ [key: string]: never; }>;


export type ReceptionMeQuery = { me: { id: string, role: AccountRole, displayName: string | null, branchIds: Array<string>, totpEnabled: boolean } | null, branches: Array<{ id: string, name: string, address: string, timeZone: string }> };

export type BranchSpecialistsQueryVariables = Exact<{
  branchId: string;
}>;


export type BranchSpecialistsQuery = { specialists: Array<{ id: string, displayName: string, specialties: Array<string>, services: Array<{ id: string, name: string, durationMinutes: number }> }> };

export type ReceptionFreeSlotsQueryVariables = Exact<{
  input: FreeSlotsInput;
}>;


export type ReceptionFreeSlotsQuery = { freeSlots: Array<{ specialistId: string, branchId: string, startsAt: string, endsAt: string, branch: { id: string, name: string, timeZone: string } }> };

export type StartTotpEnrollmentMutationVariables = Exact<{ [key: string]: never; }>;


export type StartTotpEnrollmentMutation = { startTotpEnrollment: { ok: boolean, secret: string | null, otpauthUri: string | null, inputErrors: Array<{ field: string, code: string, message: string }> } };

export type ConfirmTotpEnrollmentMutationVariables = Exact<{
  code: string;
}>;


export type ConfirmTotpEnrollmentMutation = { confirmTotpEnrollment: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, account: { id: string, totpEnabled: boolean } | null } };

export type ContractSummaryFieldsFragment = { id: string, number: string | null, status: ContractStatus | null, date: string | null, createdAt: string | null, acceptedAt: string | null, acceptanceChannel: ContractAcceptanceChannel | null, totalKopecks: number | null, services: Array<{ code: string | null, name: string, quantity: number, unitPriceKopecks: number, amountKopecks: number }> | null };

export type PatientContractsQueryVariables = Exact<{
  patientId: string;
}>;


export type PatientContractsQuery = { patientContracts: Array<{ id: string, number: string | null, status: ContractStatus | null, date: string | null, createdAt: string | null, acceptedAt: string | null, acceptanceChannel: ContractAcceptanceChannel | null, totalKopecks: number | null, services: Array<{ code: string | null, name: string, quantity: number, unitPriceKopecks: number, amountKopecks: number }> | null }> };

export type CreateDeskContractMutationVariables = Exact<{
  input: CreateContractInput;
}>;


export type CreateDeskContractMutation = { createContract: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, contract: { id: string, number: string | null, status: ContractStatus | null, date: string | null, createdAt: string | null, acceptedAt: string | null, acceptanceChannel: ContractAcceptanceChannel | null, totalKopecks: number | null, services: Array<{ code: string | null, name: string, quantity: number, unitPriceKopecks: number, amountKopecks: number }> | null } | null } };

export type SignContractAtDeskMutationVariables = Exact<{
  contractId: string;
}>;


export type SignContractAtDeskMutation = { signContractAtDesk: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, contract: { id: string, number: string | null, status: ContractStatus | null, date: string | null, createdAt: string | null, acceptedAt: string | null, acceptanceChannel: ContractAcceptanceChannel | null, totalKopecks: number | null, services: Array<{ code: string | null, name: string, quantity: number, unitPriceKopecks: number, amountKopecks: number }> | null } | null } };

export type DeskContractPdfQueryVariables = Exact<{
  id: string;
}>;


export type DeskContractPdfQuery = { contract: { id: string, pdfUrl: string | null } | null };

export type BranchJournalQueryVariables = Exact<{
  branchId: string;
  date: string;
}>;


export type BranchJournalQuery = { branchJournal: Array<{ id: string, status: AppointmentStatus | null, startsAt: string | null, endsAt: string | null, source: AppointmentSource | null, overbooked: boolean | null, cancelledLate: boolean | null, confirmedAt: string | null, checkedInAt: string | null, specialistId: string | null, serviceId: string | null, patientId: string, patient: { id: string, fullName: string | null, phone: string | null }, service: { id: string, name: string } | null }> };

export type ReceptionAppointmentQueryVariables = Exact<{
  id: string;
}>;


export type ReceptionAppointmentQuery = { appointment: { id: string, status: AppointmentStatus | null, startsAt: string | null, endsAt: string | null, specialistId: string | null, serviceId: string | null, branchId: string | null, patientId: string, patient: { id: string, fullName: string | null, phone: string | null }, specialist: { id: string, displayName: string } | null, service: { id: string, name: string } | null, branch: { id: string, name: string, timeZone: string } | null } | null };

export type ReceptionBookMutationVariables = Exact<{
  input: BookingInput;
}>;


export type ReceptionBookMutation = { bookAppointment: { appointment: { id: string, status: AppointmentStatus | null, startsAt: string | null } | null, inputErrors: Array<{ field: string, code: string, message: string }>, alternatives: Array<{ specialistId: string, branchId: string, startsAt: string, endsAt: string, branch: { id: string, name: string, timeZone: string } }> } };

export type ReceptionRescheduleMutationVariables = Exact<{
  input: RescheduleInput;
}>;


export type ReceptionRescheduleMutation = { rescheduleAppointment: { appointment: { id: string, status: AppointmentStatus | null, startsAt: string | null } | null, inputErrors: Array<{ field: string, code: string, message: string }>, alternatives: Array<{ specialistId: string, branchId: string, startsAt: string, endsAt: string, branch: { id: string, name: string, timeZone: string } }> } };

export type ReceptionCancelMutationVariables = Exact<{
  input: CancelInput;
}>;


export type ReceptionCancelMutation = { cancelAppointment: { appointment: { id: string, status: AppointmentStatus | null } | null, inputErrors: Array<{ field: string, code: string, message: string }> } };

export type ReceptionConfirmMutationVariables = Exact<{
  appointmentId: string;
}>;


export type ReceptionConfirmMutation = { confirmAppointment: { appointment: { id: string, status: AppointmentStatus | null } | null, inputErrors: Array<{ field: string, code: string, message: string }> } };

export type ReceptionCheckInMutationVariables = Exact<{
  appointmentId: string;
}>;


export type ReceptionCheckInMutation = { checkInAppointment: { appointment: { id: string, status: AppointmentStatus | null } | null, inputErrors: Array<{ field: string, code: string, message: string }> } };

export type ReceptionNoShowMutationVariables = Exact<{
  appointmentId: string;
}>;


export type ReceptionNoShowMutation = { markNoShow: { appointment: { id: string, status: AppointmentStatus | null } | null, inputErrors: Array<{ field: string, code: string, message: string }> } };

export type ReceptionAppointmentEventsSubscriptionVariables = Exact<{
  branchId: string;
}>;


export type ReceptionAppointmentEventsSubscription = { appointmentEvents: { type: string, appointmentId: string, branchId: string, occurredAt: string, appointment: { id: string, status: AppointmentStatus | null, startsAt: string | null, specialistId: string | null } | null } };

export type LabResultFieldsFragment = { id: string, testId: string | null, testName: string | null, kind: LabValueKind | null, numeric: number | null, unit: string | null, coded: string | null, text: string | null, referenceText: string | null, flag: LabFlag | null, flagText: string | null, critical: boolean | null, partnerComment: string | null, resultedAt: string | null, released: boolean | null, previous: Array<{ id: string, numeric: number | null, resultedAt: string | null, flag: LabFlag | null }> | null };

export type LabOrderFieldsFragment = { id: string, patientId: string, visitId: string | null, priority: LabPriority | null, clinicalNote: string | null, status: LabOrderStatus | null, statusReason: string | null, specimenCode: string | null, specimenType: string | null, partnerName: string | null, reviewComment: string | null, createdAt: string | null, collectedAt: string | null, sentAt: string | null, resultedAt: string | null, releasedAt: string | null, tests: Array<{ testId: string, code: string, name: string, unit: string | null, resulted: boolean }> | null, results: Array<{ id: string, testId: string | null, testName: string | null, kind: LabValueKind | null, numeric: number | null, unit: string | null, coded: string | null, text: string | null, referenceText: string | null, flag: LabFlag | null, flagText: string | null, critical: boolean | null, partnerComment: string | null, resultedAt: string | null, released: boolean | null, previous: Array<{ id: string, numeric: number | null, resultedAt: string | null, flag: LabFlag | null }> | null }> | null };

export type LabTestsQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type LabTestsQuery = { labTests: Array<{ id: string, code: string, name: string, specimenType: string, unit: string | null, turnaroundHours: number, partnerName: string }> };

export type LabOrdersForVisitQueryVariables = Exact<{
  visitId: string;
}>;


export type LabOrdersForVisitQuery = { labOrdersForVisit: Array<{ id: string, patientId: string, visitId: string | null, priority: LabPriority | null, clinicalNote: string | null, status: LabOrderStatus | null, statusReason: string | null, specimenCode: string | null, specimenType: string | null, partnerName: string | null, reviewComment: string | null, createdAt: string | null, collectedAt: string | null, sentAt: string | null, resultedAt: string | null, releasedAt: string | null, tests: Array<{ testId: string, code: string, name: string, unit: string | null, resulted: boolean }> | null, results: Array<{ id: string, testId: string | null, testName: string | null, kind: LabValueKind | null, numeric: number | null, unit: string | null, coded: string | null, text: string | null, referenceText: string | null, flag: LabFlag | null, flagText: string | null, critical: boolean | null, partnerComment: string | null, resultedAt: string | null, released: boolean | null, previous: Array<{ id: string, numeric: number | null, resultedAt: string | null, flag: LabFlag | null }> | null }> | null }> };

export type PatientLabOrdersQueryVariables = Exact<{
  patientId: string;
}>;


export type PatientLabOrdersQuery = { labOrders: Array<{ id: string, patientId: string, visitId: string | null, priority: LabPriority | null, clinicalNote: string | null, status: LabOrderStatus | null, statusReason: string | null, specimenCode: string | null, specimenType: string | null, partnerName: string | null, reviewComment: string | null, createdAt: string | null, collectedAt: string | null, sentAt: string | null, resultedAt: string | null, releasedAt: string | null, tests: Array<{ testId: string, code: string, name: string, unit: string | null, resulted: boolean }> | null, results: Array<{ id: string, testId: string | null, testName: string | null, kind: LabValueKind | null, numeric: number | null, unit: string | null, coded: string | null, text: string | null, referenceText: string | null, flag: LabFlag | null, flagText: string | null, critical: boolean | null, partnerComment: string | null, resultedAt: string | null, released: boolean | null, previous: Array<{ id: string, numeric: number | null, resultedAt: string | null, flag: LabFlag | null }> | null }> | null }> };

export type LabOrdersToReviewQueryVariables = Exact<{ [key: string]: never; }>;


export type LabOrdersToReviewQuery = { labOrdersToReview: Array<{ id: string, patientId: string, visitId: string | null, priority: LabPriority | null, clinicalNote: string | null, status: LabOrderStatus | null, statusReason: string | null, specimenCode: string | null, specimenType: string | null, partnerName: string | null, reviewComment: string | null, createdAt: string | null, collectedAt: string | null, sentAt: string | null, resultedAt: string | null, releasedAt: string | null, tests: Array<{ testId: string, code: string, name: string, unit: string | null, resulted: boolean }> | null, results: Array<{ id: string, testId: string | null, testName: string | null, kind: LabValueKind | null, numeric: number | null, unit: string | null, coded: string | null, text: string | null, referenceText: string | null, flag: LabFlag | null, flagText: string | null, critical: boolean | null, partnerComment: string | null, resultedAt: string | null, released: boolean | null, previous: Array<{ id: string, numeric: number | null, resultedAt: string | null, flag: LabFlag | null }> | null }> | null }> };

export type LabPatientQueryVariables = Exact<{
  id: string;
}>;


export type LabPatientQuery = { patient: { id: string, fullName: string | null, birthDate: string | null, ageYears: number | null } | null };

export type OrderLabTestsMutationVariables = Exact<{
  input: OrderLabTestsInput;
}>;


export type OrderLabTestsMutation = { orderLabTests: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, orders: Array<{ id: string, status: LabOrderStatus | null, specimenCode: string | null }> } };

export type RecordLabSpecimenStepMutationVariables = Exact<{
  input: LabSpecimenStepInput;
}>;


export type RecordLabSpecimenStepMutation = { recordLabSpecimenStep: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, order: { id: string, status: LabOrderStatus | null, collectedAt: string | null, sentAt: string | null } | null } };

export type CancelLabOrderMutationVariables = Exact<{
  input: CancelLabOrderInput;
}>;


export type CancelLabOrderMutation = { cancelLabOrder: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, order: { id: string, status: LabOrderStatus | null, statusReason: string | null } | null } };

export type ReviewLabOrderMutationVariables = Exact<{
  input: ReviewLabOrderInput;
}>;


export type ReviewLabOrderMutation = { reviewLabOrder: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, order: { id: string, status: LabOrderStatus | null, reviewComment: string | null, releasedAt: string | null } | null } };

export type LabAlertFieldsFragment = { id: string, patientId: string, orderId: string, flag: LabFlag | null, raisedAt: string | null, escalatedAt: string | null, acknowledgedAt: string | null, result: { id: string, testName: string | null, numeric: number | null, unit: string | null, coded: string | null, text: string | null, flag: LabFlag | null, flagText: string | null, referenceText: string | null } | null };

export type LabAlertsQueryVariables = Exact<{ [key: string]: never; }>;


export type LabAlertsQuery = { labAlerts: Array<{ id: string, patientId: string, orderId: string, flag: LabFlag | null, raisedAt: string | null, escalatedAt: string | null, acknowledgedAt: string | null, result: { id: string, testName: string | null, numeric: number | null, unit: string | null, coded: string | null, text: string | null, flag: LabFlag | null, flagText: string | null, referenceText: string | null } | null }> };

export type AcknowledgeLabAlertMutationVariables = Exact<{
  alertId: string;
}>;


export type AcknowledgeLabAlertMutation = { acknowledgeLabAlert: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, alert: { id: string, acknowledgedAt: string | null } | null } };

export type ReceptionLabAlertRaisedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ReceptionLabAlertRaisedSubscription = { labAlertRaised: { id: string, patientId: string, orderId: string, flag: LabFlag | null, raisedAt: string | null, escalatedAt: string | null, acknowledgedAt: string | null, result: { id: string, testName: string | null, numeric: number | null, unit: string | null, coded: string | null, text: string | null, flag: LabFlag | null, flagText: string | null, referenceText: string | null } | null } };

export type SearchPatientsQueryVariables = Exact<{
  query: PatientSearchInput;
  after?: string | null | undefined;
}>;


export type SearchPatientsQuery = { searchPatients: { nodes: Array<{ id: string, fullName: string | null, phone: string | null, email: string | null, birthDate: string | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type PatientCardQueryVariables = Exact<{
  id: string;
}>;


export type PatientCardQuery = { patient: { id: string, fullName: string | null, phone: string | null, email: string | null, birthDate: string | null, sex: Sex | null, passport: string | null, snils: string | null, insurancePolicy: string | null, registrationAddress: string | null, homeAddress: string | null, workplace: string | null, consents: Array<{ id: string, purpose: ConsentPurpose | null, active: boolean | null, textVersion: number | null, givenAt: string | null }> | null } | null };

export type RegisterPatientMutationVariables = Exact<{
  input: PatientInput;
  confirmNotDuplicate?: boolean | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type RegisterPatientMutation = { registerPatient: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, patient: { id: string, fullName: string | null } | null, duplicates: Array<{ id: string, fullName: string | null, phone: string | null, birthDate: string | null }> } };

export type SecurityAlertFieldsFragment = { id: string, rule: string | null, ruleTitle: string | null, severity: SecurityAlertSeverity | null, actorId: string | null, actorRole: string | null, patientId: string | null, service: string | null, occurredAt: string | null, status: SecurityAlertStatus | null, assigneeId: string | null, raisedAt: string | null, updatedAt: string | null };

export type SecurityAlertsQueryVariables = Exact<{
  filter?: SecurityAlertsFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type SecurityAlertsQuery = { securityAlerts: Array<{ id: string, rule: string | null, ruleTitle: string | null, severity: SecurityAlertSeverity | null, actorId: string | null, actorRole: string | null, patientId: string | null, service: string | null, occurredAt: string | null, status: SecurityAlertStatus | null, assigneeId: string | null, raisedAt: string | null, updatedAt: string | null }> };

export type SecurityAlertQueryVariables = Exact<{
  id: string;
}>;


export type SecurityAlertQuery = { securityAlert: { explanation: string | null, evidence: string | null, id: string, rule: string | null, ruleTitle: string | null, severity: SecurityAlertSeverity | null, actorId: string | null, actorRole: string | null, patientId: string | null, service: string | null, occurredAt: string | null, status: SecurityAlertStatus | null, assigneeId: string | null, raisedAt: string | null, updatedAt: string | null, steps: Array<{ step: string, accountId: string | null, status: SecurityAlertStatus | null, assigneeId: string | null, note: string | null, at: string }> | null } | null };

export type SecurityAlertRaisedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type SecurityAlertRaisedSubscription = { securityAlertRaised: { id: string, rule: string | null, ruleTitle: string | null, severity: SecurityAlertSeverity | null, actorId: string | null, actorRole: string | null, patientId: string | null, service: string | null, occurredAt: string | null, status: SecurityAlertStatus | null, assigneeId: string | null, raisedAt: string | null, updatedAt: string | null } };

export type TriageSecurityAlertMutationVariables = Exact<{
  input: TriageSecurityAlertInput;
}>;


export type TriageSecurityAlertMutation = { triageSecurityAlert: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, alert: { id: string, status: SecurityAlertStatus | null, assigneeId: string | null, updatedAt: string | null } | null } };

export type AssignSecurityAlertMutationVariables = Exact<{
  input: AssignSecurityAlertInput;
}>;


export type AssignSecurityAlertMutation = { assignSecurityAlert: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, alert: { id: string, status: SecurityAlertStatus | null, assigneeId: string | null, updatedAt: string | null } | null } };

export type AddSecurityAlertNoteMutationVariables = Exact<{
  input: AddSecurityAlertNoteInput;
}>;


export type AddSecurityAlertNoteMutation = { addSecurityAlertNote: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, alert: { id: string, status: SecurityAlertStatus | null, assigneeId: string | null, updatedAt: string | null } | null } };

export type MonitoringRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type MonitoringRulesQuery = { monitoringRules: Array<{ id: string, title: string, explanation: string, severity: SecurityAlertSeverity, enabled: boolean, parameters: string }> };

export type AuditRecordsQueryVariables = Exact<{
  filter: AuditRecordsFilter;
  first?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type AuditRecordsQuery = { auditRecords: Array<{ streamId: string, service: string | null, seq: number | null, occurredAt: string | null, subtype: string | null, actorId: string | null, actorRole: string | null, patientId: string, categories: Array<string> | null, operation: string | null, requestId: string | null, clientAddress: string | null, purpose: string | null }> };

export type ChainVerificationFieldsFragment = { service: string, checkedAt: string, result: AuditChainResult, checkedEvents: number, brokenAtSeq: number | null, reason: AuditChainReason | null };

export type AuditChainStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditChainStatusQuery = { auditChainStatus: Array<{ service: string, lastSeq: number, lastPulledAt: string | null, lagSeconds: number | null, failures: number, lastErrorCode: string | null, halted: boolean, haltedReason: AuditChainReason | null, haltedAtSeq: number | null, lastCheckpointSeq: number | null, lastCheckpointAt: string | null, lastVerification: { service: string, checkedAt: string, result: AuditChainResult, checkedEvents: number, brokenAtSeq: number | null, reason: AuditChainReason | null } | null }> };

export type VerifyAuditChainsMutationVariables = Exact<{
  input?: VerifyAuditChainsInput | null | undefined;
}>;


export type VerifyAuditChainsMutation = { verifyAuditChains: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, results: Array<{ service: string, checkedAt: string, result: AuditChainResult, checkedEvents: number, brokenAtSeq: number | null, reason: AuditChainReason | null }> } };

export type StaffAccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type StaffAccountsQuery = { staffAccounts: Array<{ id: string, displayName: string | null, role: AccountRole, dismissedAt: string | null }> };

export type DoctorTodayQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type DoctorTodayQuery = { doctorSchedule: Array<{ id: string, status: AppointmentStatus | null, startsAt: string | null, endsAt: string | null, patientId: string, branchId: string | null, patient: { id: string, fullName: string | null, birthDate: string | null }, service: { id: string, name: string } | null, branch: { id: string, name: string, timeZone: string } | null }> };

export type StaffDirectoryQueryVariables = Exact<{ [key: string]: never; }>;


export type StaffDirectoryQuery = { branches: Array<{ id: string, name: string, timeZone: string }>, specialists: Array<{ id: string, accountId: string, displayName: string, specialties: Array<string> }> };

export type RecordAccessQueryVariables = Exact<{
  patientId: string;
}>;


export type RecordAccessQuery = { recordAccess: { patientId: string, level: RecordAccessLevel, breakGlassAvailable: boolean, breakGlassUntil: string | null } };

export type DoctorPatientQueryVariables = Exact<{
  id: string;
}>;


export type DoctorPatientQuery = { patient: { id: string, fullName: string | null, birthDate: string | null, ageYears: number | null, sex: Sex | null, phone: string | null, email: string | null, insurancePolicy: string | null, chronicConditions: Array<string> | null } | null };

export type VisitVersionFieldsFragment = { id: string, number: number | null, status: VisitVersionStatus | null, reason: string | null, replacesVersionId: string | null, signedBy: string | null, signedAt: string | null, contentHash: string | null, complaints: string | null, anamnesis: string | null, examination: string | null, conclusion: string | null, recommendations: string | null, diagnoses: Array<{ code: string, title: string, kind: DiagnosisKind, certainty: DiagnosisCertainty }> | null, prescriptions: Array<{ drug: string, form: string | null, dose: string | null, route: string | null, frequency: string | null, duration: string | null, instructions: string | null }> | null, referrals: Array<{ kind: ReferralKind, target: string, note: string | null }> | null };

export type VisitFieldsFragment = { id: string, patientId: string, appointmentId: string | null, doctorAccountId: string | null, branchId: string | null, startedAt: string | null, status: VisitStatus | null, current: { id: string, number: number | null, status: VisitVersionStatus | null, reason: string | null, replacesVersionId: string | null, signedBy: string | null, signedAt: string | null, contentHash: string | null, complaints: string | null, anamnesis: string | null, examination: string | null, conclusion: string | null, recommendations: string | null, diagnoses: Array<{ code: string, title: string, kind: DiagnosisKind, certainty: DiagnosisCertainty }> | null, prescriptions: Array<{ drug: string, form: string | null, dose: string | null, route: string | null, frequency: string | null, duration: string | null, instructions: string | null }> | null, referrals: Array<{ kind: ReferralKind, target: string, note: string | null }> | null } | null, versions: Array<{ id: string, number: number | null, status: VisitVersionStatus | null, reason: string | null, replacesVersionId: string | null, signedBy: string | null, signedAt: string | null, contentHash: string | null, complaints: string | null, anamnesis: string | null, examination: string | null, conclusion: string | null, recommendations: string | null, diagnoses: Array<{ code: string, title: string, kind: DiagnosisKind, certainty: DiagnosisCertainty }> | null, prescriptions: Array<{ drug: string, form: string | null, dose: string | null, route: string | null, frequency: string | null, duration: string | null, instructions: string | null }> | null, referrals: Array<{ kind: ReferralKind, target: string, note: string | null }> | null }> | null, addenda: Array<{ id: string, text: string | null, signedBy: string | null, signedAt: string | null }> | null };

export type PatientVisitsQueryVariables = Exact<{
  patientId: string;
}>;


export type PatientVisitsQuery = { visits: Array<{ id: string, patientId: string, appointmentId: string | null, doctorAccountId: string | null, branchId: string | null, startedAt: string | null, status: VisitStatus | null, current: { id: string, number: number | null, status: VisitVersionStatus | null, reason: string | null, replacesVersionId: string | null, signedBy: string | null, signedAt: string | null, contentHash: string | null, complaints: string | null, anamnesis: string | null, examination: string | null, conclusion: string | null, recommendations: string | null, diagnoses: Array<{ code: string, title: string, kind: DiagnosisKind, certainty: DiagnosisCertainty }> | null, prescriptions: Array<{ drug: string, form: string | null, dose: string | null, route: string | null, frequency: string | null, duration: string | null, instructions: string | null }> | null, referrals: Array<{ kind: ReferralKind, target: string, note: string | null }> | null } | null, versions: Array<{ id: string, number: number | null, status: VisitVersionStatus | null, reason: string | null, replacesVersionId: string | null, signedBy: string | null, signedAt: string | null, contentHash: string | null, complaints: string | null, anamnesis: string | null, examination: string | null, conclusion: string | null, recommendations: string | null, diagnoses: Array<{ code: string, title: string, kind: DiagnosisKind, certainty: DiagnosisCertainty }> | null, prescriptions: Array<{ drug: string, form: string | null, dose: string | null, route: string | null, frequency: string | null, duration: string | null, instructions: string | null }> | null, referrals: Array<{ kind: ReferralKind, target: string, note: string | null }> | null }> | null, addenda: Array<{ id: string, text: string | null, signedBy: string | null, signedAt: string | null }> | null }> };

export type VisitDraftFieldsFragment = { id: string, visitId: string | null, kind: DraftKind | null, replacesVersionId: string | null, revision: number | null, updatedAt: string | null, complaints: string | null, anamnesis: string | null, examination: string | null, conclusion: string | null, recommendations: string | null, diagnoses: Array<{ code: string, title: string, kind: DiagnosisKind, certainty: DiagnosisCertainty }> | null, prescriptions: Array<{ drug: string, form: string | null, dose: string | null, route: string | null, frequency: string | null, duration: string | null, instructions: string | null }> | null, referrals: Array<{ kind: ReferralKind, target: string, note: string | null }> | null };

export type VisitWorkQueryVariables = Exact<{
  visitId: string;
}>;


export type VisitWorkQuery = { visit: { id: string, patientId: string, appointmentId: string | null, doctorAccountId: string | null, branchId: string | null, startedAt: string | null, status: VisitStatus | null, current: { id: string, number: number | null, status: VisitVersionStatus | null, reason: string | null, replacesVersionId: string | null, signedBy: string | null, signedAt: string | null, contentHash: string | null, complaints: string | null, anamnesis: string | null, examination: string | null, conclusion: string | null, recommendations: string | null, diagnoses: Array<{ code: string, title: string, kind: DiagnosisKind, certainty: DiagnosisCertainty }> | null, prescriptions: Array<{ drug: string, form: string | null, dose: string | null, route: string | null, frequency: string | null, duration: string | null, instructions: string | null }> | null, referrals: Array<{ kind: ReferralKind, target: string, note: string | null }> | null } | null, versions: Array<{ id: string, number: number | null, status: VisitVersionStatus | null, reason: string | null, replacesVersionId: string | null, signedBy: string | null, signedAt: string | null, contentHash: string | null, complaints: string | null, anamnesis: string | null, examination: string | null, conclusion: string | null, recommendations: string | null, diagnoses: Array<{ code: string, title: string, kind: DiagnosisKind, certainty: DiagnosisCertainty }> | null, prescriptions: Array<{ drug: string, form: string | null, dose: string | null, route: string | null, frequency: string | null, duration: string | null, instructions: string | null }> | null, referrals: Array<{ kind: ReferralKind, target: string, note: string | null }> | null }> | null, addenda: Array<{ id: string, text: string | null, signedBy: string | null, signedAt: string | null }> | null } | null, myVisitDraft: { id: string, visitId: string | null, kind: DraftKind | null, replacesVersionId: string | null, revision: number | null, updatedAt: string | null, complaints: string | null, anamnesis: string | null, examination: string | null, conclusion: string | null, recommendations: string | null, diagnoses: Array<{ code: string, title: string, kind: DiagnosisKind, certainty: DiagnosisCertainty }> | null, prescriptions: Array<{ drug: string, form: string | null, dose: string | null, route: string | null, frequency: string | null, duration: string | null, instructions: string | null }> | null, referrals: Array<{ kind: ReferralKind, target: string, note: string | null }> | null } | null };

export type VisitForAppointmentQueryVariables = Exact<{
  appointmentId: string;
}>;


export type VisitForAppointmentQuery = { visitForAppointment: { id: string, patientId: string, status: VisitStatus | null } | null };

export type Icd10SearchQueryVariables = Exact<{
  query: string;
}>;


export type Icd10SearchQuery = { icd10Search: Array<{ code: string, title: string }> };

export type OpenVisitMutationVariables = Exact<{
  input: OpenVisitInput;
}>;


export type OpenVisitMutation = { openVisit: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, visit: { id: string, patientId: string, status: VisitStatus | null } | null } };

export type SaveVisitDraftMutationVariables = Exact<{
  input: SaveVisitDraftInput;
}>;


export type SaveVisitDraftMutation = { saveVisitDraft: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, draft: { id: string, revision: number | null, updatedAt: string | null, diagnoses: Array<{ code: string, title: string, kind: DiagnosisKind, certainty: DiagnosisCertainty }> | null } | null } };

export type SignVisitMutationVariables = Exact<{
  input: SignVisitInput;
}>;


export type SignVisitMutation = { signVisit: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, version: { id: string, number: number | null, status: VisitVersionStatus | null, signedAt: string | null } | null } };

export type StartVisitCorrectionMutationVariables = Exact<{
  input: VisitRefInput;
}>;


export type StartVisitCorrectionMutation = { startVisitCorrection: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, draft: { id: string, revision: number | null } | null } };

export type DiscardVisitDraftMutationVariables = Exact<{
  input: VisitRefInput;
}>;


export type DiscardVisitDraftMutation = { discardVisitDraft: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, visit: { id: string, status: VisitStatus | null } | null } };

export type AddVisitAddendumMutationVariables = Exact<{
  input: AddVisitAddendumInput;
}>;


export type AddVisitAddendumMutation = { addVisitAddendum: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, visit: { id: string } | null } };

export type MarkVisitEnteredInErrorMutationVariables = Exact<{
  input: MarkVisitEnteredInErrorInput;
}>;


export type MarkVisitEnteredInErrorMutation = { markVisitEnteredInError: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, version: { id: string, status: VisitVersionStatus | null } | null } };

export type BreakGlassMutationVariables = Exact<{
  input: BreakGlassInput;
}>;


export type BreakGlassMutation = { breakGlass: { ok: boolean, expiresAt: string | null, inputErrors: Array<{ field: string, code: string, message: string }> } };

export type TaxCertificateFieldsFragment = { id: string, number: string | null, year: number | null, issuedAt: string | null, totalKopecks: number | null, fileName: string | null, createdAt: string | null, sums: Array<{ code: string, kopecks: number }> | null };

export type TaxCertificatesQueryVariables = Exact<{
  patientId: string;
}>;


export type TaxCertificatesQuery = { taxCertificates: Array<{ id: string, number: string | null, year: number | null, issuedAt: string | null, totalKopecks: number | null, fileName: string | null, createdAt: string | null, sums: Array<{ code: string, kopecks: number }> | null }> };

export type IssueTaxCertificateMutationVariables = Exact<{
  input: IssueTaxCertificateInput;
}>;


export type IssueTaxCertificateMutation = { issueTaxCertificate: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, certificate: { id: string, number: string | null, year: number | null, issuedAt: string | null, totalKopecks: number | null, fileName: string | null, createdAt: string | null, sums: Array<{ code: string, kopecks: number }> | null } | null } };

export type TaxPatientNameQueryVariables = Exact<{
  id: string;
}>;


export type TaxPatientNameQuery = { patient: { id: string, fullName: string | null } | null };

export type TaxCertificateFilesQueryVariables = Exact<{
  patientId: string;
}>;


export type TaxCertificateFilesQuery = { taxCertificates: Array<{ id: string, pdfUrl: string | null, xmlUrl: string | null }> };

export const OneCExportStatusFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OneCExportStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OneCExportStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"fileEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"exported"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"lastRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"exported"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}}]}}]}}]} as unknown as DocumentNode<OneCExportStatusFieldsFragment, unknown>;
export const ReceiptFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceiptFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Receipt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"paymentId"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"totalKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"cashKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"electronicKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"customerContact"}},{"kind":"Field","name":{"kind":"Name","value":"fiscalDocumentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"fiscalSign"}},{"kind":"Field","name":{"kind":"Name","value":"fnNumber"}},{"kind":"Field","name":{"kind":"Name","value":"registrationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"shiftNumber"}},{"kind":"Field","name":{"kind":"Name","value":"receiptNumber"}},{"kind":"Field","name":{"kind":"Name","value":"fiscalAt"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priceKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"amountKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"vat"}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethod"}},{"kind":"Field","name":{"kind":"Name","value":"paymentObject"}}]}}]}}]} as unknown as DocumentNode<ReceiptFieldsFragment, unknown>;
export const InvoiceSummaryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InvoiceSummaryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Invoice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"patientId"}},{"kind":"Field","name":{"kind":"Name","value":"branchId"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"totalKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"paidKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"refundedKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"balanceKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<InvoiceSummaryFieldsFragment, unknown>;
export const ContractSummaryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContractSummaryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Contract"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptanceChannel"}},{"kind":"Field","name":{"kind":"Name","value":"totalKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPriceKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"amountKopecks"}}]}}]}}]} as unknown as DocumentNode<ContractSummaryFieldsFragment, unknown>;
export const LabResultFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LabResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LabResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"testId"}},{"kind":"Field","name":{"kind":"Name","value":"testName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"numeric"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"coded"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"referenceText"}},{"kind":"Field","name":{"kind":"Name","value":"flag"}},{"kind":"Field","name":{"kind":"Name","value":"flagText"}},{"kind":"Field","name":{"kind":"Name","value":"critical"}},{"kind":"Field","name":{"kind":"Name","value":"partnerComment"}},{"kind":"Field","name":{"kind":"Name","value":"resultedAt"}},{"kind":"Field","name":{"kind":"Name","value":"released"}},{"kind":"Field","name":{"kind":"Name","value":"previous"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"numeric"}},{"kind":"Field","name":{"kind":"Name","value":"resultedAt"}},{"kind":"Field","name":{"kind":"Name","value":"flag"}}]}}]}}]} as unknown as DocumentNode<LabResultFieldsFragment, unknown>;
export const LabOrderFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LabOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LabOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"patientId"}},{"kind":"Field","name":{"kind":"Name","value":"visitId"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"clinicalNote"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"specimenCode"}},{"kind":"Field","name":{"kind":"Name","value":"specimenType"}},{"kind":"Field","name":{"kind":"Name","value":"partnerName"}},{"kind":"Field","name":{"kind":"Name","value":"tests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"resulted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LabResultFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviewComment"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"collectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"resultedAt"}},{"kind":"Field","name":{"kind":"Name","value":"releasedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LabResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LabResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"testId"}},{"kind":"Field","name":{"kind":"Name","value":"testName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"numeric"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"coded"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"referenceText"}},{"kind":"Field","name":{"kind":"Name","value":"flag"}},{"kind":"Field","name":{"kind":"Name","value":"flagText"}},{"kind":"Field","name":{"kind":"Name","value":"critical"}},{"kind":"Field","name":{"kind":"Name","value":"partnerComment"}},{"kind":"Field","name":{"kind":"Name","value":"resultedAt"}},{"kind":"Field","name":{"kind":"Name","value":"released"}},{"kind":"Field","name":{"kind":"Name","value":"previous"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"numeric"}},{"kind":"Field","name":{"kind":"Name","value":"resultedAt"}},{"kind":"Field","name":{"kind":"Name","value":"flag"}}]}}]}}]} as unknown as DocumentNode<LabOrderFieldsFragment, unknown>;
export const LabAlertFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LabAlertFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LabAlert"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"patientId"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"flag"}},{"kind":"Field","name":{"kind":"Name","value":"raisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"escalatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"testName"}},{"kind":"Field","name":{"kind":"Name","value":"numeric"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"coded"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"flag"}},{"kind":"Field","name":{"kind":"Name","value":"flagText"}},{"kind":"Field","name":{"kind":"Name","value":"referenceText"}}]}}]}}]} as unknown as DocumentNode<LabAlertFieldsFragment, unknown>;
export const SecurityAlertFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecurityAlertFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityAlert"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"ruleTitle"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}},{"kind":"Field","name":{"kind":"Name","value":"patientId"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"assigneeId"}},{"kind":"Field","name":{"kind":"Name","value":"raisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<SecurityAlertFieldsFragment, unknown>;
export const ChainVerificationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChainVerificationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditChainVerification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"checkedAt"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"checkedEvents"}},{"kind":"Field","name":{"kind":"Name","value":"brokenAtSeq"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]} as unknown as DocumentNode<ChainVerificationFieldsFragment, unknown>;
export const VisitVersionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VisitVersionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VisitVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"replacesVersionId"}},{"kind":"Field","name":{"kind":"Name","value":"signedBy"}},{"kind":"Field","name":{"kind":"Name","value":"signedAt"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"complaints"}},{"kind":"Field","name":{"kind":"Name","value":"anamnesis"}},{"kind":"Field","name":{"kind":"Name","value":"examination"}},{"kind":"Field","name":{"kind":"Name","value":"diagnoses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"certainty"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conclusion"}},{"kind":"Field","name":{"kind":"Name","value":"recommendations"}},{"kind":"Field","name":{"kind":"Name","value":"prescriptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"drug"}},{"kind":"Field","name":{"kind":"Name","value":"form"}},{"kind":"Field","name":{"kind":"Name","value":"dose"}},{"kind":"Field","name":{"kind":"Name","value":"route"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"instructions"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]} as unknown as DocumentNode<VisitVersionFieldsFragment, unknown>;
export const VisitFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VisitFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Visit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"patientId"}},{"kind":"Field","name":{"kind":"Name","value":"appointmentId"}},{"kind":"Field","name":{"kind":"Name","value":"doctorAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"branchId"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VisitVersionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VisitVersionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"addenda"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"signedBy"}},{"kind":"Field","name":{"kind":"Name","value":"signedAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VisitVersionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VisitVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"replacesVersionId"}},{"kind":"Field","name":{"kind":"Name","value":"signedBy"}},{"kind":"Field","name":{"kind":"Name","value":"signedAt"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"complaints"}},{"kind":"Field","name":{"kind":"Name","value":"anamnesis"}},{"kind":"Field","name":{"kind":"Name","value":"examination"}},{"kind":"Field","name":{"kind":"Name","value":"diagnoses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"certainty"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conclusion"}},{"kind":"Field","name":{"kind":"Name","value":"recommendations"}},{"kind":"Field","name":{"kind":"Name","value":"prescriptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"drug"}},{"kind":"Field","name":{"kind":"Name","value":"form"}},{"kind":"Field","name":{"kind":"Name","value":"dose"}},{"kind":"Field","name":{"kind":"Name","value":"route"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"instructions"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]} as unknown as DocumentNode<VisitFieldsFragment, unknown>;
export const VisitDraftFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VisitDraftFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VisitDraft"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"visitId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"replacesVersionId"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"complaints"}},{"kind":"Field","name":{"kind":"Name","value":"anamnesis"}},{"kind":"Field","name":{"kind":"Name","value":"examination"}},{"kind":"Field","name":{"kind":"Name","value":"diagnoses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"certainty"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conclusion"}},{"kind":"Field","name":{"kind":"Name","value":"recommendations"}},{"kind":"Field","name":{"kind":"Name","value":"prescriptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"drug"}},{"kind":"Field","name":{"kind":"Name","value":"form"}},{"kind":"Field","name":{"kind":"Name","value":"dose"}},{"kind":"Field","name":{"kind":"Name","value":"route"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"instructions"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]} as unknown as DocumentNode<VisitDraftFieldsFragment, unknown>;
export const TaxCertificateFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaxCertificateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TaxCertificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"totalKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"sums"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kopecks"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<TaxCertificateFieldsFragment, unknown>;
export const ReconciliationDocument = {"__meta__":{"documentId":"sha256:d0c961f62f0a4b729ddd0489bedee6b4e049ebb1a825b93d478c97d7d8a386cf"}} as unknown as DocumentNode<ReconciliationQuery, ReconciliationQueryVariables>;
export const OneCExportStatusDocument = {"__meta__":{"documentId":"sha256:17a57bd523d2d166ef8561f575404272840badac794883557c832daca6ae297f"}} as unknown as DocumentNode<OneCExportStatusQuery, OneCExportStatusQueryVariables>;
export const RunOneCExportDocument = {"__meta__":{"documentId":"sha256:e0f7df35b5f8643a2b93772def5c18ed2160385ecd4d8e226436af6777f9cacc"}} as unknown as DocumentNode<RunOneCExportMutation, RunOneCExportMutationVariables>;
export const EnterpriseDataExportDocument = {"__meta__":{"documentId":"sha256:376aa05082af2398200a7dd17fb7ed9bf8ac0e6acdcdba72912775253d3d976a"}} as unknown as DocumentNode<EnterpriseDataExportQuery, EnterpriseDataExportQueryVariables>;
export const ReceptionSignInDocument = {"__meta__":{"documentId":"sha256:369b00b36bed747703e94d6910fd4d6fc1f7eeccc32d4e95f8ed99b19a96c1cf"}} as unknown as DocumentNode<ReceptionSignInMutation, ReceptionSignInMutationVariables>;
export const ReceptionRefreshDocument = {"__meta__":{"documentId":"sha256:9bb425d550a32055dfd554258d45bbe7375e2efa6bb8d78c8717dfd2c154d92d"}} as unknown as DocumentNode<ReceptionRefreshMutation, ReceptionRefreshMutationVariables>;
export const ReceptionSignOutDocument = {"__meta__":{"documentId":"sha256:4888b3eb2d8af6d17b77cf259fba5d4e35afa26f734a00bfb9285eb4edce8a4f"}} as unknown as DocumentNode<ReceptionSignOutMutation, ReceptionSignOutMutationVariables>;
export const DeskInvoiceDocument = {"__meta__":{"documentId":"sha256:d76aa11760244d59592e78df7c272476801c403a5149b676797606373e7d9e4a"}} as unknown as DocumentNode<DeskInvoiceQuery, DeskInvoiceQueryVariables>;
export const PatientInvoicesDocument = {"__meta__":{"documentId":"sha256:72a703cbbbc7155da8dd2d0850c48f530bd67e4769faf42732e55dccc41cd354"}} as unknown as DocumentNode<PatientInvoicesQuery, PatientInvoicesQueryVariables>;
export const BranchInvoicesDocument = {"__meta__":{"documentId":"sha256:06cf74f4aab9e7f133b8891c1ac26e4938b37fbd8c8ee9b4f9b16db890ad3c06"}} as unknown as DocumentNode<BranchInvoicesQuery, BranchInvoicesQueryVariables>;
export const DeskPriceListDocument = {"__meta__":{"documentId":"sha256:2635980f3afd54a81acad8042521699f1dd8024fb4bc03a6975b8ac6bf9246d6"}} as unknown as DocumentNode<DeskPriceListQuery, DeskPriceListQueryVariables>;
export const CreateDeskInvoiceDocument = {"__meta__":{"documentId":"sha256:9114b189f1de256fbff50b8405bddacf98038bc9374b9d3b0d2c1240656c0300"}} as unknown as DocumentNode<CreateDeskInvoiceMutation, CreateDeskInvoiceMutationVariables>;
export const DeskFiscalShiftDocument = {"__meta__":{"documentId":"sha256:342c9e5fb58455f5e2f8319bb10b1c9a46763dffb05c16600878a4216f7f04ac"}} as unknown as DocumentNode<DeskFiscalShiftQuery, DeskFiscalShiftQueryVariables>;
export const OpenFiscalShiftDocument = {"__meta__":{"documentId":"sha256:86997b0ea649ccc57744d2a8506762134562d426e37d76f823cf39c0dae37125"}} as unknown as DocumentNode<OpenFiscalShiftMutation, OpenFiscalShiftMutationVariables>;
export const CloseFiscalShiftDocument = {"__meta__":{"documentId":"sha256:5854e7f18b2ead0f9253acdf83f443ff6e8d1b415aa8526d9ddce613d47840f1"}} as unknown as DocumentNode<CloseFiscalShiftMutation, CloseFiscalShiftMutationVariables>;
export const TakeDeskPaymentDocument = {"__meta__":{"documentId":"sha256:7d2ba585324d362b16f04d591d0b6a1d75b63d251407e2f181842af7d0a284cc"}} as unknown as DocumentNode<TakeDeskPaymentMutation, TakeDeskPaymentMutationVariables>;
export const RetryPaymentFiscalisationDocument = {"__meta__":{"documentId":"sha256:406df03cfe272aa9fe071d1531bc24216f50b12dd8bd589c30975320e71c2d82"}} as unknown as DocumentNode<RetryPaymentFiscalisationMutation, RetryPaymentFiscalisationMutationVariables>;
export const RefundPaymentDocument = {"__meta__":{"documentId":"sha256:cc320e0ff61d24ec811a138925fe19d95f50f7f3bf7b730b524b1171dff7ee4c"}} as unknown as DocumentNode<RefundPaymentMutation, RefundPaymentMutationVariables>;
export const SetPriceDocument = {"__meta__":{"documentId":"sha256:20227fe1d3edd2979db7b0e9e2114f5b82562bd3558c0b306ecd207155002209"}} as unknown as DocumentNode<SetPriceMutation, SetPriceMutationVariables>;
export const PricedServicesDocument = {"__meta__":{"documentId":"sha256:87f2a17796097de7b333f6b6edf38c64d512538c404a119abfb9a54f2b8ca4f2"}} as unknown as DocumentNode<PricedServicesQuery, PricedServicesQueryVariables>;
export const CashierPatientSearchDocument = {"__meta__":{"documentId":"sha256:fb4050114cdfc6bdd74339f1190be54e74330dc468e159942de8eca7cf7534de"}} as unknown as DocumentNode<CashierPatientSearchQuery, CashierPatientSearchQueryVariables>;
export const CallListDocument = {"__meta__":{"documentId":"sha256:1dec4767acfb5205fe05c070642b3bbdcabc4dd540f60c67576fd1d369262f39"}} as unknown as DocumentNode<CallListQuery, CallListQueryVariables>;
export const SetCallStatusDocument = {"__meta__":{"documentId":"sha256:15903a0ae2a62574d84ed074d2f12cd09d68acd2891f9bb1f1b18207e3aac207"}} as unknown as DocumentNode<SetCallStatusMutation, SetCallStatusMutationVariables>;
export const ReceptionMeDocument = {"__meta__":{"documentId":"sha256:dead43096106d39ef46705bb2f8488275208407396ff3a3c9301944413aad370"}} as unknown as DocumentNode<ReceptionMeQuery, ReceptionMeQueryVariables>;
export const BranchSpecialistsDocument = {"__meta__":{"documentId":"sha256:5a574dd0f7059ac804404af6127768d0fbd0371a8470d76535de9497c0330142"}} as unknown as DocumentNode<BranchSpecialistsQuery, BranchSpecialistsQueryVariables>;
export const ReceptionFreeSlotsDocument = {"__meta__":{"documentId":"sha256:35181225a5d6fad7470153ff0a3e762570600f77cc98197dec41df6782dc2c07"}} as unknown as DocumentNode<ReceptionFreeSlotsQuery, ReceptionFreeSlotsQueryVariables>;
export const StartTotpEnrollmentDocument = {"__meta__":{"documentId":"sha256:77fccaf76105ac02e5f19ad4763c22354aa52921fd283da9c33608fc870a3a3e"}} as unknown as DocumentNode<StartTotpEnrollmentMutation, StartTotpEnrollmentMutationVariables>;
export const ConfirmTotpEnrollmentDocument = {"__meta__":{"documentId":"sha256:6778d0e179e97dd9889c4c0bc77c2a701e09a89361b2c2f5a975fc6c48bd5f32"}} as unknown as DocumentNode<ConfirmTotpEnrollmentMutation, ConfirmTotpEnrollmentMutationVariables>;
export const PatientContractsDocument = {"__meta__":{"documentId":"sha256:61dd674f99bb3c6810b9169e0e7bec8d9fd427dd46b2cd7a0d09763562aecc38"}} as unknown as DocumentNode<PatientContractsQuery, PatientContractsQueryVariables>;
export const CreateDeskContractDocument = {"__meta__":{"documentId":"sha256:9a76fe7af6c6a3d4be37efe3d238049e6756079a6578dcb44f499115354edf82"}} as unknown as DocumentNode<CreateDeskContractMutation, CreateDeskContractMutationVariables>;
export const SignContractAtDeskDocument = {"__meta__":{"documentId":"sha256:6807962fa689d78546017a5e0b726cb46ae98d39de5181b21d22c6bd81b990ab"}} as unknown as DocumentNode<SignContractAtDeskMutation, SignContractAtDeskMutationVariables>;
export const DeskContractPdfDocument = {"__meta__":{"documentId":"sha256:87815c907919f8987f8d2e5c9c736ba94e76383c977c11ccce404ac4544b335f"}} as unknown as DocumentNode<DeskContractPdfQuery, DeskContractPdfQueryVariables>;
export const BranchJournalDocument = {"__meta__":{"documentId":"sha256:e50324b842a360bd37d567d9b6c67b81efa95225489f1fc9f14f304b11299794"}} as unknown as DocumentNode<BranchJournalQuery, BranchJournalQueryVariables>;
export const ReceptionAppointmentDocument = {"__meta__":{"documentId":"sha256:e407579b803d5ea083a6aa7ed2a67da741da822c3bf128ec5913b28243839fee"}} as unknown as DocumentNode<ReceptionAppointmentQuery, ReceptionAppointmentQueryVariables>;
export const ReceptionBookDocument = {"__meta__":{"documentId":"sha256:ac2ef06ccfbf9fb7ba089515269833e9b7a0f0d8592c89d4e4da13d492d63c42"}} as unknown as DocumentNode<ReceptionBookMutation, ReceptionBookMutationVariables>;
export const ReceptionRescheduleDocument = {"__meta__":{"documentId":"sha256:ca88f8275aec18e587dd4261287894fa67fe8c4afb88e470490e4addd9a12806"}} as unknown as DocumentNode<ReceptionRescheduleMutation, ReceptionRescheduleMutationVariables>;
export const ReceptionCancelDocument = {"__meta__":{"documentId":"sha256:75703f2d76b8529b8ad77ce3f948f14f83d4de1427de01a16bfe7f662dbeb060"}} as unknown as DocumentNode<ReceptionCancelMutation, ReceptionCancelMutationVariables>;
export const ReceptionConfirmDocument = {"__meta__":{"documentId":"sha256:3b026c2ad0513ccc11a702e20d92ceab0b89372d3d3b6fb9e664c4f1492f92e2"}} as unknown as DocumentNode<ReceptionConfirmMutation, ReceptionConfirmMutationVariables>;
export const ReceptionCheckInDocument = {"__meta__":{"documentId":"sha256:8d4348910e05e76f3cf45aed1d7b1932521561c5e965153a6aae14612ba7786e"}} as unknown as DocumentNode<ReceptionCheckInMutation, ReceptionCheckInMutationVariables>;
export const ReceptionNoShowDocument = {"__meta__":{"documentId":"sha256:33c580ff326f3dedf38e9cfdee0ca5f4aa8ba01cdc53f66a1534071b45c1cfcc"}} as unknown as DocumentNode<ReceptionNoShowMutation, ReceptionNoShowMutationVariables>;
export const ReceptionAppointmentEventsDocument = {"__meta__":{"documentId":"sha256:a75a1ffeaaca7ea6e22b03e72f6e46fb44803ece590293de2d6c7d3146020dfd"}} as unknown as DocumentNode<ReceptionAppointmentEventsSubscription, ReceptionAppointmentEventsSubscriptionVariables>;
export const LabTestsDocument = {"__meta__":{"documentId":"sha256:1831ee1be55dcd341b051861cb0516b25fb3dbb56fda5050a822a62326b25595"}} as unknown as DocumentNode<LabTestsQuery, LabTestsQueryVariables>;
export const LabOrdersForVisitDocument = {"__meta__":{"documentId":"sha256:0640e2c0aebee2e8b2215e5c4adb3d5d19639b1ffe1af6844083022bc23d37d3"}} as unknown as DocumentNode<LabOrdersForVisitQuery, LabOrdersForVisitQueryVariables>;
export const PatientLabOrdersDocument = {"__meta__":{"documentId":"sha256:58c744c7921753f8264081a9d898e5120461a0e01cb8e8b697888ef275275f91"}} as unknown as DocumentNode<PatientLabOrdersQuery, PatientLabOrdersQueryVariables>;
export const LabOrdersToReviewDocument = {"__meta__":{"documentId":"sha256:8eeed9e7dbe2e1d34978f5677982b623d8fd2f1aa96f91f04a8578d5895bfe84"}} as unknown as DocumentNode<LabOrdersToReviewQuery, LabOrdersToReviewQueryVariables>;
export const LabPatientDocument = {"__meta__":{"documentId":"sha256:1492d864f13e6fbff7d7d111d7615835c2e03ef14b70d5023e6d60273f5a2cf6"}} as unknown as DocumentNode<LabPatientQuery, LabPatientQueryVariables>;
export const OrderLabTestsDocument = {"__meta__":{"documentId":"sha256:ddb65ca35d37228f741e906bf70a63957247e95294c754f77d381a37d92c01c9"}} as unknown as DocumentNode<OrderLabTestsMutation, OrderLabTestsMutationVariables>;
export const RecordLabSpecimenStepDocument = {"__meta__":{"documentId":"sha256:a6a9edd64a9ff3033b391db5aec3fff164b127d56b9159ca7d4956bdf4a0444b"}} as unknown as DocumentNode<RecordLabSpecimenStepMutation, RecordLabSpecimenStepMutationVariables>;
export const CancelLabOrderDocument = {"__meta__":{"documentId":"sha256:86388804f978da8241d6a6b0fc0e0e18ee6ff11b6b8a9718860232c3dd396825"}} as unknown as DocumentNode<CancelLabOrderMutation, CancelLabOrderMutationVariables>;
export const ReviewLabOrderDocument = {"__meta__":{"documentId":"sha256:3e14e2700dff026d92a92094103db29eddfc9777c49b3d58df67bdf80cf34e49"}} as unknown as DocumentNode<ReviewLabOrderMutation, ReviewLabOrderMutationVariables>;
export const LabAlertsDocument = {"__meta__":{"documentId":"sha256:832554dce2e9deee26675a2a4bb23ac03a9b6ddbcfb061e4891addeab51d1eb2"}} as unknown as DocumentNode<LabAlertsQuery, LabAlertsQueryVariables>;
export const AcknowledgeLabAlertDocument = {"__meta__":{"documentId":"sha256:801895811e3c6e6ae79fb7a9416bd294af78803dbda90fd7abb04212395c8288"}} as unknown as DocumentNode<AcknowledgeLabAlertMutation, AcknowledgeLabAlertMutationVariables>;
export const ReceptionLabAlertRaisedDocument = {"__meta__":{"documentId":"sha256:57eb7b2e26a432f476518b168ca3d7862da7f07428fe6b3eeedf2941db4ed045"}} as unknown as DocumentNode<ReceptionLabAlertRaisedSubscription, ReceptionLabAlertRaisedSubscriptionVariables>;
export const SearchPatientsDocument = {"__meta__":{"documentId":"sha256:1b6d22311b56277e6dccfea7ffbf723039f35464fcfe13f04b6577d8572f142a"}} as unknown as DocumentNode<SearchPatientsQuery, SearchPatientsQueryVariables>;
export const PatientCardDocument = {"__meta__":{"documentId":"sha256:49de2dc39362e04b6924407742a67c7f6a746e7cdca2dd6dab5be9d2495685ec"}} as unknown as DocumentNode<PatientCardQuery, PatientCardQueryVariables>;
export const RegisterPatientDocument = {"__meta__":{"documentId":"sha256:176440db907c65ebe3ec650680bfc3e886dc6372443b45d42188a9e9a899c3dc"}} as unknown as DocumentNode<RegisterPatientMutation, RegisterPatientMutationVariables>;
export const SecurityAlertsDocument = {"__meta__":{"documentId":"sha256:4cb48da43ce0d023d130e31f307647af6a902e66e83f99442cf577e5a3f2292a"}} as unknown as DocumentNode<SecurityAlertsQuery, SecurityAlertsQueryVariables>;
export const SecurityAlertDocument = {"__meta__":{"documentId":"sha256:ba8cdc8fa94c73ba00e480bb69ca6cac1cc45ef6414e0159005dc950e9c390a3"}} as unknown as DocumentNode<SecurityAlertQuery, SecurityAlertQueryVariables>;
export const SecurityAlertRaisedDocument = {"__meta__":{"documentId":"sha256:2a67ef65feb93ddbed637fc98f6ada7da07045789accf32a36c10047618d6bc0"}} as unknown as DocumentNode<SecurityAlertRaisedSubscription, SecurityAlertRaisedSubscriptionVariables>;
export const TriageSecurityAlertDocument = {"__meta__":{"documentId":"sha256:a9a84293cecef580e55c00ca3dd56c6060ab06ceb19b4e12f72041a9f904b6a7"}} as unknown as DocumentNode<TriageSecurityAlertMutation, TriageSecurityAlertMutationVariables>;
export const AssignSecurityAlertDocument = {"__meta__":{"documentId":"sha256:c0bc80acabdbb59e4194d241e0c85534386fc6ee791ee11e6be6a1b6cc7ea0b1"}} as unknown as DocumentNode<AssignSecurityAlertMutation, AssignSecurityAlertMutationVariables>;
export const AddSecurityAlertNoteDocument = {"__meta__":{"documentId":"sha256:bb539c9d70e91668b037f74eb9da8f4f1b4f3acdeeb60c537bc0b100d532a256"}} as unknown as DocumentNode<AddSecurityAlertNoteMutation, AddSecurityAlertNoteMutationVariables>;
export const MonitoringRulesDocument = {"__meta__":{"documentId":"sha256:22e04425af3fc680bdb95981dd1d0d8ea535262a4122f98498a301c7f63c0eb1"}} as unknown as DocumentNode<MonitoringRulesQuery, MonitoringRulesQueryVariables>;
export const AuditRecordsDocument = {"__meta__":{"documentId":"sha256:44cfa5caf0ef569f395f5d3ff638e50da10c0d2346c21caea2f816580539e476"}} as unknown as DocumentNode<AuditRecordsQuery, AuditRecordsQueryVariables>;
export const AuditChainStatusDocument = {"__meta__":{"documentId":"sha256:78774a471357f9848fbd134c60135568ab6ba12042a388045939f0f555d5fa07"}} as unknown as DocumentNode<AuditChainStatusQuery, AuditChainStatusQueryVariables>;
export const VerifyAuditChainsDocument = {"__meta__":{"documentId":"sha256:5202b07ea40479a1b3df41b48006dd841fa24149ea478f744a0108e826e2d57e"}} as unknown as DocumentNode<VerifyAuditChainsMutation, VerifyAuditChainsMutationVariables>;
export const StaffAccountsDocument = {"__meta__":{"documentId":"sha256:e5fd9ad8ed98172ba462a8a377000ad70baa2cd0ea3643addc342f4ee4023cd6"}} as unknown as DocumentNode<StaffAccountsQuery, StaffAccountsQueryVariables>;
export const DoctorTodayDocument = {"__meta__":{"documentId":"sha256:13fef8f794fce0c11ac3f8c27e27cfb1d82d753775be31d44241fb6a08dd6d56"}} as unknown as DocumentNode<DoctorTodayQuery, DoctorTodayQueryVariables>;
export const StaffDirectoryDocument = {"__meta__":{"documentId":"sha256:0778a251f7b0f7c6a17c976105c9d0380e86cde764db23afb3396138648f49b8"}} as unknown as DocumentNode<StaffDirectoryQuery, StaffDirectoryQueryVariables>;
export const RecordAccessDocument = {"__meta__":{"documentId":"sha256:3689423bdf4a38ff4466b6a447d97efc2ad5ce46a5f46a12b2ddce8c197a140c"}} as unknown as DocumentNode<RecordAccessQuery, RecordAccessQueryVariables>;
export const DoctorPatientDocument = {"__meta__":{"documentId":"sha256:cd448d48c6ed280935e72d0156bb7594b186ec716cd5cf846d39496723c80179"}} as unknown as DocumentNode<DoctorPatientQuery, DoctorPatientQueryVariables>;
export const PatientVisitsDocument = {"__meta__":{"documentId":"sha256:49d55ab0b016281b171cedd65b19a2eed26ca37ceff79da2b8ce1eebe6bd804e"}} as unknown as DocumentNode<PatientVisitsQuery, PatientVisitsQueryVariables>;
export const VisitWorkDocument = {"__meta__":{"documentId":"sha256:27de43efdf63c3c3fd5e9cee190e9d50664cca43c413e7c78c754f06b24bddf5"}} as unknown as DocumentNode<VisitWorkQuery, VisitWorkQueryVariables>;
export const VisitForAppointmentDocument = {"__meta__":{"documentId":"sha256:6a51257b1aeac7c682ad3b36f9f0c84e7005b2764e9e50eaa859220dad95f182"}} as unknown as DocumentNode<VisitForAppointmentQuery, VisitForAppointmentQueryVariables>;
export const Icd10SearchDocument = {"__meta__":{"documentId":"sha256:c4f3d07c7033d1a1e9800d3bb923fdff31b56fcfe33e6640f9dff89622ce6027"}} as unknown as DocumentNode<Icd10SearchQuery, Icd10SearchQueryVariables>;
export const OpenVisitDocument = {"__meta__":{"documentId":"sha256:ab2778af3b56b2e9ed5c02b0bb7f044da86b2c8dbbea6534d85d97aa3be4b3fb"}} as unknown as DocumentNode<OpenVisitMutation, OpenVisitMutationVariables>;
export const SaveVisitDraftDocument = {"__meta__":{"documentId":"sha256:f22449798926ed58ede626f1884b7266319af0eb1fc38c88703facb815f88184"}} as unknown as DocumentNode<SaveVisitDraftMutation, SaveVisitDraftMutationVariables>;
export const SignVisitDocument = {"__meta__":{"documentId":"sha256:4ecd214dd95ef9f9aac74b0a20eef1a8309208f7bac8538494823f19c7d59b72"}} as unknown as DocumentNode<SignVisitMutation, SignVisitMutationVariables>;
export const StartVisitCorrectionDocument = {"__meta__":{"documentId":"sha256:290bb4c81b4ace509eae622ef0e19c900127a6c054066b90c5b6c86d3617d034"}} as unknown as DocumentNode<StartVisitCorrectionMutation, StartVisitCorrectionMutationVariables>;
export const DiscardVisitDraftDocument = {"__meta__":{"documentId":"sha256:0af3c020f82cb0c4f196420d7623e9cb00d9bfa2a060639aa2632bea39ef8c03"}} as unknown as DocumentNode<DiscardVisitDraftMutation, DiscardVisitDraftMutationVariables>;
export const AddVisitAddendumDocument = {"__meta__":{"documentId":"sha256:d63ff30f3037899b906adca9a6843995f91dd0a88fb8811ec59b56c31135f8e6"}} as unknown as DocumentNode<AddVisitAddendumMutation, AddVisitAddendumMutationVariables>;
export const MarkVisitEnteredInErrorDocument = {"__meta__":{"documentId":"sha256:224084399541b49be15b6b65fc43c005de11e4c5c9017f8475e6f1f2295af118"}} as unknown as DocumentNode<MarkVisitEnteredInErrorMutation, MarkVisitEnteredInErrorMutationVariables>;
export const BreakGlassDocument = {"__meta__":{"documentId":"sha256:77397a21edc148f3d0168e4928d6a4e2e78e714bd40e574b071345ac6197bd6d"}} as unknown as DocumentNode<BreakGlassMutation, BreakGlassMutationVariables>;
export const TaxCertificatesDocument = {"__meta__":{"documentId":"sha256:69e07a008c0d050e65b6015748aadbfcf31bd313074b9efac69888416ed8539d"}} as unknown as DocumentNode<TaxCertificatesQuery, TaxCertificatesQueryVariables>;
export const IssueTaxCertificateDocument = {"__meta__":{"documentId":"sha256:9ea9e06b37aff6e3c3bbe32023510d108a2ffc886d4a9aae05dacaadfb5e7e23"}} as unknown as DocumentNode<IssueTaxCertificateMutation, IssueTaxCertificateMutationVariables>;
export const TaxPatientNameDocument = {"__meta__":{"documentId":"sha256:fff1f03c91c53d69160ccae4567826c396e7baec93172d070ca77ab0ec5381e7"}} as unknown as DocumentNode<TaxPatientNameQuery, TaxPatientNameQueryVariables>;
export const TaxCertificateFilesDocument = {"__meta__":{"documentId":"sha256:a02219996b00175fac22679d16353a5e0916b2f10f76d99ec162cd26c273c7a6"}} as unknown as DocumentNode<TaxCertificateFilesQuery, TaxCertificateFilesQueryVariables>;