/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AcceptContractInput = {
  contractId: string;
  idempotencyKey: string;
};

export type AccountRole =
  | 'accountant'
  | 'analyst'
  | 'cashier'
  | 'doctor'
  | 'it_admin'
  | 'patient'
  | 'receptionist'
  | 'security_officer';

export type AppointmentPeriod =
  | 'PAST'
  | 'UPCOMING';

export type AppointmentStatus =
  | 'BOOKED'
  | 'CANCELLED'
  | 'CHECKED_IN'
  | 'COMPLETED'
  | 'CONFIRMED'
  | 'HELD'
  | 'NO_SHOW';

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

export type CancelInput = {
  appointmentId: string;
  idempotencyKey: string;
  reason: string;
};

export type ConsentChannel =
  | 'PAPER'
  | 'PHONE'
  | 'PORTAL'
  | 'RECEPTION';

export type ConsentPurpose =
  | 'ANALYTICS'
  | 'LAB_SHARING'
  | 'MARKETING'
  | 'PORTAL_ACCOUNT'
  | 'TREATMENT';

export type ContractAcceptanceChannel =
  | 'DESK'
  | 'PORTAL';

export type ContractStatus =
  /** Accepted by the patient in the portal */
  | 'ACCEPTED'
  /** Made at the desk, not concluded yet */
  | 'DRAFT'
  /** Signed on paper at the desk */
  | 'SIGNED';

export type DiagnosisCertainty =
  | 'CONFIRMED'
  | 'PROVISIONAL';

export type DiagnosisKind =
  | 'COMPLICATION'
  | 'PRIMARY'
  | 'SECONDARY';

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

export type InvoiceStatus =
  /** What it billed was cancelled before anything was paid: the charge is reversed, nothing is owed */
  | 'CANCELLED'
  | 'PAID'
  | 'PARTIALLY_PAID'
  | 'UNPAID';

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

export type LabValueKind =
  | 'CODED'
  | 'NUMERIC'
  | 'TEXT';

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

export type PatientUpdateInput = {
  birthDate?: string | null | undefined;
  chronicConditions?: Array<string> | null | undefined;
  email?: string | null | undefined;
  firstName?: string | null | undefined;
  homeAddress?: string | null | undefined;
  insurancePolicy?: string | null | undefined;
  lastName?: string | null | undefined;
  middleName?: string | null | undefined;
  passport?: string | null | undefined;
  passportIssuedBy?: string | null | undefined;
  passportIssuedOn?: string | null | undefined;
  phone?: string | null | undefined;
  registrationAddress?: string | null | undefined;
  sex?: Sex | null | undefined;
  snils?: string | null | undefined;
  workplace?: string | null | undefined;
};

export type PayInvoiceOnlineInput = {
  idempotencyKey: string;
  invoiceId: string;
};

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

export type PushSubscriptionInput = {
  auth: string;
  endpoint: string;
  p256dh: string;
};

export type ReceiptOperation =
  /** Sale (tag 1054 = 1) */
  | 'SELL'
  /** Sale refund (tag 1054 = 2) */
  | 'SELL_RETURN';

export type ReferralKind =
  | 'LAB'
  | 'SPECIALIST';

export type ReminderAction =
  | 'CANCEL'
  | 'CONFIRM';

export type ReminderChannel =
  | 'EMAIL'
  | 'PUSH'
  | 'SMS'
  | 'VOICE';

/** Exactly one of the fields */
export type RequestDownloadInput = {
  /** An attachment's file */
  attachmentId?: string | null | undefined;
  /** The printable summary (PDF) of the visit's current signed version */
  visitId?: string | null | undefined;
  /** The printable summary (PDF) of one signed version */
  visitVersionId?: string | null | undefined;
};

export type RescheduleInput = {
  appointmentId: string;
  branchId?: string | null | undefined;
  idempotencyKey: string;
  /** Move to another doctor or branch (defaults: the current ones) */
  specialistId?: string | null | undefined;
  startsAt: string;
};

export type Sex =
  | 'FEMALE'
  | 'MALE';

export type SignInInput = {
  login: string;
  password: string;
  /** Six digits from the authenticator app, when TOTP is enabled */
  totpCode?: string | null | undefined;
};

export type SignUpPatientInput = {
  displayName: string;
  /** E-mail or Russian mobile number; the code goes there */
  login: string;
  password: string;
};

export type SpecialistFilter = {
  branchId?: string | null | undefined;
  /** Beginning of the doctor's surname or name */
  name?: string | null | undefined;
  serviceId?: string | null | undefined;
  specialty?: string | null | undefined;
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

export type VerificationChannel =
  | 'EMAIL'
  | 'SMS';

export type VisitVersionStatus =
  /** A correction that replaces the version before it */
  | 'AMENDED'
  /** Kept, hidden from the patient */
  | 'ENTERED_IN_ERROR'
  | 'FINAL';

export type PortalSignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type PortalSignInMutation = { signIn: { ok: boolean, accessToken: string | null, refreshToken: string | null, expiresIn: number | null, inputErrors: Array<{ field: string, code: string, message: string }>, account: { id: string, role: AccountRole, displayName: string | null, patientId: string | null, branchIds: Array<string> } | null } };

export type PortalSignUpMutationVariables = Exact<{
  input: SignUpPatientInput;
}>;


export type PortalSignUpMutation = { signUpPatient: { ok: boolean, verificationId: string | null, channel: VerificationChannel | null, expiresAt: string | null, inputErrors: Array<{ field: string, code: string, message: string }> } };

export type PortalConfirmSignUpMutationVariables = Exact<{
  verificationId: string;
  code: string;
}>;


export type PortalConfirmSignUpMutation = { confirmSignUp: { ok: boolean, accessToken: string | null, refreshToken: string | null, expiresIn: number | null, inputErrors: Array<{ field: string, code: string, message: string }>, account: { id: string, role: AccountRole, displayName: string | null, patientId: string | null, branchIds: Array<string> } | null } };

export type PortalRefreshMutationVariables = Exact<{
  refreshToken: string;
}>;


export type PortalRefreshMutation = { refreshSession: { ok: boolean, accessToken: string | null, refreshToken: string | null, expiresIn: number | null, inputErrors: Array<{ field: string, code: string, message: string }>, account: { id: string, role: AccountRole, displayName: string | null, patientId: string | null, branchIds: Array<string> } | null } };

export type PortalSignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type PortalSignOutMutation = { signOut: { ok: boolean } };

export type PortalInvoiceFieldsFragment = { id: string, number: string | null, createdAt: string | null, totalKopecks: number | null, paidKopecks: number | null, refundedKopecks: number | null, balanceKopecks: number | null, status: InvoiceStatus | null, lines: Array<{ lineNo: number, name: string, unitPriceKopecks: number, quantity: number, discountKopecks: number, discountReason: string | null, amountKopecks: number, vat: VatRate }> | null, payments: Array<{ id: string, method: PaymentMethod | null, amountKopecks: number | null, status: PaymentStatus | null, statusReason: string | null, createdAt: string | null, refundedKopecks: number | null, receipts: Array<{ id: string, operation: ReceiptOperation | null, totalKopecks: number | null, cashKopecks: number | null, electronicKopecks: number | null, customerContact: string | null, fiscalDocumentNumber: number | null, fiscalSign: string | null, fnNumber: string | null, registrationNumber: string | null, shiftNumber: number | null, receiptNumber: number | null, fiscalAt: string | null, lines: Array<{ name: string, priceKopecks: number, quantity: number, amountKopecks: number, vat: VatRate, paymentMethod: string, paymentObject: string }> | null }> | null }> | null };

export type MyInvoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyInvoicesQuery = { myInvoices: Array<{ id: string, number: string | null, createdAt: string | null, totalKopecks: number | null, paidKopecks: number | null, refundedKopecks: number | null, balanceKopecks: number | null, status: InvoiceStatus | null, lines: Array<{ lineNo: number, name: string, unitPriceKopecks: number, quantity: number, discountKopecks: number, discountReason: string | null, amountKopecks: number, vat: VatRate }> | null, payments: Array<{ id: string, method: PaymentMethod | null, amountKopecks: number | null, status: PaymentStatus | null, statusReason: string | null, createdAt: string | null, refundedKopecks: number | null, receipts: Array<{ id: string, operation: ReceiptOperation | null, totalKopecks: number | null, cashKopecks: number | null, electronicKopecks: number | null, customerContact: string | null, fiscalDocumentNumber: number | null, fiscalSign: string | null, fnNumber: string | null, registrationNumber: string | null, shiftNumber: number | null, receiptNumber: number | null, fiscalAt: string | null, lines: Array<{ name: string, priceKopecks: number, quantity: number, amountKopecks: number, vat: VatRate, paymentMethod: string, paymentObject: string }> | null }> | null }> | null }> };

export type MyInvoiceQueryVariables = Exact<{
  id: string;
}>;


export type MyInvoiceQuery = { invoice: { id: string, number: string | null, createdAt: string | null, totalKopecks: number | null, paidKopecks: number | null, refundedKopecks: number | null, balanceKopecks: number | null, status: InvoiceStatus | null, lines: Array<{ lineNo: number, name: string, unitPriceKopecks: number, quantity: number, discountKopecks: number, discountReason: string | null, amountKopecks: number, vat: VatRate }> | null, payments: Array<{ id: string, method: PaymentMethod | null, amountKopecks: number | null, status: PaymentStatus | null, statusReason: string | null, createdAt: string | null, refundedKopecks: number | null, receipts: Array<{ id: string, operation: ReceiptOperation | null, totalKopecks: number | null, cashKopecks: number | null, electronicKopecks: number | null, customerContact: string | null, fiscalDocumentNumber: number | null, fiscalSign: string | null, fnNumber: string | null, registrationNumber: string | null, shiftNumber: number | null, receiptNumber: number | null, fiscalAt: string | null, lines: Array<{ name: string, priceKopecks: number, quantity: number, amountKopecks: number, vat: VatRate, paymentMethod: string, paymentObject: string }> | null }> | null }> | null } | null };

export type PayInvoiceOnlineMutationVariables = Exact<{
  input: PayInvoiceOnlineInput;
}>;


export type PayInvoiceOnlineMutation = { payInvoiceOnline: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, payment: { id: string, status: PaymentStatus | null, confirmationUrl: string | null } | null } };

export type MyContractsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyContractsQuery = { myContracts: Array<{ id: string, number: string | null, status: ContractStatus | null, date: string | null, acceptedAt: string | null, acceptanceChannel: ContractAcceptanceChannel | null, totalKopecks: number | null, provisionTerms: string | null, services: Array<{ code: string | null, name: string, quantity: number, unitPriceKopecks: number, amountKopecks: number }> | null }> };

export type AcceptContractMutationVariables = Exact<{
  input: AcceptContractInput;
}>;


export type AcceptContractMutation = { acceptContract: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, contract: { id: string, status: ContractStatus | null, acceptedAt: string | null, acceptanceChannel: ContractAcceptanceChannel | null } | null } };

export type ContractPdfQueryVariables = Exact<{
  id: string;
}>;


export type ContractPdfQuery = { contract: { id: string, pdfUrl: string | null } | null };

export type CatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogQuery = { specialties: Array<string>, branches: Array<{ id: string, name: string, address: string, timeZone: string }> };

export type FindSpecialistsQueryVariables = Exact<{
  filter?: SpecialistFilter | null | undefined;
}>;


export type FindSpecialistsQuery = { specialists: Array<{ id: string, displayName: string, specialties: Array<string>, branches: Array<{ id: string, name: string, timeZone: string }> }> };

export type SpecialistQueryVariables = Exact<{
  id: string;
}>;


export type SpecialistQuery = { specialist: { id: string, displayName: string, specialties: Array<string>, branches: Array<{ id: string, name: string, address: string, timeZone: string, settings: { holdMinutes: number, horizonDays: number } }>, services: Array<{ id: string, name: string, specialty: string, durationMinutes: number }> } | null };

export type FreeSlotsQueryVariables = Exact<{
  input: FreeSlotsInput;
}>;


export type FreeSlotsQuery = { freeSlots: Array<{ specialistId: string, branchId: string, startsAt: string, endsAt: string, branch: { id: string, name: string, timeZone: string } }> };

export type HoldSlotMutationVariables = Exact<{
  input: BookingInput;
}>;


export type HoldSlotMutation = { holdSlot: { appointment: { id: string, status: AppointmentStatus | null, startsAt: string | null, endsAt: string | null, holdExpiresAt: string | null, specialist: { id: string, displayName: string } | null, branch: { id: string, name: string, address: string, timeZone: string } | null, service: { id: string, name: string } | null } | null, inputErrors: Array<{ field: string, code: string, message: string }>, alternatives: Array<{ specialistId: string, branchId: string, startsAt: string, endsAt: string, branch: { id: string, name: string, timeZone: string } }> } };

export type ConfirmHoldMutationVariables = Exact<{
  appointmentId: string;
  idempotencyKey: string;
}>;


export type ConfirmHoldMutation = { confirmHold: { appointment: { id: string, status: AppointmentStatus | null, startsAt: string | null } | null, inputErrors: Array<{ field: string, code: string, message: string }>, alternatives: Array<{ specialistId: string, branchId: string, startsAt: string, endsAt: string, branch: { id: string, name: string, timeZone: string } }> } };

export type MyAppointmentsQueryVariables = Exact<{
  period: AppointmentPeriod;
}>;


export type MyAppointmentsQuery = { myAppointments: Array<{ id: string, status: AppointmentStatus | null, startsAt: string | null, endsAt: string | null, specialistId: string | null, serviceId: string | null, branchId: string | null, cancelledLate: boolean | null, specialist: { id: string, displayName: string } | null, branch: { id: string, name: string, address: string, timeZone: string, settings: { lateCancelHours: number } } | null, service: { id: string, name: string } | null }> };

export type MyAppointmentQueryVariables = Exact<{
  id: string;
}>;


export type MyAppointmentQuery = { appointment: { id: string, status: AppointmentStatus | null, startsAt: string | null, endsAt: string | null, specialistId: string | null, serviceId: string | null, branchId: string | null, specialist: { id: string, displayName: string } | null, branch: { id: string, name: string, address: string, timeZone: string } | null, service: { id: string, name: string } | null } | null };

export type RescheduleMutationVariables = Exact<{
  input: RescheduleInput;
}>;


export type RescheduleMutation = { rescheduleAppointment: { appointment: { id: string, status: AppointmentStatus | null, startsAt: string | null } | null, inputErrors: Array<{ field: string, code: string, message: string }>, alternatives: Array<{ specialistId: string, branchId: string, startsAt: string, endsAt: string, branch: { id: string, name: string, timeZone: string } }> } };

export type CancelAppointmentMutationVariables = Exact<{
  input: CancelInput;
}>;


export type CancelAppointmentMutation = { cancelAppointment: { appointment: { id: string, status: AppointmentStatus | null, cancelledLate: boolean | null } | null, inputErrors: Array<{ field: string, code: string, message: string }> } };

export type ConfirmAppointmentMutationVariables = Exact<{
  appointmentId: string;
}>;


export type ConfirmAppointmentMutation = { confirmAppointment: { appointment: { id: string, status: AppointmentStatus | null } | null, inputErrors: Array<{ field: string, code: string, message: string }> } };

export type MyLabOrdersQueryVariables = Exact<{ [key: string]: never; }>;


export type MyLabOrdersQuery = { myLabOrders: Array<{ id: string, patientId: string, status: LabOrderStatus | null, createdAt: string | null, releasedAt: string | null, reviewComment: string | null, tests: Array<{ testId: string, name: string }> | null, results: Array<{ id: string, testId: string | null, testName: string | null, kind: LabValueKind | null, numeric: number | null, unit: string | null, coded: string | null, text: string | null, referenceText: string | null, flag: LabFlag | null, flagText: string | null, resultedAt: string | null, released: boolean | null, referenceRange: { low: number | null, high: number | null } | null }> | null }> };

export type LabResultHistoryQueryVariables = Exact<{
  patientId: string;
  testId: string;
}>;


export type LabResultHistoryQuery = { labResultHistory: Array<{ id: string, numeric: number | null, unit: string | null, flag: LabFlag | null, resultedAt: string | null, referenceText: string | null, released: boolean | null, referenceRange: { low: number | null, high: number | null } | null }> };

export type MyPatientQueryVariables = Exact<{ [key: string]: never; }>;


export type MyPatientQuery = { myPatient: { id: string, lastName: string | null, firstName: string | null, middleName: string | null, fullName: string | null, phone: string | null, email: string | null, birthDate: string | null, sex: Sex | null } | null };

export type RegisterSelfMutationVariables = Exact<{
  input: PatientInput;
}>;


export type RegisterSelfMutation = { registerSelf: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, patient: { id: string, fullName: string | null } | null } };

export type UpdateMyContactsMutationVariables = Exact<{
  id: string;
  input: PatientUpdateInput;
}>;


export type UpdateMyContactsMutation = { updatePatient: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, patient: { id: string, phone: string | null, email: string | null } | null } };

export type ConsentTextsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsentTextsQuery = { consentTexts: Array<{ purpose: ConsentPurpose, version: number, title: string, body: string, publishedAt: string }> };

export type MyConsentsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyConsentsQuery = { myPatient: { id: string, consents: Array<{ id: string, purpose: ConsentPurpose | null, textVersion: number | null, givenAt: string | null, givenChannel: ConsentChannel | null, withdrawnAt: string | null, active: boolean | null }> | null } | null, consentTexts: Array<{ purpose: ConsentPurpose, version: number, title: string, body: string, publishedAt: string }> };

export type GiveConsentMutationVariables = Exact<{
  patientId: string;
  purpose: ConsentPurpose;
  textVersion: number;
}>;


export type GiveConsentMutation = { giveConsent: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, consent: { id: string, purpose: ConsentPurpose | null, active: boolean | null, textVersion: number | null } | null } };

export type WithdrawConsentMutationVariables = Exact<{
  patientId: string;
  purpose: ConsentPurpose;
}>;


export type WithdrawConsentMutation = { withdrawConsent: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, consent: { id: string, purpose: ConsentPurpose | null, active: boolean | null, withdrawnAt: string | null } | null } };

export type MyRecordQueryVariables = Exact<{ [key: string]: never; }>;


export type MyRecordQuery = { myRecord: Array<{ id: string, startedAt: string | null, branchId: string | null, doctorAccountId: string | null, current: { id: string, number: number | null, status: VisitVersionStatus | null, reason: string | null, signedAt: string | null, conclusion: string | null, recommendations: string | null, diagnoses: Array<{ code: string, title: string, kind: DiagnosisKind, certainty: DiagnosisCertainty }> | null, prescriptions: Array<{ drug: string, form: string | null, dose: string | null, route: string | null, frequency: string | null, duration: string | null, instructions: string | null }> | null, referrals: Array<{ kind: ReferralKind, target: string, note: string | null }> | null } | null, addenda: Array<{ id: string, text: string | null, signedAt: string | null }> | null }>, branches: Array<{ id: string, name: string, timeZone: string }>, specialists: Array<{ id: string, accountId: string, displayName: string, specialties: Array<string> }> };

export type RequestVisitPdfMutationVariables = Exact<{
  input: RequestDownloadInput;
}>;


export type RequestVisitPdfMutation = { requestDownload: { ok: boolean, inputErrors: Array<{ field: string, code: string, message: string }>, link: { url: string, expiresAt: string } | null } };

export type UseReminderLinkMutationVariables = Exact<{
  token: string;
}>;


export type UseReminderLinkMutation = { useReminderLink: { ok: boolean, action: ReminderAction | null, status: AppointmentStatus | null, startsAt: string | null, inputErrors: Array<{ field: string, code: string, message: string }> } };

export type ReminderSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReminderSettingsQuery = { myReminderSettings: { preferredChannel: ReminderChannel | null, pushDevices: number | null }, reminderChannels: { enabled: Array<ReminderChannel>, webPushPublicKey: string | null } };

export type SetReminderChannelMutationVariables = Exact<{
  channel: ReminderChannel;
}>;


export type SetReminderChannelMutation = { setReminderChannel: { settings: { preferredChannel: ReminderChannel | null, pushDevices: number | null } | null, inputErrors: Array<{ field: string, code: string, message: string }> } };

export type RegisterPushMutationVariables = Exact<{
  input: PushSubscriptionInput;
}>;


export type RegisterPushMutation = { registerPushSubscription: { settings: { preferredChannel: ReminderChannel | null, pushDevices: number | null } | null, inputErrors: Array<{ field: string, code: string, message: string }> } };

export type RemovePushMutationVariables = Exact<{
  endpoint: string;
}>;


export type RemovePushMutation = { removePushSubscription: { settings: { pushDevices: number | null } | null } };

export type MyAccessTrailQueryVariables = Exact<{
  first?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type MyAccessTrailQuery = { myAccessTrail: Array<{ cursor: string, at: string | null, role: string | null, department: string | null, purpose: string | null, categories: Array<string> | null }> };

export const PortalInvoiceFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PortalInvoiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Invoice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"totalKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"paidKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"refundedKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"balanceKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineNo"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"unitPriceKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"discountKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"discountReason"}},{"kind":"Field","name":{"kind":"Name","value":"amountKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"vat"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"amountKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"refundedKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"receipts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"totalKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"cashKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"electronicKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"customerContact"}},{"kind":"Field","name":{"kind":"Name","value":"fiscalDocumentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"fiscalSign"}},{"kind":"Field","name":{"kind":"Name","value":"fnNumber"}},{"kind":"Field","name":{"kind":"Name","value":"registrationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"shiftNumber"}},{"kind":"Field","name":{"kind":"Name","value":"receiptNumber"}},{"kind":"Field","name":{"kind":"Name","value":"fiscalAt"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priceKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"amountKopecks"}},{"kind":"Field","name":{"kind":"Name","value":"vat"}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethod"}},{"kind":"Field","name":{"kind":"Name","value":"paymentObject"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PortalInvoiceFieldsFragment, unknown>;
export const PortalSignInDocument = {"__meta__":{"documentId":"sha256:01d526d0045a66dc14c2e7407561c25858b8f7f2538e8331cd77ff486ec6adb8"}} as unknown as DocumentNode<PortalSignInMutation, PortalSignInMutationVariables>;
export const PortalSignUpDocument = {"__meta__":{"documentId":"sha256:8ec273356409b7c6ebc49ef10ffc0ad3eede4033325f09cc98f7062e9261271a"}} as unknown as DocumentNode<PortalSignUpMutation, PortalSignUpMutationVariables>;
export const PortalConfirmSignUpDocument = {"__meta__":{"documentId":"sha256:a03adcab8ddb3e7901b9415dd503ff08872ae478503c7b6acb4d43917aca196f"}} as unknown as DocumentNode<PortalConfirmSignUpMutation, PortalConfirmSignUpMutationVariables>;
export const PortalRefreshDocument = {"__meta__":{"documentId":"sha256:b6a12755fc275f724fa8184bfab0797270a7bbc6976479da32a325680f592fd9"}} as unknown as DocumentNode<PortalRefreshMutation, PortalRefreshMutationVariables>;
export const PortalSignOutDocument = {"__meta__":{"documentId":"sha256:9fab003f5c6513e448b16f229267a40a18bf52204ad0985f35a7b36b82df8fb7"}} as unknown as DocumentNode<PortalSignOutMutation, PortalSignOutMutationVariables>;
export const MyInvoicesDocument = {"__meta__":{"documentId":"sha256:eef633486073a8d48317e1afaaa193abed3c50ac09d1c6c913ab3364003d0d8c"}} as unknown as DocumentNode<MyInvoicesQuery, MyInvoicesQueryVariables>;
export const MyInvoiceDocument = {"__meta__":{"documentId":"sha256:97a228aa5a5e1870f2feefd6bbdeab09d114c0627d1ea5dd25342f7714507969"}} as unknown as DocumentNode<MyInvoiceQuery, MyInvoiceQueryVariables>;
export const PayInvoiceOnlineDocument = {"__meta__":{"documentId":"sha256:480f9603531c2b1b111064259c29da49691ca8cf067467234b9de52457566971"}} as unknown as DocumentNode<PayInvoiceOnlineMutation, PayInvoiceOnlineMutationVariables>;
export const MyContractsDocument = {"__meta__":{"documentId":"sha256:62a060ddf0bd55cb4cc417cd1227715f0f9ba8adf1e9bcc2e479a56cad51f5aa"}} as unknown as DocumentNode<MyContractsQuery, MyContractsQueryVariables>;
export const AcceptContractDocument = {"__meta__":{"documentId":"sha256:b166e1983499846af960f266cda3599e78797e75d851fa39befe082dcb47d6ba"}} as unknown as DocumentNode<AcceptContractMutation, AcceptContractMutationVariables>;
export const ContractPdfDocument = {"__meta__":{"documentId":"sha256:a6049ddce3987bde2ec84a3c00af54228a0cdaa72c98fa4afb3a285a59c3c906"}} as unknown as DocumentNode<ContractPdfQuery, ContractPdfQueryVariables>;
export const CatalogDocument = {"__meta__":{"documentId":"sha256:d7af29fed3bfec1722796fb4b85fc09329f06aa4b6965b72af20832dcbcc16d3"}} as unknown as DocumentNode<CatalogQuery, CatalogQueryVariables>;
export const FindSpecialistsDocument = {"__meta__":{"documentId":"sha256:ce031442972dc2da1cd4849ed28b96822f97b3f36d4c80ad2500524612daf947"}} as unknown as DocumentNode<FindSpecialistsQuery, FindSpecialistsQueryVariables>;
export const SpecialistDocument = {"__meta__":{"documentId":"sha256:41cc931a2cbaee8d823c1817c2b7b626e123de36874832a752d99bd599e8e443"}} as unknown as DocumentNode<SpecialistQuery, SpecialistQueryVariables>;
export const FreeSlotsDocument = {"__meta__":{"documentId":"sha256:13adec5a6e0cfa2a3dc307a6b42a041ddc812f96b060817ede7cf5b90143638a"}} as unknown as DocumentNode<FreeSlotsQuery, FreeSlotsQueryVariables>;
export const HoldSlotDocument = {"__meta__":{"documentId":"sha256:32fbdb0481d1f42bce7ea24faa22a2b68b9626ef92ddd45f339be5009bf05a06"}} as unknown as DocumentNode<HoldSlotMutation, HoldSlotMutationVariables>;
export const ConfirmHoldDocument = {"__meta__":{"documentId":"sha256:01a1f97defe685f0f31761e3e6557f5bcdc584e386d6467db7c92595c4fc8bdc"}} as unknown as DocumentNode<ConfirmHoldMutation, ConfirmHoldMutationVariables>;
export const MyAppointmentsDocument = {"__meta__":{"documentId":"sha256:2f9bd951aef28778b010d9d48ac2ef84d1b9a92543cf581b2566e948bee07f29"}} as unknown as DocumentNode<MyAppointmentsQuery, MyAppointmentsQueryVariables>;
export const MyAppointmentDocument = {"__meta__":{"documentId":"sha256:85aa36ecce2d80f06ed32de5ff1eea3f9ce28c3c3cb19cc45dda83145ff596d2"}} as unknown as DocumentNode<MyAppointmentQuery, MyAppointmentQueryVariables>;
export const RescheduleDocument = {"__meta__":{"documentId":"sha256:eabe8da4b4589d6ba2c5118f75dde04468a1c05e58d7aca93a0567150a90c5b2"}} as unknown as DocumentNode<RescheduleMutation, RescheduleMutationVariables>;
export const CancelAppointmentDocument = {"__meta__":{"documentId":"sha256:4f9677b9c84171c92b94dca941b87e8a9ff498c6a47fc825f99084e98bc80753"}} as unknown as DocumentNode<CancelAppointmentMutation, CancelAppointmentMutationVariables>;
export const ConfirmAppointmentDocument = {"__meta__":{"documentId":"sha256:2a31802e8629228f7d72c21ff1c0372fd28d33aa6bc4df43adc1f26e31d39094"}} as unknown as DocumentNode<ConfirmAppointmentMutation, ConfirmAppointmentMutationVariables>;
export const MyLabOrdersDocument = {"__meta__":{"documentId":"sha256:319b456279d23d1e50cd29fe29133551e0b4be467fc294b7f04251d80cc358a2"}} as unknown as DocumentNode<MyLabOrdersQuery, MyLabOrdersQueryVariables>;
export const LabResultHistoryDocument = {"__meta__":{"documentId":"sha256:24f1954e7fa05934f09fec3875e930581c2b589fc14e34bdb6e7631f9bb2d07e"}} as unknown as DocumentNode<LabResultHistoryQuery, LabResultHistoryQueryVariables>;
export const MyPatientDocument = {"__meta__":{"documentId":"sha256:b4825273c5e3155d32a91c7a8840850664478001b2e31fd66cfba3047e9bc477"}} as unknown as DocumentNode<MyPatientQuery, MyPatientQueryVariables>;
export const RegisterSelfDocument = {"__meta__":{"documentId":"sha256:984b4b38563cc2bfdf70d9325041f6db1d12ec9593d26ff34a977dfd38d1f916"}} as unknown as DocumentNode<RegisterSelfMutation, RegisterSelfMutationVariables>;
export const UpdateMyContactsDocument = {"__meta__":{"documentId":"sha256:1b3184bfde9fd578c51cc3a39e4ab05ae63109bf8fab3257714ee584c7ee9bac"}} as unknown as DocumentNode<UpdateMyContactsMutation, UpdateMyContactsMutationVariables>;
export const ConsentTextsDocument = {"__meta__":{"documentId":"sha256:518d6a0ec6209231300f8eb4b11f59ea5c934be5c98986389913f8be8777f97f"}} as unknown as DocumentNode<ConsentTextsQuery, ConsentTextsQueryVariables>;
export const MyConsentsDocument = {"__meta__":{"documentId":"sha256:3567db65b0a856378bd35c771821c385c40ab2b95a9fe92591c64c4892d6a257"}} as unknown as DocumentNode<MyConsentsQuery, MyConsentsQueryVariables>;
export const GiveConsentDocument = {"__meta__":{"documentId":"sha256:7fbb40ea24caf44b30374dc3f90da515512a8d6c1fcae69c6968772cb0e94062"}} as unknown as DocumentNode<GiveConsentMutation, GiveConsentMutationVariables>;
export const WithdrawConsentDocument = {"__meta__":{"documentId":"sha256:5a63aa9aed0842ea213e0c52b6cbe94251a4009f8f199f828a6675490ff1862b"}} as unknown as DocumentNode<WithdrawConsentMutation, WithdrawConsentMutationVariables>;
export const MyRecordDocument = {"__meta__":{"documentId":"sha256:614fdaef70e457a82986f26fba48b79312d715cf3af89774980aeacfb41c6ef9"}} as unknown as DocumentNode<MyRecordQuery, MyRecordQueryVariables>;
export const RequestVisitPdfDocument = {"__meta__":{"documentId":"sha256:855b79ab6bc81d74f5080fc777150571edf0bd2453a4ab0994811927ad6116a4"}} as unknown as DocumentNode<RequestVisitPdfMutation, RequestVisitPdfMutationVariables>;
export const UseReminderLinkDocument = {"__meta__":{"documentId":"sha256:159c1fd32d133cb44a94362ff29e37c05554aade2289e87e6de9cafb878f62c9"}} as unknown as DocumentNode<UseReminderLinkMutation, UseReminderLinkMutationVariables>;
export const ReminderSettingsDocument = {"__meta__":{"documentId":"sha256:86780f8fd3592fe9e397286503db25247fa70fe02ea10006041da14a6410fcff"}} as unknown as DocumentNode<ReminderSettingsQuery, ReminderSettingsQueryVariables>;
export const SetReminderChannelDocument = {"__meta__":{"documentId":"sha256:66aa055f75026dd50f2f30b6bde22268b20c60e43f38ac8d5a7d77980fc2b644"}} as unknown as DocumentNode<SetReminderChannelMutation, SetReminderChannelMutationVariables>;
export const RegisterPushDocument = {"__meta__":{"documentId":"sha256:92861744558a9bdd9016d10c62df1a9d61311fb301c0fd9d474e310e2cdc01d8"}} as unknown as DocumentNode<RegisterPushMutation, RegisterPushMutationVariables>;
export const RemovePushDocument = {"__meta__":{"documentId":"sha256:e666bfee5e6ca29f99d4fb91a5e9ce76fe131b7413c969a6511d6006395ef455"}} as unknown as DocumentNode<RemovePushMutation, RemovePushMutationVariables>;
export const MyAccessTrailDocument = {"__meta__":{"documentId":"sha256:2630dcbec3a30c34ee0a0bb48284de0a8591db49d967754806b6a733bbb13234"}} as unknown as DocumentNode<MyAccessTrailQuery, MyAccessTrailQueryVariables>;