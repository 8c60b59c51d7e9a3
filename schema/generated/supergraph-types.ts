export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Money: a whole number of kopecks (a JSON number, |n| ≤ 9007199254740991) */
  Kopecks: { input: number; output: number; }
  join__DirectiveArguments: { input: unknown; output: unknown; }
  join__FieldSet: { input: unknown; output: unknown; }
  link__Import: { input: unknown; output: unknown; }
};

export type AcceptContractInput = {
  contractId: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
};

/** One look at the patient's record, as the patient sees it */
export type AccessLogEntry = {
  __typename?: 'AccessLogEntry';
  actorRole?: Maybe<Scalars['String']['output']>;
  categories?: Maybe<Array<Scalars['String']['output']>>;
  occurredAt?: Maybe<Scalars['String']['output']>;
  operation?: Maybe<Scalars['String']['output']>;
  patientId?: Maybe<Scalars['ID']['output']>;
};

/** An access to my data as the patient sees it: no names, no ids of staff */
export type AccessTrailEntry = {
  __typename?: 'AccessTrailEntry';
  at?: Maybe<Scalars['String']['output']>;
  /** What was seen, in Russian */
  categories?: Maybe<Array<Scalars['String']['output']>>;
  /** Pass as before: to read older entries */
  cursor: Scalars['ID']['output'];
  /** The part of the clinic («Медицинская карта», «Лаборатория»…) */
  department?: Maybe<Scalars['String']['output']>;
  patientId: Scalars['ID']['output'];
  /** Why it was allowed, in Russian */
  purpose?: Maybe<Scalars['String']['output']>;
  /** Role in Russian («Врач», «Регистратор»…) */
  role?: Maybe<Scalars['String']['output']>;
};

export type Account = {
  __typename?: 'Account';
  branchIds: Array<Scalars['ID']['output']>;
  /** ISO 8601; set when a staff member is dismissed */
  dismissedAt?: Maybe<Scalars['String']['output']>;
  displayName?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Lowercased e-mail or +7XXXXXXXXXX */
  login?: Maybe<Scalars['String']['output']>;
  /** The patient record of a patient account (assigned at sign-up) */
  patientId?: Maybe<Scalars['ID']['output']>;
  role: AccountRole;
  totpEnabled: Scalars['Boolean']['output'];
};

export type AccountPayload = {
  __typename?: 'AccountPayload';
  account?: Maybe<Account>;
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
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

export type AcknowledgeLabSpecimensInput = {
  specimenCodes: Array<Scalars['String']['input']>;
};

export type AddSecurityAlertNoteInput = {
  alertId: Scalars['ID']['input'];
  note: Scalars['String']['input'];
};

export type AddVisitAddendumInput = {
  idempotencyKey: Scalars['String']['input'];
  text: Scalars['String']['input'];
  visitId: Scalars['ID']['input'];
};

export type Appointment = {
  __typename?: 'Appointment';
  branch?: Maybe<Branch>;
  branchId?: Maybe<Scalars['ID']['output']>;
  cancelReason?: Maybe<Scalars['String']['output']>;
  /** Cancelled closer to the start than the branch's late-cancel window */
  cancelledLate?: Maybe<Scalars['Boolean']['output']>;
  checkedInAt?: Maybe<Scalars['String']['output']>;
  confirmedAt?: Maybe<Scalars['String']['output']>;
  createdAt?: Maybe<Scalars['String']['output']>;
  endsAt?: Maybe<Scalars['String']['output']>;
  /** Until when a held slot is kept (HELD only) */
  holdExpiresAt?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  overbookReason?: Maybe<Scalars['String']['output']>;
  overbooked?: Maybe<Scalars['Boolean']['output']>;
  /** The patient (resolved and authorised by the patient subgraph) */
  patient: Patient;
  /** Reason for the visit in the patient's words */
  patientComment?: Maybe<Scalars['String']['output']>;
  patientId: Scalars['ID']['output'];
  room?: Maybe<Room>;
  roomId?: Maybe<Scalars['ID']['output']>;
  service?: Maybe<Service>;
  serviceId?: Maybe<Scalars['ID']['output']>;
  source?: Maybe<AppointmentSource>;
  specialist?: Maybe<Specialist>;
  specialistId?: Maybe<Scalars['ID']['output']>;
  /** ISO 8601 with the branch's offset */
  startsAt?: Maybe<Scalars['String']['output']>;
  status?: Maybe<AppointmentStatus>;
};

export type AppointmentEvent = {
  __typename?: 'AppointmentEvent';
  /** The appointment as the subscriber may see it */
  appointment?: Maybe<Appointment>;
  appointmentId: Scalars['ID']['output'];
  branchId: Scalars['ID']['output'];
  occurredAt: Scalars['String']['output'];
  /** appointment.held, appointment.booked, appointment.confirmed, appointment.rescheduled, appointment.cancelled, appointment.checked_in, appointment.no_show, appointment.completed, appointment.expired */
  type: Scalars['String']['output'];
};

export type AppointmentPayload = {
  __typename?: 'AppointmentPayload';
  /** When the slot was taken: the nearest free slots of the same doctor and service */
  alternatives: Array<Slot>;
  appointment?: Maybe<Appointment>;
  inputErrors: Array<InputError>;
};

export type AppointmentPeriod =
  | 'PAST'
  | 'UPCOMING';

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

export type AssignDataRequestInput = {
  id: Scalars['ID']['input'];
  /** The staff account that will answer the request */
  ownerAccountId: Scalars['ID']['input'];
};

export type AssignSecurityAlertInput = {
  alertId: Scalars['ID']['input'];
  assigneeId: Scalars['ID']['input'];
};

export type AttachLabReportInput = {
  partnerResultId: Scalars['String']['input'];
  /** The PDF report, base64 (at most LAB_REPORT_MAX_BYTES decoded) */
  pdfBase64: Scalars['String']['input'];
  specimenCode: Scalars['String']['input'];
};

/** A file attached to a visit; its bytes only through a download link (requestDownload) */
export type Attachment = {
  __typename?: 'Attachment';
  /** The type recognised from the bytes at upload (PDF, PNG, JPEG, WebP, GIF, TIFF, HEIC, DICOM) */
  contentType?: Maybe<Scalars['String']['output']>;
  createdAt?: Maybe<Scalars['String']['output']>;
  fileName?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  patientId: Scalars['ID']['output'];
  /** SHA-256 of the file (hex) */
  sha256?: Maybe<Scalars['String']['output']>;
  /** Size in bytes */
  size?: Maybe<Scalars['Int']['output']>;
  uploadedBy?: Maybe<Scalars['ID']['output']>;
  visitId?: Maybe<Scalars['ID']['output']>;
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

export type AuditChainStatus = {
  __typename?: 'AuditChainStatus';
  brokenAt?: Maybe<Scalars['Int']['output']>;
  checked: Scalars['Int']['output'];
  ok: Scalars['Boolean']['output'];
};

/** One check of a service's audit chain */
export type AuditChainVerification = {
  __typename?: 'AuditChainVerification';
  /** Where the chain broke */
  brokenAtSeq?: Maybe<Scalars['Int']['output']>;
  checkedAt: Scalars['String']['output'];
  /** Events compared with the copy */
  checkedEvents: Scalars['Int']['output'];
  reason?: Maybe<AuditChainReason>;
  result: AuditChainResult;
  service: Scalars['String']['output'];
};

export type AuditEvent = {
  __typename?: 'AuditEvent';
  actorId?: Maybe<Scalars['String']['output']>;
  actorRole?: Maybe<Scalars['String']['output']>;
  categories?: Maybe<Array<Scalars['String']['output']>>;
  clientAddress?: Maybe<Scalars['String']['output']>;
  hash?: Maybe<Scalars['String']['output']>;
  occurredAt?: Maybe<Scalars['String']['output']>;
  operation?: Maybe<Scalars['String']['output']>;
  patientId?: Maybe<Scalars['ID']['output']>;
  requestId?: Maybe<Scalars['String']['output']>;
  seq?: Maybe<Scalars['Int']['output']>;
};

/** One access to a patient's data as a service recorded it (IHE BALP shape) */
export type AuditRecord = {
  __typename?: 'AuditRecord';
  /** Requestor: the account and its role */
  actorId?: Maybe<Scalars['ID']['output']>;
  actorRole?: Maybe<Scalars['String']['output']>;
  /** Data object: the categories read and the client's operation */
  categories?: Maybe<Array<Scalars['String']['output']>>;
  /** Network address of the client */
  clientAddress?: Maybe<Scalars['String']['output']>;
  occurredAt?: Maybe<Scalars['String']['output']>;
  operation?: Maybe<Scalars['String']['output']>;
  patientId: Scalars['ID']['output'];
  /** Purpose of use: the policy conditions that held (empty: the role's duties) */
  purpose?: Maybe<Scalars['String']['output']>;
  requestId?: Maybe<Scalars['String']['output']>;
  seq?: Maybe<Scalars['Int']['output']>;
  /** The service that recorded it (its chain) */
  service?: Maybe<Scalars['String']['output']>;
  /** Position in the central stream (page with before:) */
  streamId: Scalars['ID']['output'];
  /** BALP subtype: PatientRead (one patient) or PatientQuery (a list or search) */
  subtype?: Maybe<Scalars['String']['output']>;
};

export type AuditRecordsFilter = {
  actorId?: InputMaybe<Scalars['ID']['input']>;
  category?: InputMaybe<Scalars['String']['input']>;
  /** ISO date-time, inclusive */
  from?: InputMaybe<Scalars['String']['input']>;
  patientId?: InputMaybe<Scalars['ID']['input']>;
  service?: InputMaybe<Scalars['String']['input']>;
  /** ISO date-time, exclusive */
  to?: InputMaybe<Scalars['String']['input']>;
};

/** A service whose audit chain the stream copies */
export type AuditSourceStatus = {
  __typename?: 'AuditSourceStatus';
  /** Failed pulls in a row (the source is retried with backoff) */
  failures: Scalars['Int']['output'];
  /** Copying stopped at a break of the chain, until the officer has examined it */
  halted: Scalars['Boolean']['output'];
  haltedAtSeq?: Maybe<Scalars['Int']['output']>;
  haltedReason?: Maybe<AuditChainReason>;
  /** Seconds since the last successful pull (null: never pulled) */
  lagSeconds?: Maybe<Scalars['Int']['output']>;
  lastCheckpointAt?: Maybe<Scalars['String']['output']>;
  lastCheckpointSeq?: Maybe<Scalars['Int']['output']>;
  /** Why the last pull failed (UNREACHABLE, TIMEOUT, HTTP_503, …) */
  lastErrorCode?: Maybe<Scalars['String']['output']>;
  lastPulledAt?: Maybe<Scalars['String']['output']>;
  /** Sequence number of the last copied event (0: none yet) */
  lastSeq: Scalars['Int']['output'];
  lastVerification?: Maybe<AuditChainVerification>;
  service: Scalars['String']['output'];
};

export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** EdDSA JWT for Authorization: Bearer */
  accessToken?: Maybe<Scalars['String']['output']>;
  account?: Maybe<Account>;
  /** Seconds until the access token expires */
  expiresIn?: Maybe<Scalars['Int']['output']>;
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
  /** Opaque, single use: each refresh returns the next one */
  refreshToken?: Maybe<Scalars['String']['output']>;
};

export type BookingInput = {
  branchId: Scalars['ID']['input'];
  /** Retrying with the same key returns the first result instead of booking twice */
  idempotencyKey: Scalars['String']['input'];
  /** Books into an occupied or off-template time; needs the overbook permission */
  overbookReason?: InputMaybe<Scalars['String']['input']>;
  patientComment?: InputMaybe<Scalars['String']['input']>;
  /** Required when staff book on a patient's behalf; a patient books for themselves */
  patientId?: InputMaybe<Scalars['ID']['input']>;
  serviceId: Scalars['ID']['input'];
  specialistId: Scalars['ID']['input'];
  /** ISO 8601 with offset, or local YYYY-MM-DDTHH:MM in the branch's zone */
  startsAt: Scalars['String']['input'];
};

export type Branch = {
  __typename?: 'Branch';
  address: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  rooms: Array<Room>;
  settings: BranchSettings;
  /** IANA time zone, e.g. Europe/Moscow */
  timeZone: Scalars['String']['output'];
};

export type BranchInput = {
  address: Scalars['String']['input'];
  name: Scalars['String']['input'];
  timeZone: Scalars['String']['input'];
};

export type BranchPayload = {
  __typename?: 'BranchPayload';
  branch?: Maybe<Branch>;
  inputErrors: Array<InputError>;
};

export type BranchSettings = {
  __typename?: 'BranchSettings';
  /** How long a held slot is kept before it is released */
  holdMinutes: Scalars['Int']['output'];
  /** How many days ahead patients may book */
  horizonDays: Scalars['Int']['output'];
  /** A cancellation closer than this to the start counts as late */
  lateCancelHours: Scalars['Int']['output'];
  /** Minutes between now and the earliest bookable start */
  minNoticeMinutes: Scalars['Int']['output'];
  /** Hours before the appointment when reminders are sent */
  reminderLeadHours: Scalars['Int']['output'];
};

export type BranchSettingsInput = {
  holdMinutes?: InputMaybe<Scalars['Int']['input']>;
  horizonDays?: InputMaybe<Scalars['Int']['input']>;
  lateCancelHours?: InputMaybe<Scalars['Int']['input']>;
  minNoticeMinutes?: InputMaybe<Scalars['Int']['input']>;
  reminderLeadHours?: InputMaybe<Scalars['Int']['input']>;
};

export type BreakGlassInput = {
  patientId: Scalars['ID']['input'];
  /** Why the record must be opened without a care relationship (audited, reviewed by security) */
  reason: Scalars['String']['input'];
};

export type BreakGlassPayload = {
  __typename?: 'BreakGlassPayload';
  /** Until when the caller may open this patient's record */
  expiresAt?: Maybe<Scalars['String']['output']>;
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
};

export type CallListEntry = {
  __typename?: 'CallListEntry';
  appointment: Appointment;
  callStatus: CallStatus;
  calledAt?: Maybe<Scalars['String']['output']>;
  reason: CallListReason;
};

export type CallListPayload = {
  __typename?: 'CallListPayload';
  entry?: Maybe<CallListEntry>;
  inputErrors: Array<InputError>;
};

export type CallListReason =
  | 'NOT_CONFIRMED'
  | 'NO_CHANNEL';

export type CallStatus =
  | 'NOT_CALLED'
  | 'NOT_REACHED'
  | 'REACHED';

export type CancelInput = {
  appointmentId: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
  reason: Scalars['String']['input'];
};

export type CancelLabOrderInput = {
  orderId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type CloseIncidentInput = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};

export type CompleteDataRequestInput = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  outcomeRef?: InputMaybe<Scalars['String']['input']>;
};

export type Consent = {
  __typename?: 'Consent';
  active?: Maybe<Scalars['Boolean']['output']>;
  givenAt?: Maybe<Scalars['String']['output']>;
  givenChannel?: Maybe<ConsentChannel>;
  id: Scalars['ID']['output'];
  patientId?: Maybe<Scalars['ID']['output']>;
  purpose?: Maybe<ConsentPurpose>;
  textVersion?: Maybe<Scalars['Int']['output']>;
  withdrawnAt?: Maybe<Scalars['String']['output']>;
  withdrawnChannel?: Maybe<ConsentChannel>;
};

export type ConsentChannel =
  | 'PAPER'
  | 'PHONE'
  | 'PORTAL'
  | 'RECEPTION';

export type ConsentPayload = {
  __typename?: 'ConsentPayload';
  consent?: Maybe<Consent>;
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
};

export type ConsentPurpose =
  | 'ANALYTICS'
  | 'LAB_SHARING'
  | 'MARKETING'
  | 'PORTAL_ACCOUNT'
  | 'TREATMENT';

/** Whether a patient's data may be processed for a purpose; for other services */
export type ConsentStatus = {
  __typename?: 'ConsentStatus';
  granted?: Maybe<Scalars['Boolean']['output']>;
  patientId?: Maybe<Scalars['ID']['output']>;
  purpose?: Maybe<ConsentPurpose>;
  since?: Maybe<Scalars['String']['output']>;
  textVersion?: Maybe<Scalars['Int']['output']>;
};

export type ConsentText = {
  __typename?: 'ConsentText';
  body: Scalars['String']['output'];
  publishedAt: Scalars['String']['output'];
  purpose: ConsentPurpose;
  title: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

/**
 * A contract for paid medical services (Decree No. 736). Its snapshot (the parties with their
 * personal data, the services with the prices of its day, the terms) is printed only in the PDF;
 * concluded contracts never change.
 */
export type Contract = {
  __typename?: 'Contract';
  acceptanceChannel?: Maybe<ContractAcceptanceChannel>;
  /** When it was accepted in the portal or signed at the desk */
  acceptedAt?: Maybe<Scalars['String']['output']>;
  branchId?: Maybe<Scalars['ID']['output']>;
  createdAt?: Maybe<Scalars['String']['output']>;
  /** Date of the contract, YYYY-MM-DD (the clinic's zone) */
  date?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  number?: Maybe<Scalars['String']['output']>;
  patientId: Scalars['ID']['output'];
  /** The PDF (GET with the same bearer token; the same access as this object) */
  pdfUrl?: Maybe<Scalars['String']['output']>;
  provisionTerms?: Maybe<Scalars['String']['output']>;
  services?: Maybe<Array<ContractServiceLine>>;
  status?: Maybe<ContractStatus>;
  /** Version of the template it was made from */
  templateVersion?: Maybe<Scalars['Int']['output']>;
  /** Sum of the services, kopecks */
  totalKopecks?: Maybe<Scalars['Kopecks']['output']>;
};

export type ContractAcceptanceChannel =
  | 'DESK'
  | 'PORTAL';

export type ContractDocumentInput = {
  /** YYYY-MM-DD */
  issuedAt?: InputMaybe<Scalars['String']['input']>;
  issuedBy?: InputMaybe<Scalars['String']['input']>;
  /** e.g. «Паспорт гражданина Российской Федерации» */
  kind: Scalars['String']['input'];
  seriesNumber: Scalars['String']['input'];
};

export type ContractPayload = {
  __typename?: 'ContractPayload';
  contract?: Maybe<Contract>;
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
};

export type ContractPersonInput = {
  /** Place of residence */
  address: Scalars['String']['input'];
  /** YYYY-MM-DD */
  birthDate?: InputMaybe<Scalars['String']['input']>;
  document: ContractDocumentInput;
  fullName: Scalars['String']['input'];
  phone: Scalars['String']['input'];
};

export type ContractRepresentativeInput = {
  address: Scalars['String']['input'];
  /** The document that makes them the legal representative */
  basis: Scalars['String']['input'];
  birthDate?: InputMaybe<Scalars['String']['input']>;
  document: ContractDocumentInput;
  fullName: Scalars['String']['input'];
  phone: Scalars['String']['input'];
};

/** One item Decree No. 736 requires in the contract, and whether the template has it */
export type ContractRequirement = {
  __typename?: 'ContractRequirement';
  id: Scalars['String']['output'];
  item: Scalars['String']['output'];
  ok: Scalars['Boolean']['output'];
  where: Scalars['String']['output'];
};

export type ContractServiceInput = {
  priceItemId: Scalars['ID']['input'];
  quantity?: Scalars['Int']['input'];
};

export type ContractServiceLine = {
  __typename?: 'ContractServiceLine';
  amountKopecks: Scalars['Kopecks']['output'];
  /** The price list's code of the service */
  code?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  quantity: Scalars['Int']['output'];
  unitPriceKopecks: Scalars['Kopecks']['output'];
};

export type ContractStatus =
  /** Accepted by the patient in the portal */
  | 'ACCEPTED'
  /** Made at the desk, not concluded yet */
  | 'DRAFT'
  /** Signed on paper at the desk */
  | 'SIGNED';

/** The contract template in force */
export type ContractTemplateInfo = {
  __typename?: 'ContractTemplateInfo';
  /** The template as JSON, for the editor (saveContractTemplate takes the same shape) */
  body: Scalars['String']['output'];
  /** The items of Decree No. 736 and where the template has them */
  checklist: Array<ContractRequirement>;
  clinicName: Scalars['String']['output'];
  createdAt: Scalars['String']['output'];
  title: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

export type ContractTemplatePayload = {
  __typename?: 'ContractTemplatePayload';
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
  template?: Maybe<ContractTemplateInfo>;
};

export type CreateContractInput = {
  branchId: Scalars['ID']['input'];
  city?: InputMaybe<Scalars['String']['input']>;
  /** A retry with the same key returns the same contract */
  idempotencyKey: Scalars['String']['input'];
  /** The patient (потребитель) */
  patient: ContractPersonInput;
  patientId: Scalars['ID']['input'];
  /** Who pays, when not the patient (заказчик) */
  payer?: InputMaybe<ContractPersonInput>;
  /** Conditions and waiting times of the services; a general default when absent */
  provisionTerms?: InputMaybe<Scalars['String']['input']>;
  /** The legal representative of a minor or incapacitated patient */
  representative?: InputMaybe<ContractRepresentativeInput>;
  services: Array<ContractServiceInput>;
};

export type CreateInvoiceInput = {
  branchId: Scalars['ID']['input'];
  /** A retry with the same key returns the same invoice */
  idempotencyKey: Scalars['String']['input'];
  lines: Array<InvoiceLineInput>;
  patientId: Scalars['ID']['input'];
};

export type CreatePartnerClientInput = {
  name: Scalars['String']['input'];
  role: PartnerRole;
  /** Scopes the client may request, e.g. lab:orders:read */
  scopes: Array<Scalars['String']['input']>;
};

export type CreateStaffAccountInput = {
  branchIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  displayName: Scalars['String']['input'];
  login: Scalars['String']['input'];
  password: Scalars['String']['input'];
  role: StaffRole;
};

/** A data-subject request (152-FZ) with its legal deadline, owner and history */
export type DataRequest = {
  __typename?: 'DataRequest';
  channel?: Maybe<DataRequestChannel>;
  closedAt?: Maybe<Scalars['String']['output']>;
  completionNote?: Maybe<Scalars['String']['output']>;
  createdAt?: Maybe<Scalars['String']['output']>;
  /** What the patient asks for, in their words */
  details?: Maybe<Scalars['String']['output']>;
  /** The deadline: the whole day, Europe/Moscow (after an extension, the extended one) */
  dueOn?: Maybe<Scalars['String']['output']>;
  /** When the reminder job escalated the passed deadline */
  escalatedAt?: Maybe<Scalars['String']['output']>;
  /** Whether the law allows extending this request's deadline and it has not been extended yet */
  extendable?: Maybe<Scalars['Boolean']['output']>;
  /** The reasoned notice of the extension */
  extensionReason?: Maybe<Scalars['String']['output']>;
  filedByAccountId?: Maybe<Scalars['ID']['output']>;
  history?: Maybe<Array<DataRequestStep>>;
  id: Scalars['ID']['output'];
  /** The legal basis of the deadline, in Russian */
  legalBasis?: Maybe<Scalars['String']['output']>;
  /** The deadline before any extension */
  originalDueOn?: Maybe<Scalars['String']['output']>;
  /** Opaque id of what executed the request (an export, an act of destruction) */
  outcomeRef?: Maybe<Scalars['String']['output']>;
  /** Past the deadline and not closed */
  overdue?: Maybe<Scalars['Boolean']['output']>;
  ownerAccountId?: Maybe<Scalars['ID']['output']>;
  patientId?: Maybe<Scalars['ID']['output']>;
  /** Calendar date of receipt (Europe/Moscow); the deadline counts from the next day */
  receivedOn?: Maybe<Scalars['String']['output']>;
  /** The reasoned refusal */
  refusalReason?: Maybe<Scalars['String']['output']>;
  status?: Maybe<DataRequestStatus>;
  /** The status in Russian */
  statusLabel?: Maybe<Scalars['String']['output']>;
  type?: Maybe<DataRequestType>;
  /** The type in Russian */
  typeLabel?: Maybe<Scalars['String']['output']>;
};

/** How the request reached the clinic */
export type DataRequestChannel =
  | 'EMAIL'
  | 'IN_PERSON'
  | 'MAIL'
  | 'PORTAL';

export type DataRequestFilter = {
  /** true: only requests past their deadline and not closed; false: the others */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  status?: InputMaybe<DataRequestStatus>;
  type?: InputMaybe<DataRequestType>;
};

export type DataRequestPayload = {
  __typename?: 'DataRequestPayload';
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
  request?: Maybe<DataRequest>;
};

export type DataRequestStatus =
  | 'COMPLETED'
  /** The deadline was extended with a reasoned notice */
  | 'EXTENDED'
  | 'IN_PROGRESS'
  | 'RECEIVED'
  | 'REFUSED';

/** One step of a request's history (append-only) */
export type DataRequestStep = {
  __typename?: 'DataRequestStep';
  /** The staff or patient account that acted; null for the reminder job */
  accountId?: Maybe<Scalars['ID']['output']>;
  /** RECEIVED, ASSIGNED, EXTENDED, REMINDED, ESCALATED, COMPLETED, REFUSED */
  action: Scalars['String']['output'];
  at: Scalars['String']['output'];
  fromStatus?: Maybe<DataRequestStatus>;
  toStatus: DataRequestStatus;
};

/** Kind of a data-subject request under 152-FZ */
export type DataRequestType =
  /** Access to the patient's personal data (an export) */
  | 'ACCESS'
  | 'CONSENT_WITHDRAWAL'
  | 'CORRECTION'
  | 'ERASURE'
  | 'STOP_PROCESSING';

export type Diagnosis = {
  __typename?: 'Diagnosis';
  certainty: DiagnosisCertainty;
  /** ICD-10 code */
  code: Scalars['String']['output'];
  kind: DiagnosisKind;
  /** ICD-10 title at signing */
  title: Scalars['String']['output'];
};

export type DiagnosisCertainty =
  | 'CONFIRMED'
  | 'PROVISIONAL';

export type DiagnosisInput = {
  certainty: DiagnosisCertainty;
  code: Scalars['String']['input'];
  kind: DiagnosisKind;
};

export type DiagnosisKind =
  | 'COMPLICATION'
  | 'PRIMARY'
  | 'SECONDARY';

/** One thing that does not add up, explained in Russian; references are opaque ids, never a patient */
export type Discrepancy = {
  __typename?: 'Discrepancy';
  /** What the register, the receipt or the provider says, kopecks */
  actualKopecks?: Maybe<Scalars['Kopecks']['output']>;
  code: DiscrepancyCode;
  /** What our ledger says, kopecks */
  expectedKopecks?: Maybe<Scalars['Kopecks']['output']>;
  message: Scalars['String']['output'];
  paymentId?: Maybe<Scalars['ID']['output']>;
  /** The payment provider's payment id */
  providerPaymentId?: Maybe<Scalars['String']['output']>;
  refundId?: Maybe<Scalars['ID']['output']>;
  registerId?: Maybe<Scalars['String']['output']>;
  shiftNumber?: Maybe<Scalars['Int']['output']>;
};

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

/** An EnterpriseData (Универсальный формат обмена) message for loading into 1C by hand */
export type EnterpriseDataFile = {
  __typename?: 'EnterpriseDataFile';
  day: Scalars['String']['output'];
  fileName: Scalars['String']['output'];
  paymentsCount: Scalars['Int']['output'];
  refundsCount: Scalars['Int']['output'];
  /** The XML text (UTF-8) */
  xml: Scalars['String']['output'];
};

export type ExtendDataRequestInput = {
  id: Scalars['ID']['input'];
  /** The reasoned notice sent to the patient */
  reason: Scalars['String']['input'];
};

export type FileDataRequestInput = {
  /** Required for CORRECTION: what is inaccurate and how it should read */
  details?: InputMaybe<Scalars['String']['input']>;
  /** A retry with the same key returns the same request */
  idempotencyKey: Scalars['String']['input'];
  type: DataRequestType;
};

/** A short-lived link usable only with the bearer token of the caller who asked for it */
export type FileLink = {
  __typename?: 'FileLink';
  expiresAt: Scalars['String']['output'];
  url: Scalars['String']['output'];
};

export type FileLinkPayload = {
  __typename?: 'FileLinkPayload';
  inputErrors: Array<InputError>;
  link?: Maybe<FileLink>;
  ok: Scalars['Boolean']['output'];
};

/** A register's shift at the desk */
export type FiscalShift = {
  __typename?: 'FiscalShift';
  branchId?: Maybe<Scalars['ID']['output']>;
  closedAt?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  open: Scalars['Boolean']['output'];
  openedAt: Scalars['String']['output'];
  registerId: Scalars['String']['output'];
  shiftNumber?: Maybe<Scalars['Int']['output']>;
};

export type FiscalShiftPayload = {
  __typename?: 'FiscalShiftPayload';
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
  shift?: Maybe<FiscalShift>;
};

export type FreeSlotsInput = {
  branchId?: InputMaybe<Scalars['ID']['input']>;
  /** YYYY-MM-DD in the branch's zone, inclusive */
  from: Scalars['String']['input'];
  /** At most 2000; default 500 */
  limit?: InputMaybe<Scalars['Int']['input']>;
  serviceId?: InputMaybe<Scalars['ID']['input']>;
  specialistId?: InputMaybe<Scalars['ID']['input']>;
  specialty?: InputMaybe<Scalars['String']['input']>;
  /** YYYY-MM-DD in the branch's zone, inclusive (at most 31 days after from) */
  to: Scalars['String']['input'];
};

export type Holiday = {
  __typename?: 'Holiday';
  /** null: every branch */
  branchId?: Maybe<Scalars['ID']['output']>;
  /** YYYY-MM-DD */
  date: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type HolidayInput = {
  branchId?: InputMaybe<Scalars['ID']['input']>;
  date: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

export type HolidayPayload = {
  __typename?: 'HolidayPayload';
  holiday?: Maybe<Holiday>;
  inputErrors: Array<InputError>;
};

/** A code of the ICD-10 (МКБ-10) directory */
export type Icd10Code = {
  __typename?: 'Icd10Code';
  /** The code, e.g. J06.9 */
  code: Scalars['String']['output'];
  /** The Russian title of the code */
  title: Scalars['String']['output'];
};

/** The affected patients resolved from the audit stream: a snapshot, stable until recomputed */
export type IncidentAffectedPatients = {
  __typename?: 'IncidentAffectedPatients';
  byCategory: Array<IncidentCategoryCount>;
  computedAt: Scalars['String']['output'];
  /** Audit events in scope */
  events: Scalars['Int']['output'];
  patientIds: Array<Scalars['ID']['output']>;
  total: Scalars['Int']['output'];
};

export type IncidentCategoryCount = {
  __typename?: 'IncidentCategoryCount';
  category: Scalars['String']['output'];
  patients: Scalars['Int']['output'];
};

/** Which notice to Roskomnadzor (152-FZ art. 21 part 3.1) */
export type IncidentNoticeKind =
  /** Within 24 hours of detection: the incident, presumed causes, harm, measures, contact person */
  | 'INITIAL_24H'
  /** Within 72 hours of detection: the internal investigation's results, the persons responsible if identified */
  | 'RESULTS_72H';

/** A draft notice to Roskomnadzor in Russian, with placeholders [в скобках] for what the incident does not hold */
export type IncidentNotificationDraft = {
  __typename?: 'IncidentNotificationDraft';
  kind: IncidentNoticeKind;
  /** The placeholders left in the text */
  placeholders: Array<Scalars['String']['output']>;
  subject: Scalars['String']['output'];
  text: Scalars['String']['output'];
  /** The form on Roskomnadzor's portal is to be verified against Roskomnadzor's order */
  verifyNote: Scalars['String']['output'];
};

/** The audit events an incident concerns (every given criterion holds) */
export type IncidentScope = {
  __typename?: 'IncidentScope';
  actorIds: Array<Scalars['ID']['output']>;
  categories: Array<Scalars['String']['output']>;
  /** Derived from the linked alerts rather than given by the officer */
  derived: Scalars['Boolean']['output'];
  from?: Maybe<Scalars['String']['output']>;
  services: Array<Scalars['String']['output']>;
  to?: Maybe<Scalars['String']['output']>;
};

export type IncidentScopeInput = {
  actorIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  categories?: InputMaybe<Array<Scalars['String']['input']>>;
  /** ISO 8601 instants, [from, to) */
  from?: InputMaybe<Scalars['String']['input']>;
  services?: InputMaybe<Array<Scalars['String']['input']>>;
  to?: InputMaybe<Scalars['String']['input']>;
};

/** An expected failure of a mutation, tied to the input field it is about */
export type InputError = {
  __typename?: 'InputError';
  /** One code of the platform's error-code enum, e.g. REQUIRED, SLOT_TAKEN */
  code: Scalars['String']['output'];
  /** The input field (argument or input object field) the failure is about */
  field: Scalars['String']['output'];
  /** Russian message for the user; clients may localise by code */
  message: Scalars['String']['output'];
};

/** A patient's invoice; its sums come from the append-only ledger (balance = charges − payments + refunds) */
export type Invoice = {
  __typename?: 'Invoice';
  /** What the patient still owes (charges − reversals − payments + refunds), kopecks */
  balanceKopecks?: Maybe<Scalars['Kopecks']['output']>;
  branchId?: Maybe<Scalars['ID']['output']>;
  /** Set when what the invoice bills was cancelled; REFUND_DECISION_NEEDED waits for the cashier */
  cancellation?: Maybe<InvoiceCancellation>;
  createdAt?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  lines?: Maybe<Array<InvoiceLine>>;
  number?: Maybe<Scalars['String']['output']>;
  paidKopecks?: Maybe<Scalars['Kopecks']['output']>;
  patientId: Scalars['ID']['output'];
  payments?: Maybe<Array<Payment>>;
  refundedKopecks?: Maybe<Scalars['Kopecks']['output']>;
  /** Charges taken back by a reversal (what it billed was cancelled unpaid), kopecks */
  reversedKopecks?: Maybe<Scalars['Kopecks']['output']>;
  source?: Maybe<InvoiceSource>;
  sourceId?: Maybe<Scalars['ID']['output']>;
  status?: Maybe<InvoiceStatus>;
  /** Charged total (the lines), kopecks */
  totalKopecks?: Maybe<Scalars['Kopecks']['output']>;
};

/** What billed the invoice was cancelled (a lab order cancelled by the lab), and what billing made of it */
export type InvoiceCancellation = {
  __typename?: 'InvoiceCancellation';
  cancelledAt: Scalars['String']['output'];
  outcome: InvoiceCancellationOutcome;
  /** Why, in Russian */
  reason: Scalars['String']['output'];
};

export type InvoiceCancellationOutcome =
  /** Money was paid (or a payment was on its way): nothing reversed; the cashier decides with the patient whether to refund (refundPayment) */
  | 'REFUND_DECISION_NEEDED'
  /** Nothing was paid: the charge was reversed in the ledger (status CANCELLED) */
  | 'REVERSED';

export type InvoiceLine = {
  __typename?: 'InvoiceLine';
  amountKopecks: Scalars['Kopecks']['output'];
  discountKopecks: Scalars['Kopecks']['output'];
  discountReason?: Maybe<Scalars['String']['output']>;
  lineNo: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  priceItemId?: Maybe<Scalars['ID']['output']>;
  quantity: Scalars['Int']['output'];
  unitPriceKopecks: Scalars['Kopecks']['output'];
  vat: VatRate;
};

export type InvoiceLineInput = {
  discountKopecks?: Scalars['Kopecks']['input'];
  /** Required with a discount */
  discountReason?: InputMaybe<Scalars['String']['input']>;
  priceItemId: Scalars['ID']['input'];
  quantity?: Scalars['Int']['input'];
};

export type InvoicePayload = {
  __typename?: 'InvoicePayload';
  inputErrors: Array<InputError>;
  invoice?: Maybe<Invoice>;
  ok: Scalars['Boolean']['output'];
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
  expensiveInvoiceIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** A retry with the same key returns the same certificate */
  idempotencyKey: Scalars['String']['input'];
  /** The patient, when the taxpayer paid for someone else */
  patient?: InputMaybe<TaxPatientInput>;
  patientId: Scalars['ID']['input'];
  /** Who claims the deduction */
  taxpayer: TaxPersonInput;
  year: Scalars['Int']['input'];
};

export type LabAlert = {
  __typename?: 'LabAlert';
  acknowledgedAt?: Maybe<Scalars['String']['output']>;
  acknowledgedBy?: Maybe<Scalars['ID']['output']>;
  /** The doctor the alert is for (the ordering doctor) */
  doctorAccountId?: Maybe<Scalars['ID']['output']>;
  escalatedAt?: Maybe<Scalars['String']['output']>;
  escalatedTo?: Maybe<Scalars['ID']['output']>;
  flag?: Maybe<LabFlag>;
  id: Scalars['ID']['output'];
  orderId: Scalars['ID']['output'];
  patientId: Scalars['ID']['output'];
  raisedAt?: Maybe<Scalars['String']['output']>;
  result?: Maybe<LabResult>;
  steps?: Maybe<Array<LabAlertStep>>;
};

export type LabAlertPayload = {
  __typename?: 'LabAlertPayload';
  alert?: Maybe<LabAlert>;
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
};

/** One recorded step of an alert: RAISED, NOTIFIED, ESCALATED, ACKNOWLEDGED */
export type LabAlertStep = {
  __typename?: 'LabAlertStep';
  accountId?: Maybe<Scalars['ID']['output']>;
  at: Scalars['String']['output'];
  step: Scalars['String']['output'];
};

export type LabCodeSystem =
  /** Russian ФСЛИ directory 1.2.643.5.1.13.13.11.1080 */
  | 'FSLI'
  /** The clinic's own code */
  | 'LOCAL'
  /** LOINC (free with attribution) */
  | 'LOINC';

/** N normal, L/H below/above the reference range, LL/HH critical, A abnormal (coded) */
export type LabFlag =
  | 'A'
  | 'H'
  | 'HH'
  | 'L'
  | 'LL'
  | 'N';

/** An order: the tests one specimen goes to one partner laboratory for */
export type LabOrder = {
  __typename?: 'LabOrder';
  /** The doctor's note for the laboratory (the partner never receives it) */
  clinicalNote?: Maybe<Scalars['String']['output']>;
  collectedAt?: Maybe<Scalars['String']['output']>;
  createdAt?: Maybe<Scalars['String']['output']>;
  /** Whether the partner attached a PDF report */
  hasReport?: Maybe<Scalars['Boolean']['output']>;
  id: Scalars['ID']['output'];
  orderedByAccountId?: Maybe<Scalars['ID']['output']>;
  partnerName?: Maybe<Scalars['String']['output']>;
  patientId: Scalars['ID']['output'];
  priority?: Maybe<LabPriority>;
  receivedAt?: Maybe<Scalars['String']['output']>;
  releasedAt?: Maybe<Scalars['String']['output']>;
  resultedAt?: Maybe<Scalars['String']['output']>;
  results?: Maybe<Array<LabResult>>;
  /** The doctor's comment for the patient, given at review */
  reviewComment?: Maybe<Scalars['String']['output']>;
  reviewedAt?: Maybe<Scalars['String']['output']>;
  sentAt?: Maybe<Scalars['String']['output']>;
  /** The pseudonymous specimen code (the partner's only key) */
  specimenCode?: Maybe<Scalars['String']['output']>;
  specimenType?: Maybe<Scalars['String']['output']>;
  status?: Maybe<LabOrderStatus>;
  /** Why the order was cancelled or the specimen rejected */
  statusReason?: Maybe<Scalars['String']['output']>;
  tests?: Maybe<Array<LabOrderTest>>;
  visitId?: Maybe<Scalars['ID']['output']>;
};

export type LabOrderPayload = {
  __typename?: 'LabOrderPayload';
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
  order?: Maybe<LabOrder>;
};

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

/** A test within an order */
export type LabOrderTest = {
  __typename?: 'LabOrderTest';
  code: Scalars['String']['output'];
  name: Scalars['String']['output'];
  resulted: Scalars['Boolean']['output'];
  testId: Scalars['ID']['output'];
  unit?: Maybe<Scalars['String']['output']>;
};

export type LabOrdersPayload = {
  __typename?: 'LabOrdersPayload';
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
  /** One order per partner laboratory and specimen type */
  orders: Array<LabOrder>;
};

export type LabPriority =
  | 'ROUTINE'
  | 'URGENT';

export type LabRangeSex =
  | 'ANY'
  | 'FEMALE'
  | 'MALE';

/** One reference interval: for a sex and an age range in whole years [ageFrom, ageTo) */
export type LabReferenceRange = {
  __typename?: 'LabReferenceRange';
  ageFrom?: Maybe<Scalars['Int']['output']>;
  ageTo?: Maybe<Scalars['Int']['output']>;
  high?: Maybe<Scalars['Float']['output']>;
  low?: Maybe<Scalars['Float']['output']>;
  sex: LabRangeSex;
};

export type LabReferenceRangeInput = {
  ageFrom?: InputMaybe<Scalars['Int']['input']>;
  ageTo?: InputMaybe<Scalars['Int']['input']>;
  high?: InputMaybe<Scalars['Float']['input']>;
  low?: InputMaybe<Scalars['Float']['input']>;
  sex: LabRangeSex;
};

/** One test's result. The flag is computed by the platform from the catalogue's ranges. */
export type LabResult = {
  __typename?: 'LabResult';
  coded?: Maybe<Scalars['String']['output']>;
  critical?: Maybe<Scalars['Boolean']['output']>;
  flag?: Maybe<LabFlag>;
  /** The flag in plain Russian */
  flagText?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind?: Maybe<LabValueKind>;
  numeric?: Maybe<Scalars['Float']['output']>;
  orderId: Scalars['ID']['output'];
  partnerComment?: Maybe<Scalars['String']['output']>;
  patientId: Scalars['ID']['output'];
  /** Earlier results of the same test for the same patient (as the caller may see them), oldest first */
  previous?: Maybe<Array<LabResult>>;
  /** The reference interval the value was judged by */
  referenceRange?: Maybe<LabReferenceRange>;
  /** The interval as text, e.g. 3,9–6,1 ммоль/л */
  referenceText?: Maybe<Scalars['String']['output']>;
  /** Whether the ordering doctor released it to the patient */
  released?: Maybe<Scalars['Boolean']['output']>;
  resultedAt?: Maybe<Scalars['String']['output']>;
  testCode?: Maybe<Scalars['String']['output']>;
  testId?: Maybe<Scalars['ID']['output']>;
  testName?: Maybe<Scalars['String']['output']>;
  text?: Maybe<Scalars['String']['output']>;
  unit?: Maybe<Scalars['String']['output']>;
};

export type LabSpecimenStep =
  | 'COLLECTED'
  | 'SENT';

export type LabSpecimenStepInput = {
  orderId: Scalars['ID']['input'];
  step: LabSpecimenStep;
};

/** A test the clinic can order */
export type LabTest = {
  __typename?: 'LabTest';
  active: Scalars['Boolean']['output'];
  code: Scalars['String']['output'];
  codeSystem: LabCodeSystem;
  criticalHigh?: Maybe<Scalars['Float']['output']>;
  criticalLow?: Maybe<Scalars['Float']['output']>;
  id: Scalars['ID']['output'];
  kind: LabValueKind;
  /** Russian name of the test */
  name: Scalars['String']['output'];
  /** CODED tests: the values that are normal */
  normalCodes: Array<Scalars['String']['output']>;
  /** The partner laboratory that performs it (its client id at identity) */
  partnerClientId: Scalars['String']['output'];
  partnerName: Scalars['String']['output'];
  plausibleHigh?: Maybe<Scalars['Float']['output']>;
  plausibleLow?: Maybe<Scalars['Float']['output']>;
  /** The billing price list item this test is sold as */
  priceReference?: Maybe<Scalars['String']['output']>;
  referenceRanges: Array<LabReferenceRange>;
  /** Specimen type, e.g. венозная кровь, моча */
  specimenType: Scalars['String']['output'];
  turnaroundHours: Scalars['Int']['output'];
  unit?: Maybe<Scalars['String']['output']>;
  unitAliases: Array<Scalars['String']['output']>;
};

export type LabValueKind =
  | 'CODED'
  | 'NUMERIC'
  | 'TEXT';

/** The ledger of the day for one payment method */
export type LedgerMethodTotals = {
  __typename?: 'LedgerMethodTotals';
  method: PaymentMethod;
  /** Payments less refunds */
  netKopecks: Scalars['Kopecks']['output'];
  paymentsCount: Scalars['Int']['output'];
  paymentsKopecks: Scalars['Kopecks']['output'];
  refundsCount: Scalars['Int']['output'];
  refundsKopecks: Scalars['Kopecks']['output'];
};

export type LinkAlertToIncidentInput = {
  alertId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
};

export type MarkVisitEnteredInErrorInput = {
  idempotencyKey: Scalars['String']['input'];
  reason: Scalars['String']['input'];
  visitId: Scalars['ID']['input'];
};

/** A monitoring rule as configured (config/monitoring-rules.yaml) */
export type MonitoringRule = {
  __typename?: 'MonitoringRule';
  enabled: Scalars['Boolean']['output'];
  /** What the rule means and what the officer should check, in Russian */
  explanation: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The rule's thresholds and windows in Russian (e.g. «окно 60 мин, порог 300») */
  parameters: Scalars['String']['output'];
  severity: SecurityAlertSeverity;
  title: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** The patient accepts their contract in the portal (time and channel recorded) */
  acceptContract: ContractPayload;
  acknowledgeLabAlert: LabAlertPayload;
  /** The laboratory received these specimens */
  acknowledgeLabSpecimens: PartnerLabPayload;
  addHoliday: HolidayPayload;
  addScheduleException: ScheduleExceptionPayload;
  addSecurityAlertNote: SecurityAlertPayload;
  addVisitAddendum: VisitPayload;
  assignDataRequest: DataRequestPayload;
  assignSecurityAlert: SecurityAlertPayload;
  /** Attaches the laboratory's PDF report to a result message */
  attachLabReport: PartnerLabPayload;
  bookAppointment: AppointmentPayload;
  breakGlass: BreakGlassPayload;
  cancelAppointment: AppointmentPayload;
  cancelLabOrder: LabOrderPayload;
  checkInAppointment: AppointmentPayload;
  /** Closes the shift with the register's Z-report */
  closeFiscalShift: FiscalShiftPayload;
  closeIncident: SecurityIncidentPayload;
  completeAppointment: AppointmentPayload;
  completeDataRequest: DataRequestPayload;
  /** The patient (or reception on their behalf) confirms they will come */
  confirmAppointment: AppointmentPayload;
  confirmHold: AppointmentPayload;
  /** Step 2: the six-digit code from the message creates the account and signs in */
  confirmSignUp: AuthPayload;
  confirmTotpEnrollment: AccountPayload;
  createBranch: BranchPayload;
  /** A draft contract priced from the branch's price list of today */
  createContract: ContractPayload;
  createInvoice: InvoicePayload;
  createPartnerClient: PartnerClientPayload;
  createRoom: RoomPayload;
  createService: ServicePayload;
  createSpecialist: SpecialistPayload;
  createStaffAccount: AccountPayload;
  discardVisitDraft: VisitPayload;
  /** Ends every session of a staff member and blocks sign-in */
  dismissStaff: AccountPayload;
  extendDataRequest: DataRequestPayload;
  /** A patient files a request about their own data from the portal */
  fileDataRequest: DataRequestPayload;
  giveConsent: ConsentPayload;
  /** Explicit per-person permissions of the schedule, e.g. booking beyond the schedule (overbooking) */
  grantSchedulePermission: Scalars['Boolean']['output'];
  holdSlot: AppointmentPayload;
  /** Issues the certificate for a patient and a year from the ledger */
  issueTaxCertificate: TaxCertificatePayload;
  linkAlertToIncident: SecurityIncidentPayload;
  markNoShow: AppointmentPayload;
  markVisitEnteredInError: VisitVersionPayload;
  /** Merges a duplicate into the kept record (reception) */
  mergePatients: PatientPayload;
  /** Opens the register's shift (the register prints the opening report); expected failures in inputErrors */
  openFiscalShift: FiscalShiftPayload;
  openIncident: SecurityIncidentPayload;
  openVisit: VisitPayload;
  /** Orders tests from a visit: one order (specimen) per partner laboratory and specimen type */
  orderLabTests: LabOrdersPayload;
  payInvoiceOnline: PaymentPayload;
  /** The same as postLabResults, as a FHIR R4 DiagnosticReport + Observation bundle */
  postFhirLabReport: PartnerLabPayload;
  /** Results of one specimen, idempotent by partnerResultId */
  postLabResults: PartnerLabPayload;
  /** Marks a notice as submitted to Roskomnadzor */
  recordIncidentNotification: SecurityIncidentPayload;
  /** Records that the specimen was collected or sent to the laboratory */
  recordLabSpecimenStep: LabOrderPayload;
  refreshSession: AuthPayload;
  refundPayment: RefundPayload;
  refuseDataRequest: DataRequestPayload;
  /** The security officer registers a request received in person, by mail or e-mail */
  registerDataRequest: DataRequestPayload;
  /** Registration by reception. A retry with the same idempotencyKey returns the same patient. */
  registerPatient: PatientPayload;
  /** Stores this browser's push subscription for the signed-in patient */
  registerPushSubscription: ReminderSettingsPayload;
  /** Self-registration: creates the record linked to the signed-in patient account */
  registerSelf: PatientPayload;
  rejectLabSpecimen: PartnerLabPayload;
  removePushSubscription: ReminderSettingsPayload;
  removeWeeklyTemplate: WeeklyTemplatePayload;
  /**
   * A one-time link to upload one file to a visit: POST the raw bytes to it with the same bearer
   * token and the file name in X-File-Name (percent-encoded UTF-8). Answers 201 with the attachment.
   */
  requestAttachmentUpload: FileLinkPayload;
  /** A link to download an attachment or a visit summary PDF (GET it with the same bearer token) */
  requestDownload: FileLinkPayload;
  rescheduleAppointment: AppointmentPayload;
  /** Resolves the affected patients from the audit stream and stores the snapshot */
  resolveIncidentAffectedPatients: SecurityIncidentPayload;
  /** Sends a payment waiting for its receipt to the register again (never prints twice) */
  retryPaymentFiscalisation: PaymentPayload;
  /** The ordering doctor reviews the results; released results become visible to the patient */
  reviewLabOrder: LabOrderPayload;
  /** Replaces the token signing key now; the old key stays in the JWKS for the overlap window */
  rotateSigningKey: SigningKeyRotationPayload;
  /** Runs an export round now (what is due; failures wait for their next attempt) */
  runOneCExport: OneCExportRunPayload;
  /** A new template version, validated (Decree No. 736 items included) */
  saveContractTemplate: ContractTemplatePayload;
  /** Adds a test to the catalogue or changes one (by id) */
  saveLabTest: SaveLabTestPayload;
  /** Autosave of the caller's draft */
  saveVisitDraft: VisitDraftPayload;
  setCallStatus: CallListPayload;
  setPrice: PriceItemPayload;
  setReminderChannel: ReminderSettingsPayload;
  /** Work e-mail for the doctor's next-day list (never exposed through the API) */
  setSpecialistNotifyEmail: Scalars['Boolean']['output'];
  /** Every staff access to a VIP patient raises an alert */
  setVipPatient: VipPatientPayload;
  setWeeklyTemplate: WeeklyTemplatePayload;
  /** Reception records the contract signed on paper at the desk */
  signContractAtDesk: ContractPayload;
  signIn: AuthPayload;
  /** Ends the caller's session; its tokens are refused from now on */
  signOut: SignOutPayload;
  /**
   * Step 1 of patient sign-up: sends a message to the login and answers the same whether or not
   * the login already has an account (the message then tells its owner instead of carrying a code).
   */
  signUpPatient: SignUpPayload;
  /** Signs the caller's own draft (a correction needs a reason) */
  signVisit: VisitVersionPayload;
  startTotpEnrollment: TotpEnrollmentPayload;
  /** Starts a correction of a signed visit: a draft prefilled from the current version */
  startVisitCorrection: VisitDraftPayload;
  takeDeskPayment: PaymentPayload;
  triageSecurityAlert: SecurityAlertPayload;
  updateBranchSettings: BranchPayload;
  updateIncident: SecurityIncidentPayload;
  updatePatient: PatientPayload;
  /** Uses a confirm/cancel link from a reminder; works without signing in, once */
  useReminderLink: ReminderLinkPayload;
  /** Verifies the audit chains now against the copies and the checkpoints */
  verifyAuditChains: VerifyAuditChainsPayload;
  withdrawConsent: ConsentPayload;
};


export type MutationAcceptContractArgs = {
  input: AcceptContractInput;
};


export type MutationAcknowledgeLabAlertArgs = {
  alertId: Scalars['ID']['input'];
};


export type MutationAcknowledgeLabSpecimensArgs = {
  input: AcknowledgeLabSpecimensInput;
};


export type MutationAddHolidayArgs = {
  input: HolidayInput;
};


export type MutationAddScheduleExceptionArgs = {
  input: ScheduleExceptionInput;
};


export type MutationAddSecurityAlertNoteArgs = {
  input: AddSecurityAlertNoteInput;
};


export type MutationAddVisitAddendumArgs = {
  input: AddVisitAddendumInput;
};


export type MutationAssignDataRequestArgs = {
  input: AssignDataRequestInput;
};


export type MutationAssignSecurityAlertArgs = {
  input: AssignSecurityAlertInput;
};


export type MutationAttachLabReportArgs = {
  input: AttachLabReportInput;
};


export type MutationBookAppointmentArgs = {
  input: BookingInput;
};


export type MutationBreakGlassArgs = {
  input: BreakGlassInput;
};


export type MutationCancelAppointmentArgs = {
  input: CancelInput;
};


export type MutationCancelLabOrderArgs = {
  input: CancelLabOrderInput;
};


export type MutationCheckInAppointmentArgs = {
  appointmentId: Scalars['ID']['input'];
};


export type MutationCloseFiscalShiftArgs = {
  branchId: Scalars['ID']['input'];
};


export type MutationCloseIncidentArgs = {
  input: CloseIncidentInput;
};


export type MutationCompleteAppointmentArgs = {
  appointmentId: Scalars['ID']['input'];
};


export type MutationCompleteDataRequestArgs = {
  input: CompleteDataRequestInput;
};


export type MutationConfirmAppointmentArgs = {
  appointmentId: Scalars['ID']['input'];
};


export type MutationConfirmHoldArgs = {
  appointmentId: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
};


export type MutationConfirmSignUpArgs = {
  code: Scalars['String']['input'];
  verificationId: Scalars['ID']['input'];
};


export type MutationConfirmTotpEnrollmentArgs = {
  code: Scalars['String']['input'];
};


export type MutationCreateBranchArgs = {
  input: BranchInput;
};


export type MutationCreateContractArgs = {
  input: CreateContractInput;
};


export type MutationCreateInvoiceArgs = {
  input: CreateInvoiceInput;
};


export type MutationCreatePartnerClientArgs = {
  input: CreatePartnerClientInput;
};


export type MutationCreateRoomArgs = {
  branchId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};


export type MutationCreateServiceArgs = {
  input: ServiceInput;
};


export type MutationCreateSpecialistArgs = {
  input: SpecialistInput;
};


export type MutationCreateStaffAccountArgs = {
  input: CreateStaffAccountInput;
};


export type MutationDiscardVisitDraftArgs = {
  input: VisitRefInput;
};


export type MutationDismissStaffArgs = {
  accountId: Scalars['ID']['input'];
};


export type MutationExtendDataRequestArgs = {
  input: ExtendDataRequestInput;
};


export type MutationFileDataRequestArgs = {
  input: FileDataRequestInput;
};


export type MutationGiveConsentArgs = {
  channel: ConsentChannel;
  patientId: Scalars['ID']['input'];
  purpose: ConsentPurpose;
  textVersion: Scalars['Int']['input'];
};


export type MutationGrantSchedulePermissionArgs = {
  accountId: Scalars['ID']['input'];
  permission: SchedulePermission;
};


export type MutationHoldSlotArgs = {
  input: BookingInput;
};


export type MutationIssueTaxCertificateArgs = {
  input: IssueTaxCertificateInput;
};


export type MutationLinkAlertToIncidentArgs = {
  input: LinkAlertToIncidentInput;
};


export type MutationMarkNoShowArgs = {
  appointmentId: Scalars['ID']['input'];
};


export type MutationMarkVisitEnteredInErrorArgs = {
  input: MarkVisitEnteredInErrorInput;
};


export type MutationMergePatientsArgs = {
  keepId: Scalars['ID']['input'];
  mergeId: Scalars['ID']['input'];
};


export type MutationOpenFiscalShiftArgs = {
  branchId: Scalars['ID']['input'];
};


export type MutationOpenIncidentArgs = {
  input: OpenIncidentInput;
};


export type MutationOpenVisitArgs = {
  input: OpenVisitInput;
};


export type MutationOrderLabTestsArgs = {
  input: OrderLabTestsInput;
};


export type MutationPayInvoiceOnlineArgs = {
  input: PayInvoiceOnlineInput;
};


export type MutationPostFhirLabReportArgs = {
  input: PostFhirLabReportInput;
};


export type MutationPostLabResultsArgs = {
  input: PostLabResultsInput;
};


export type MutationRecordIncidentNotificationArgs = {
  input: RecordIncidentNotificationInput;
};


export type MutationRecordLabSpecimenStepArgs = {
  input: LabSpecimenStepInput;
};


export type MutationRefreshSessionArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRefundPaymentArgs = {
  input: RefundPaymentInput;
};


export type MutationRefuseDataRequestArgs = {
  input: RefuseDataRequestInput;
};


export type MutationRegisterDataRequestArgs = {
  input: RegisterDataRequestInput;
};


export type MutationRegisterPatientArgs = {
  confirmNotDuplicate?: InputMaybe<Scalars['Boolean']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: PatientInput;
};


export type MutationRegisterPushSubscriptionArgs = {
  input: PushSubscriptionInput;
};


export type MutationRegisterSelfArgs = {
  input: PatientInput;
};


export type MutationRejectLabSpecimenArgs = {
  input: RejectLabSpecimenInput;
};


export type MutationRemovePushSubscriptionArgs = {
  endpoint: Scalars['String']['input'];
};


export type MutationRemoveWeeklyTemplateArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRequestAttachmentUploadArgs = {
  input: RequestAttachmentUploadInput;
};


export type MutationRequestDownloadArgs = {
  input: RequestDownloadInput;
};


export type MutationRescheduleAppointmentArgs = {
  input: RescheduleInput;
};


export type MutationResolveIncidentAffectedPatientsArgs = {
  input: ResolveIncidentAffectedInput;
};


export type MutationRetryPaymentFiscalisationArgs = {
  paymentId: Scalars['ID']['input'];
};


export type MutationReviewLabOrderArgs = {
  input: ReviewLabOrderInput;
};


export type MutationSaveContractTemplateArgs = {
  input: SaveContractTemplateInput;
};


export type MutationSaveLabTestArgs = {
  input: SaveLabTestInput;
};


export type MutationSaveVisitDraftArgs = {
  input: SaveVisitDraftInput;
};


export type MutationSetCallStatusArgs = {
  appointmentId: Scalars['ID']['input'];
  status: CallStatus;
};


export type MutationSetPriceArgs = {
  input: SetPriceInput;
};


export type MutationSetReminderChannelArgs = {
  channel: ReminderChannel;
};


export type MutationSetSpecialistNotifyEmailArgs = {
  email?: InputMaybe<Scalars['String']['input']>;
  specialistId: Scalars['ID']['input'];
};


export type MutationSetVipPatientArgs = {
  input: SetVipPatientInput;
};


export type MutationSetWeeklyTemplateArgs = {
  input: WeeklyTemplateInput;
};


export type MutationSignContractAtDeskArgs = {
  contractId: Scalars['ID']['input'];
};


export type MutationSignInArgs = {
  input: SignInInput;
};


export type MutationSignUpPatientArgs = {
  input: SignUpPatientInput;
};


export type MutationSignVisitArgs = {
  input: SignVisitInput;
};


export type MutationStartVisitCorrectionArgs = {
  input: VisitRefInput;
};


export type MutationTakeDeskPaymentArgs = {
  input: TakeDeskPaymentInput;
};


export type MutationTriageSecurityAlertArgs = {
  input: TriageSecurityAlertInput;
};


export type MutationUpdateBranchSettingsArgs = {
  branchId: Scalars['ID']['input'];
  input: BranchSettingsInput;
};


export type MutationUpdateIncidentArgs = {
  input: UpdateIncidentInput;
};


export type MutationUpdatePatientArgs = {
  id: Scalars['ID']['input'];
  input: PatientUpdateInput;
};


export type MutationUseReminderLinkArgs = {
  token: Scalars['String']['input'];
};


export type MutationVerifyAuditChainsArgs = {
  input?: InputMaybe<VerifyAuditChainsInput>;
};


export type MutationWithdrawConsentArgs = {
  channel: ConsentChannel;
  patientId: Scalars['ID']['input'];
  purpose: ConsentPurpose;
};

/** A payment or refund whose export to 1C failed so far: retried with backoff */
export type OneCExportFailure = {
  __typename?: 'OneCExportFailure';
  attempts: Scalars['Int']['output'];
  /** Our payment or refund id */
  id: Scalars['ID']['output'];
  kind: OneCExportKind;
  lastError?: Maybe<Scalars['String']['output']>;
  nextAttemptAt?: Maybe<Scalars['String']['output']>;
};

export type OneCExportKind =
  | 'PAYMENT'
  | 'REFUND';

export type OneCExportLastRun = {
  __typename?: 'OneCExportLastRun';
  exported: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  finishedAt?: Maybe<Scalars['String']['output']>;
  /** A round holds the export now */
  running: Scalars['Boolean']['output'];
  startedAt?: Maybe<Scalars['String']['output']>;
};

export type OneCExportRun = {
  __typename?: 'OneCExportRun';
  alreadyExported: Scalars['Int']['output'];
  deferred: Scalars['Int']['output'];
  exported: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  /** False when another round (another replica) holds the export */
  ran: Scalars['Boolean']['output'];
  /** Why it did not run, in Russian */
  reason?: Maybe<Scalars['String']['output']>;
  status: OneCExportStatus;
};

/** What one export round did */
export type OneCExportRunPayload = {
  __typename?: 'OneCExportRunPayload';
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
  run?: Maybe<OneCExportRun>;
};

/** The export of captured payments and done refunds to 1C:Бухгалтерия */
export type OneCExportStatus = {
  __typename?: 'OneCExportStatus';
  /** The OData export is configured (ONEC_ODATA_URL) */
  enabled: Scalars['Boolean']['output'];
  exported: Scalars['Int']['output'];
  /** Failed so far (retried with backoff) */
  failed: Scalars['Int']['output'];
  failures: Array<OneCExportFailure>;
  /** The EnterpriseData file can be built (the organization is configured) */
  fileEnabled: Scalars['Boolean']['output'];
  lastRun: OneCExportLastRun;
  /** Never tried yet */
  pending: Scalars['Int']['output'];
};

export type OpenIncidentInput = {
  /** Alerts the incident grew from (each is triaged INCIDENT) */
  alertIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  description: Scalars['String']['input'];
  /** ISO 8601 instant with an offset; default now. The deadlines count from it. */
  detectedAt?: InputMaybe<Scalars['String']['input']>;
  title: Scalars['String']['input'];
};

export type OpenVisitInput = {
  /** The appointment the visit belongs to (one visit per appointment) */
  appointmentId?: InputMaybe<Scalars['ID']['input']>;
  branchId?: InputMaybe<Scalars['ID']['input']>;
  patientId: Scalars['ID']['input'];
};

export type OrderLabTestsInput = {
  clinicalNote?: InputMaybe<Scalars['String']['input']>;
  /** A retry with the same key returns the same orders */
  idempotencyKey: Scalars['String']['input'];
  /** The patient's birth date (YYYY-MM-DD) as on the card: only the age in years is kept */
  patientBirthDate?: InputMaybe<Scalars['String']['input']>;
  patientId: Scalars['ID']['input'];
  /** The patient's sex as on the card (the partner receives it with the specimen) */
  patientSex: PatientSexForLab;
  priority: LabPriority;
  testIds: Array<Scalars['ID']['input']>;
  /** The visit the tests are ordered from (the record subgraph's visit) */
  visitId: Scalars['ID']['input'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PartnerClientPayload = {
  __typename?: 'PartnerClientPayload';
  clientId?: Maybe<Scalars['String']['output']>;
  /** Shown once; only its hash is kept */
  clientSecret?: Maybe<Scalars['String']['output']>;
  inputErrors: Array<InputError>;
  name?: Maybe<Scalars['String']['output']>;
  ok: Scalars['Boolean']['output'];
  role?: Maybe<PartnerRole>;
  scopes: Array<Scalars['String']['output']>;
};

/** An order as the partner laboratory sees it, keyed by the specimen code */
export type PartnerLabOrder = {
  __typename?: 'PartnerLabOrder';
  /** Age band in years at ordering, e.g. 30-39 (children: 0-0, 1-6, 7-12, 13-17) */
  ageBand?: Maybe<Scalars['String']['output']>;
  /** When the clinic collected the specimen */
  collectedAt?: Maybe<Scalars['String']['output']>;
  /** Position in the partner's order feed (opaque cursor) */
  cursor: Scalars['String']['output'];
  priority?: Maybe<LabPriority>;
  sex?: Maybe<PatientSexForLab>;
  specimenCode: Scalars['String']['output'];
  specimenType?: Maybe<Scalars['String']['output']>;
  status?: Maybe<LabOrderStatus>;
  tests?: Maybe<Array<PartnerLabTest>>;
};

export type PartnerLabOrderPage = {
  __typename?: 'PartnerLabOrderPage';
  /** Pass as `after` to get the next page */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasMore: Scalars['Boolean']['output'];
  orders: Array<PartnerLabOrder>;
};

export type PartnerLabPayload = {
  __typename?: 'PartnerLabPayload';
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
  orders: Array<PartnerLabOrder>;
  /** True when this answers a replay of an earlier identical request */
  replayed: Scalars['Boolean']['output'];
};

/** A test as the partner laboratory receives it */
export type PartnerLabTest = {
  __typename?: 'PartnerLabTest';
  code: Scalars['String']['output'];
  codeSystem: LabCodeSystem;
  name: Scalars['String']['output'];
  /** Whether this test has a result already */
  resulted: Scalars['Boolean']['output'];
  unit?: Maybe<Scalars['String']['output']>;
};

/** A value: numeric with its unit, or coded, or text */
export type PartnerResultValueInput = {
  coded?: InputMaybe<Scalars['String']['input']>;
  comment?: InputMaybe<Scalars['String']['input']>;
  numeric?: InputMaybe<Scalars['Float']['input']>;
  /** The test's code as in the order */
  testCode: Scalars['String']['input'];
  text?: InputMaybe<Scalars['String']['input']>;
  unit?: InputMaybe<Scalars['String']['input']>;
};

export type PartnerRole =
  | 'lab_partner'
  | 'service';

export type Patient = {
  __typename?: 'Patient';
  /** Ten-year band, e.g. 30-39 */
  ageBand?: Maybe<Scalars['String']['output']>;
  ageYears?: Maybe<Scalars['Int']['output']>;
  /** YYYY-MM-DD */
  birthDate?: Maybe<Scalars['String']['output']>;
  chronicConditions?: Maybe<Array<Scalars['String']['output']>>;
  /** Current consents, or the whole history */
  consents?: Maybe<Array<Consent>>;
  email?: Maybe<Scalars['String']['output']>;
  firstName?: Maybe<Scalars['String']['output']>;
  /** Фамилия И. О. when masked */
  fullName?: Maybe<Scalars['String']['output']>;
  homeAddress?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Compulsory medical insurance (OMS) policy number */
  insurancePolicy?: Maybe<Scalars['String']['output']>;
  lastName?: Maybe<Scalars['String']['output']>;
  middleName?: Maybe<Scalars['String']['output']>;
  /** Series and number, 4510 123456 */
  passport?: Maybe<Scalars['String']['output']>;
  passportIssuedBy?: Maybe<Scalars['String']['output']>;
  passportIssuedOn?: Maybe<Scalars['String']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
  registrationAddress?: Maybe<Scalars['String']['output']>;
  sex?: Maybe<Sex>;
  snils?: Maybe<Scalars['String']['output']>;
  workplace?: Maybe<Scalars['String']['output']>;
};


export type PatientConsentsArgs = {
  includeHistory?: InputMaybe<Scalars['Boolean']['input']>;
};

export type PatientConnection = {
  __typename?: 'PatientConnection';
  nodes: Array<Patient>;
  pageInfo: PageInfo;
};

export type PatientInput = {
  birthDate: Scalars['String']['input'];
  chronicConditions?: InputMaybe<Array<Scalars['String']['input']>>;
  email?: InputMaybe<Scalars['String']['input']>;
  firstName: Scalars['String']['input'];
  homeAddress?: InputMaybe<Scalars['String']['input']>;
  insurancePolicy?: InputMaybe<Scalars['String']['input']>;
  lastName: Scalars['String']['input'];
  middleName?: InputMaybe<Scalars['String']['input']>;
  passport?: InputMaybe<Scalars['String']['input']>;
  passportIssuedBy?: InputMaybe<Scalars['String']['input']>;
  passportIssuedOn?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  registrationAddress?: InputMaybe<Scalars['String']['input']>;
  sex: Sex;
  snils?: InputMaybe<Scalars['String']['input']>;
  workplace?: InputMaybe<Scalars['String']['input']>;
};

export type PatientPayload = {
  __typename?: 'PatientPayload';
  /** Patients with the same phone and birth date (registration is held until confirmed) */
  duplicates: Array<Patient>;
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
  patient?: Maybe<Patient>;
};

export type PatientSearchInput = {
  /** YYYY-MM-DD */
  birthDate?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Beginning of the full name: surname, then first name */
  text?: InputMaybe<Scalars['String']['input']>;
};

export type PatientSexForLab =
  | 'FEMALE'
  | 'MALE'
  | 'UNKNOWN';

export type PatientUpdateInput = {
  birthDate?: InputMaybe<Scalars['String']['input']>;
  chronicConditions?: InputMaybe<Array<Scalars['String']['input']>>;
  email?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  homeAddress?: InputMaybe<Scalars['String']['input']>;
  insurancePolicy?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  middleName?: InputMaybe<Scalars['String']['input']>;
  passport?: InputMaybe<Scalars['String']['input']>;
  passportIssuedBy?: InputMaybe<Scalars['String']['input']>;
  passportIssuedOn?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  registrationAddress?: InputMaybe<Scalars['String']['input']>;
  sex?: InputMaybe<Sex>;
  snils?: InputMaybe<Scalars['String']['input']>;
  workplace?: InputMaybe<Scalars['String']['input']>;
};

export type PayInvoiceOnlineInput = {
  idempotencyKey: Scalars['String']['input'];
  invoiceId: Scalars['ID']['input'];
};

export type Payment = {
  __typename?: 'Payment';
  amountKopecks?: Maybe<Scalars['Kopecks']['output']>;
  capturedAt?: Maybe<Scalars['String']['output']>;
  /** Online: where the patient pays */
  confirmationUrl?: Maybe<Scalars['String']['output']>;
  createdAt?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  invoiceId?: Maybe<Scalars['ID']['output']>;
  method?: Maybe<PaymentMethod>;
  patientId: Scalars['ID']['output'];
  receipts?: Maybe<Array<Receipt>>;
  refundedKopecks?: Maybe<Scalars['Kopecks']['output']>;
  refunds?: Maybe<Array<Refund>>;
  status?: Maybe<PaymentStatus>;
  statusReason?: Maybe<Scalars['String']['output']>;
};

export type PaymentMethod =
  | 'CARD'
  | 'CASH'
  | 'ONLINE';

export type PaymentPayload = {
  __typename?: 'PaymentPayload';
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
  payment?: Maybe<Payment>;
};

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

export type PostFhirLabReportInput = {
  /** A FHIR R4 Bundle (collection, batch or transaction) with one DiagnosticReport and its Observations, as JSON text */
  bundle: Scalars['String']['input'];
};

export type PostLabResultsInput = {
  conclusion?: InputMaybe<Scalars['String']['input']>;
  /** When the laboratory issued the results (ISO 8601) */
  issuedAt?: InputMaybe<Scalars['String']['input']>;
  /** The partner's own id of this result message: a replay returns the same answer */
  partnerResultId: Scalars['String']['input'];
  results: Array<PartnerResultValueInput>;
  specimenCode: Scalars['String']['input'];
};

export type Prescription = {
  __typename?: 'Prescription';
  dose?: Maybe<Scalars['String']['output']>;
  drug: Scalars['String']['output'];
  duration?: Maybe<Scalars['String']['output']>;
  form?: Maybe<Scalars['String']['output']>;
  frequency?: Maybe<Scalars['String']['output']>;
  instructions?: Maybe<Scalars['String']['output']>;
  route?: Maybe<Scalars['String']['output']>;
};

export type PrescriptionInput = {
  dose?: InputMaybe<Scalars['String']['input']>;
  drug: Scalars['String']['input'];
  duration?: InputMaybe<Scalars['String']['input']>;
  form?: InputMaybe<Scalars['String']['input']>;
  frequency?: InputMaybe<Scalars['String']['input']>;
  instructions?: InputMaybe<Scalars['String']['input']>;
  route?: InputMaybe<Scalars['String']['input']>;
};

/** A price of the branch's price list, valid from validFrom (inclusive) until validTo (exclusive) */
export type PriceItem = {
  __typename?: 'PriceItem';
  branchId: Scalars['ID']['output'];
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: PriceKind;
  name: Scalars['String']['output'];
  priceKopecks: Scalars['Kopecks']['output'];
  refId?: Maybe<Scalars['String']['output']>;
  validFrom: Scalars['String']['output'];
  validTo?: Maybe<Scalars['String']['output']>;
  vat: VatRate;
};

export type PriceItemPayload = {
  __typename?: 'PriceItemPayload';
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
  priceItem?: Maybe<PriceItem>;
};

export type PriceKind =
  /** A test of the lab's catalogue (refId: its price reference) */
  | 'LAB_TEST'
  | 'OTHER'
  /** A service of the schedule (refId: its service id) */
  | 'SERVICE';

/** The provider's succeeded payments and refunds of the day belonging to the branch */
export type ProviderSettlement = {
  __typename?: 'ProviderSettlement';
  available: Scalars['Boolean']['output'];
  configured: Scalars['Boolean']['output'];
  paymentsCount: Scalars['Int']['output'];
  paymentsKopecks: Scalars['Kopecks']['output'];
  refundsCount: Scalars['Int']['output'];
  refundsKopecks: Scalars['Kopecks']['output'];
};

export type PushSubscriptionInput = {
  auth: Scalars['String']['input'];
  endpoint: Scalars['String']['input'];
  p256dh: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  appointment?: Maybe<Appointment>;
  /** Every audit source: what was copied, when, failures, the last verification */
  auditChainStatus: Array<AuditSourceStatus>;
  auditEvents: Array<AuditEvent>;
  /** The central audit trail across services, newest first in the order the stream received them (at most 500 per page) */
  auditRecords: Array<AuditRecord>;
  branch?: Maybe<Branch>;
  /** A branch's invoices of a day (YYYY-MM-DD, the clinic's zone) */
  branchInvoices: Array<Invoice>;
  /** Reception: a branch's appointments on a local date, cancelled ones included */
  branchJournal: Array<Appointment>;
  branches: Array<Branch>;
  /** Reception: tomorrow's (or the given date's) patients who have not confirmed or cannot be reached */
  callList: Array<CallListEntry>;
  consentStatus?: Maybe<ConsentStatus>;
  /** Current and past versions of consent texts */
  consentTexts: Array<ConsentText>;
  contract?: Maybe<Contract>;
  /** The contract template in force (version 1 is the default template) */
  contractTemplate: ContractTemplateInfo;
  /** One request (a patient: only their own, otherwise null) */
  dataRequest?: Maybe<DataRequest>;
  /** The register, soonest deadline first */
  dataRequests: Array<DataRequest>;
  /** The signed-in doctor's appointments between two local dates (inclusive) */
  doctorSchedule: Array<Appointment>;
  /** The day's payments and refunds (YYYY-MM-DD, the clinic's zone) as an EnterpriseData file */
  enterpriseDataExport: EnterpriseDataFile;
  /** The current (or last) shift of the branch's register */
  fiscalShift?: Maybe<FiscalShift>;
  freeSlots: Array<Slot>;
  holidays: Array<Holiday>;
  /** Active ICD-10 codes by code prefix (J06, j06.9) or by words of the title, best matches first */
  icd10Search: Array<Icd10Code>;
  incident?: Maybe<SecurityIncident>;
  /** The incident register, newest detection first (at most 200) */
  incidents: Array<SecurityIncident>;
  invoice?: Maybe<Invoice>;
  /** A patient's invoices, newest first */
  invoices: Array<Invoice>;
  /** Cancelled invoices (e.g. a lab order cancelled) on which money is still kept, oldest first: the cashier decides on a refund; of a branch, or all */
  invoicesAwaitingRefundDecision: Array<Invoice>;
  /** Critical alerts for the caller (raised for them or escalated to them); open ones only by default */
  labAlerts: Array<LabAlert>;
  labOrder?: Maybe<LabOrder>;
  /** A patient's orders, newest first (the doctor in care, the patient themselves) */
  labOrders: Array<LabOrder>;
  /** The orders placed from one visit */
  labOrdersForVisit: Array<LabOrder>;
  /** The doctor's orders with results waiting for review */
  labOrdersToReview: Array<LabOrder>;
  /** One test's results over time for a patient (the patient: their own released ones) */
  labResultHistory: Array<LabResult>;
  /** The catalogue: active tests (all with includeInactive), matching a code or words of the name */
  labTests: Array<LabTest>;
  /** The signed-in account */
  me?: Maybe<Account>;
  /** The monitoring rules as configured, each explained in Russian */
  monitoringRules: Array<MonitoringRule>;
  /** Who viewed my record */
  myAccessLog: Array<AccessLogEntry>;
  /** Кто смотрел мою медкарту: everyone who accessed my data, newest first */
  myAccessTrail: Array<AccessTrailEntry>;
  /** The signed-in patient's appointments */
  myAppointments: Array<Appointment>;
  /** The calling patient's contracts */
  myContracts: Array<Contract>;
  /** The calling patient's own requests, newest first */
  myDataRequests: Array<DataRequest>;
  /** The calling patient's invoices */
  myInvoices: Array<Invoice>;
  /** The patient's own orders */
  myLabOrders: Array<LabOrder>;
  /** The signed-in patient's own record */
  myPatient?: Maybe<Patient>;
  /** The signed record of the calling patient */
  myRecord: Array<Visit>;
  myReminderSettings: ReminderSettings;
  /** The calling doctor's own draft of a visit (autosaved); null when none */
  myVisitDraft?: Maybe<VisitDraft>;
  /** The 1C export: counts, the last round, failures with their last error and next attempt */
  oneCExportStatus: OneCExportStatus;
  /** One of the partner's orders by its specimen code */
  partnerLabOrder?: Maybe<PartnerLabOrder>;
  /** The partner's orders ready for it (collected and later), in feed order; since: changed at or after */
  partnerLabOrders: PartnerLabOrderPage;
  patient?: Maybe<Patient>;
  /** A patient's contracts, newest first */
  patientContracts: Array<Contract>;
  patientDuplicates: Array<Patient>;
  /** A patient's lab orders waiting for the cashier (at the desk), oldest first */
  patientUnbilledLabOrders: Array<UnbilledLabOrder>;
  /** The branch's prices valid on a date (default today, Moscow time) */
  priceList: Array<PriceItem>;
  /** The daily reconciliation of a branch (day YYYY-MM-DD in the clinic's zone) */
  reconciliation: Reconciliation;
  /** What the caller may see of a patient's record */
  recordAccess: RecordAccess;
  /** FHIR R4 export of a patient's record: the patient's own, or a doctor's in care (audited as a disclosure) */
  recordExport?: Maybe<RecordExport>;
  reminderChannels: ReminderChannels;
  scheduleExceptions: Array<ScheduleException>;
  searchPatients: PatientConnection;
  securityAlert?: Maybe<SecurityAlert>;
  /** The officer's alert queue, newest first (at most 200) */
  securityAlerts: Array<SecurityAlert>;
  services: Array<Service>;
  specialist?: Maybe<Specialist>;
  specialists: Array<Specialist>;
  specialties: Array<Scalars['String']['output']>;
  staffAccounts: Array<Account>;
  /** A patient's issued certificates, newest year first */
  taxCertificates: Array<TaxCertificate>;
  /** Lab orders waiting for the cashier (not invoiced, not cancelled), oldest first: of a branch, or all (including those without a branch) */
  unbilledLabOrders: Array<UnbilledLabOrder>;
  verifyAuditChain: AuditChainStatus;
  visit?: Maybe<Visit>;
  /** The visit of an appointment, when one was opened */
  visitForAppointment?: Maybe<Visit>;
  /** A patient's visits, newest first (a patient: own signed visits only) */
  visits: Array<Visit>;
  weeklyTemplates: Array<WeeklyTemplate>;
};


export type QueryAppointmentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAuditEventsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  patientId: Scalars['ID']['input'];
};


export type QueryAuditRecordsArgs = {
  before?: InputMaybe<Scalars['ID']['input']>;
  filter: AuditRecordsFilter;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryBranchArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBranchInvoicesArgs = {
  branchId: Scalars['ID']['input'];
  day: Scalars['String']['input'];
};


export type QueryBranchJournalArgs = {
  branchId: Scalars['ID']['input'];
  date: Scalars['String']['input'];
};


export type QueryCallListArgs = {
  branchId: Scalars['ID']['input'];
  date?: InputMaybe<Scalars['String']['input']>;
};


export type QueryConsentStatusArgs = {
  patientId: Scalars['ID']['input'];
  purpose: ConsentPurpose;
};


export type QueryConsentTextsArgs = {
  purpose?: InputMaybe<ConsentPurpose>;
};


export type QueryContractArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDataRequestArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDataRequestsArgs = {
  filter?: InputMaybe<DataRequestFilter>;
};


export type QueryDoctorScheduleArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


export type QueryEnterpriseDataExportArgs = {
  day: Scalars['String']['input'];
};


export type QueryFiscalShiftArgs = {
  branchId: Scalars['ID']['input'];
};


export type QueryFreeSlotsArgs = {
  input: FreeSlotsInput;
};


export type QueryHolidaysArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


export type QueryIcd10SearchArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


export type QueryIncidentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryIncidentsArgs = {
  status?: InputMaybe<SecurityIncidentStatus>;
};


export type QueryInvoiceArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInvoicesArgs = {
  patientId: Scalars['ID']['input'];
};


export type QueryInvoicesAwaitingRefundDecisionArgs = {
  branchId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryLabAlertsArgs = {
  includeAcknowledged?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryLabOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryLabOrdersArgs = {
  patientId: Scalars['ID']['input'];
};


export type QueryLabOrdersForVisitArgs = {
  visitId: Scalars['ID']['input'];
};


export type QueryLabResultHistoryArgs = {
  patientId: Scalars['ID']['input'];
  testId: Scalars['ID']['input'];
};


export type QueryLabTestsArgs = {
  includeInactive?: InputMaybe<Scalars['Boolean']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryMyAccessLogArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMyAccessTrailArgs = {
  before?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMyAppointmentsArgs = {
  period?: InputMaybe<AppointmentPeriod>;
};


export type QueryMyVisitDraftArgs = {
  visitId: Scalars['ID']['input'];
};


export type QueryPartnerLabOrderArgs = {
  specimenCode: Scalars['String']['input'];
};


export type QueryPartnerLabOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  since?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPatientArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPatientContractsArgs = {
  patientId: Scalars['ID']['input'];
};


export type QueryPatientDuplicatesArgs = {
  birthDate: Scalars['String']['input'];
  phone: Scalars['String']['input'];
};


export type QueryPatientUnbilledLabOrdersArgs = {
  patientId: Scalars['ID']['input'];
};


export type QueryPriceListArgs = {
  branchId: Scalars['ID']['input'];
  on?: InputMaybe<Scalars['String']['input']>;
};


export type QueryReconciliationArgs = {
  branchId: Scalars['ID']['input'];
  day: Scalars['String']['input'];
};


export type QueryRecordAccessArgs = {
  patientId: Scalars['ID']['input'];
};


export type QueryRecordExportArgs = {
  patientId: Scalars['ID']['input'];
};


export type QueryScheduleExceptionsArgs = {
  from: Scalars['String']['input'];
  specialistId: Scalars['ID']['input'];
  to: Scalars['String']['input'];
};


export type QuerySearchPatientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query: PatientSearchInput;
};


export type QuerySecurityAlertArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySecurityAlertsArgs = {
  filter?: InputMaybe<SecurityAlertsFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryServicesArgs = {
  specialty?: InputMaybe<Scalars['String']['input']>;
};


export type QuerySpecialistArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySpecialistsArgs = {
  filter?: InputMaybe<SpecialistFilter>;
};


export type QueryTaxCertificatesArgs = {
  patientId: Scalars['ID']['input'];
};


export type QueryUnbilledLabOrdersArgs = {
  branchId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryVisitArgs = {
  id: Scalars['ID']['input'];
};


export type QueryVisitForAppointmentArgs = {
  appointmentId: Scalars['ID']['input'];
};


export type QueryVisitsArgs = {
  patientId: Scalars['ID']['input'];
};


export type QueryWeeklyTemplatesArgs = {
  specialistId: Scalars['ID']['input'];
};

/** A fiscal receipt as the register printed it (54-FZ, FFD 1.2) */
export type Receipt = {
  __typename?: 'Receipt';
  cashKopecks?: Maybe<Scalars['Kopecks']['output']>;
  /** Tag 1008: where the electronic receipt was sent */
  customerContact?: Maybe<Scalars['String']['output']>;
  electronicKopecks?: Maybe<Scalars['Kopecks']['output']>;
  fiscalAt?: Maybe<Scalars['String']['output']>;
  fiscalDocumentNumber?: Maybe<Scalars['Int']['output']>;
  /** Tag 1077, the fiscal sign */
  fiscalSign?: Maybe<Scalars['String']['output']>;
  fnNumber?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  lines?: Maybe<Array<ReceiptLine>>;
  operation?: Maybe<ReceiptOperation>;
  patientId: Scalars['ID']['output'];
  paymentId?: Maybe<Scalars['ID']['output']>;
  receiptNumber?: Maybe<Scalars['Int']['output']>;
  registrationNumber?: Maybe<Scalars['String']['output']>;
  shiftNumber?: Maybe<Scalars['Int']['output']>;
  totalKopecks?: Maybe<Scalars['Kopecks']['output']>;
};

export type ReceiptLine = {
  __typename?: 'ReceiptLine';
  amountKopecks: Scalars['Kopecks']['output'];
  name: Scalars['String']['output'];
  /** Tag 1214 */
  paymentMethod: Scalars['String']['output'];
  /** Tag 1212 */
  paymentObject: Scalars['String']['output'];
  priceKopecks: Scalars['Kopecks']['output'];
  quantity: Scalars['Int']['output'];
  vat: VatRate;
};

export type ReceiptOperation =
  /** Sale (tag 1054 = 1) */
  | 'SELL'
  /** Sale refund (tag 1054 = 2) */
  | 'SELL_RETURN';

/** A register shift of the day: the register's totals against our receipts of it at their ledger amounts */
export type ReconciledShift = {
  __typename?: 'ReconciledShift';
  closedAt?: Maybe<Scalars['String']['output']>;
  ledger?: Maybe<ShiftTotals>;
  open: Scalars['Boolean']['output'];
  openedAt: Scalars['String']['output'];
  registerId: Scalars['String']['output'];
  report?: Maybe<ShiftTotals>;
  shiftNumber?: Maybe<Scalars['Int']['output']>;
  source: ShiftReportSource;
};

/** A branch's day (the clinic's zone): ledger vs register shift reports vs the provider's settlement */
export type Reconciliation = {
  __typename?: 'Reconciliation';
  /** True when nothing is listed */
  balanced: Scalars['Boolean']['output'];
  branchId: Scalars['ID']['output'];
  checkedAt: Scalars['String']['output'];
  day: Scalars['String']['output'];
  discrepancies: Array<Discrepancy>;
  ledger: Array<LedgerMethodTotals>;
  /** The branch's desk register (null: none configured) */
  registerId?: Maybe<Scalars['String']['output']>;
  settlement: ProviderSettlement;
  shifts: Array<ReconciledShift>;
};

/** What the caller may see of a patient's record (about the caller's own rights) */
export type RecordAccess = {
  __typename?: 'RecordAccess';
  /** A doctor without a care relationship may open the record by break-glass, stating a reason */
  breakGlassAvailable: Scalars['Boolean']['output'];
  /** Until when the caller's break-glass access to this record lasts */
  breakGlassUntil?: Maybe<Scalars['String']['output']>;
  level: RecordAccessLevel;
  patientId: Scalars['ID']['output'];
};

export type RecordAccessLevel =
  /** The clinical content */
  | 'FULL'
  | 'NONE'
  /** Only that visits exist (reception) */
  | 'SUMMARY';

/** A patient's medical record as a FHIR R4 collection Bundle */
export type RecordExport = {
  __typename?: 'RecordExport';
  /** The Bundle as JSON text (application/fhir+json) */
  bundle?: Maybe<Scalars['String']['output']>;
  /**
   * The instant the export describes: the newest signed version, addendum or attachment in it
   * (the same record always exports to the same Bundle); the current time for an empty record.
   */
  generatedAt?: Maybe<Scalars['String']['output']>;
  patientId: Scalars['ID']['output'];
};

export type RecordIncidentNotificationInput = {
  id: Scalars['ID']['input'];
  kind: IncidentNoticeKind;
  /** Roskomnadzor's reference number of the submission */
  reference: Scalars['String']['input'];
  /** When it was submitted (ISO 8601 with an offset); default now */
  sentAt?: InputMaybe<Scalars['String']['input']>;
};

export type Referral = {
  __typename?: 'Referral';
  kind: ReferralKind;
  note?: Maybe<Scalars['String']['output']>;
  target: Scalars['String']['output'];
};

export type ReferralInput = {
  kind: ReferralKind;
  note?: InputMaybe<Scalars['String']['input']>;
  target: Scalars['String']['input'];
};

export type ReferralKind =
  | 'LAB'
  | 'SPECIALIST';

export type Refund = {
  __typename?: 'Refund';
  amountKopecks?: Maybe<Scalars['Kopecks']['output']>;
  createdAt?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  patientId: Scalars['ID']['output'];
  paymentId?: Maybe<Scalars['ID']['output']>;
  reason?: Maybe<Scalars['String']['output']>;
  status?: Maybe<RefundStatus>;
  statusReason?: Maybe<Scalars['String']['output']>;
};

export type RefundPayload = {
  __typename?: 'RefundPayload';
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
  refund?: Maybe<Refund>;
};

export type RefundPaymentInput = {
  amountKopecks: Scalars['Kopecks']['input'];
  idempotencyKey: Scalars['String']['input'];
  paymentId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type RefundStatus =
  | 'DONE'
  | 'FAILED'
  | 'PENDING';

export type RefuseDataRequestInput = {
  id: Scalars['ID']['input'];
  /** The reasoned refusal sent to the patient, with the provision of law it rests on */
  reason: Scalars['String']['input'];
};

export type RegisterDataRequestInput = {
  /** Not PORTAL: portal requests are filed by the patient */
  channel: DataRequestChannel;
  details?: InputMaybe<Scalars['String']['input']>;
  idempotencyKey: Scalars['String']['input'];
  patientId: Scalars['ID']['input'];
  /** Date of receipt (YYYY-MM-DD, Europe/Moscow); default today */
  receivedOn?: InputMaybe<Scalars['String']['input']>;
  type: DataRequestType;
};

export type RejectLabSpecimenInput = {
  comment?: InputMaybe<Scalars['String']['input']>;
  reason: SpecimenRejectionReason;
  specimenCode: Scalars['String']['input'];
};

export type ReminderAction =
  | 'CANCEL'
  | 'CONFIRM';

export type ReminderChannel =
  | 'EMAIL'
  | 'PUSH'
  | 'SMS'
  | 'VOICE';

/** Configuration the portal needs to offer reminders */
export type ReminderChannels = {
  __typename?: 'ReminderChannels';
  /** Channels the clinic has enabled */
  enabled: Array<ReminderChannel>;
  /** VAPID public key for PushManager.subscribe (null when web push is off) */
  webPushPublicKey?: Maybe<Scalars['String']['output']>;
};

export type ReminderLinkPayload = {
  __typename?: 'ReminderLinkPayload';
  action?: Maybe<ReminderAction>;
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
  /** Local start of the appointment, for the confirmation page */
  startsAt?: Maybe<Scalars['String']['output']>;
  /** Status of the appointment after the action */
  status?: Maybe<AppointmentStatus>;
};

/** How the patient wants to be reminded; the other channels are fallbacks */
export type ReminderSettings = {
  __typename?: 'ReminderSettings';
  patientId: Scalars['ID']['output'];
  preferredChannel?: Maybe<ReminderChannel>;
  /** Browsers (devices) subscribed to web push */
  pushDevices?: Maybe<Scalars['Int']['output']>;
};

export type ReminderSettingsPayload = {
  __typename?: 'ReminderSettingsPayload';
  inputErrors: Array<InputError>;
  settings?: Maybe<ReminderSettings>;
};

export type RequestAttachmentUploadInput = {
  visitId: Scalars['ID']['input'];
};

/** Exactly one of the fields */
export type RequestDownloadInput = {
  /** An attachment's file */
  attachmentId?: InputMaybe<Scalars['ID']['input']>;
  /** The printable summary (PDF) of the visit's current signed version */
  visitId?: InputMaybe<Scalars['ID']['input']>;
  /** The printable summary (PDF) of one signed version */
  visitVersionId?: InputMaybe<Scalars['ID']['input']>;
};

export type RescheduleInput = {
  appointmentId: Scalars['ID']['input'];
  branchId?: InputMaybe<Scalars['ID']['input']>;
  idempotencyKey: Scalars['String']['input'];
  /** Move to another doctor or branch (defaults: the current ones) */
  specialistId?: InputMaybe<Scalars['ID']['input']>;
  startsAt: Scalars['String']['input'];
};

export type ResolveIncidentAffectedInput = {
  id: Scalars['ID']['input'];
  /** Replaces the stored scope; none: recompute the stored one (or derive it from the linked alerts) */
  scope?: InputMaybe<IncidentScopeInput>;
};

export type ReviewLabOrderInput = {
  orderId: Scalars['ID']['input'];
  /** Shown to the patient with the results */
  patientComment?: InputMaybe<Scalars['String']['input']>;
  /** Release the results to the patient now (default true) */
  release?: InputMaybe<Scalars['Boolean']['input']>;
};

export type Room = {
  __typename?: 'Room';
  branchId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type RoomPayload = {
  __typename?: 'RoomPayload';
  inputErrors: Array<InputError>;
  room?: Maybe<Room>;
};

export type SaveContractTemplateInput = {
  /** The template as JSON (see ContractTemplateInfo.body); the server numbers the version */
  body: Scalars['String']['input'];
  idempotencyKey: Scalars['String']['input'];
};

export type SaveLabTestInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  code: Scalars['String']['input'];
  codeSystem: LabCodeSystem;
  criticalHigh?: InputMaybe<Scalars['Float']['input']>;
  criticalLow?: InputMaybe<Scalars['Float']['input']>;
  /** Absent: a new test */
  id?: InputMaybe<Scalars['ID']['input']>;
  kind: LabValueKind;
  name: Scalars['String']['input'];
  normalCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  partnerClientId: Scalars['String']['input'];
  partnerName: Scalars['String']['input'];
  plausibleHigh?: InputMaybe<Scalars['Float']['input']>;
  plausibleLow?: InputMaybe<Scalars['Float']['input']>;
  priceReference?: InputMaybe<Scalars['String']['input']>;
  referenceRanges: Array<LabReferenceRangeInput>;
  specimenType: Scalars['String']['input'];
  turnaroundHours: Scalars['Int']['input'];
  unit?: InputMaybe<Scalars['String']['input']>;
  unitAliases?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type SaveLabTestPayload = {
  __typename?: 'SaveLabTestPayload';
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
  test?: Maybe<LabTest>;
};

export type SaveVisitDraftInput = {
  content: VisitContentInput;
  /** The revision this save is based on (0 for a new draft); null overwrites */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  visitId: Scalars['ID']['input'];
};

export type ScheduleException = {
  __typename?: 'ScheduleException';
  branchId: Scalars['ID']['output'];
  endsAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: ScheduleExceptionKind;
  roomId?: Maybe<Scalars['ID']['output']>;
  specialistId: Scalars['ID']['output'];
  /** ISO date-time with the branch offset */
  startsAt: Scalars['String']['output'];
};

export type ScheduleExceptionInput = {
  branchId: Scalars['ID']['input'];
  endsAt: Scalars['String']['input'];
  kind: ScheduleExceptionKind;
  roomId?: InputMaybe<Scalars['ID']['input']>;
  specialistId: Scalars['ID']['input'];
  /** Local date-time of the branch, YYYY-MM-DDTHH:MM (or with an offset) */
  startsAt: Scalars['String']['input'];
};

export type ScheduleExceptionKind =
  | 'DAY_OFF'
  | 'EXTRA_HOURS'
  | 'SICK_LEAVE'
  | 'VACATION';

export type ScheduleExceptionPayload = {
  __typename?: 'ScheduleExceptionPayload';
  exception?: Maybe<ScheduleException>;
  inputErrors: Array<InputError>;
};

export type SchedulePermission =
  | 'OVERBOOK';

export type SecurityAlert = {
  __typename?: 'SecurityAlert';
  /** The staff account whose access raised it (none for a chain alert) */
  actorId?: Maybe<Scalars['ID']['output']>;
  actorRole?: Maybe<Scalars['String']['output']>;
  assigneeId?: Maybe<Scalars['ID']['output']>;
  /** The rule's findings: counts, windows, the stream events it saw (JSON) */
  evidence?: Maybe<Scalars['String']['output']>;
  explanation?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  occurredAt?: Maybe<Scalars['String']['output']>;
  patientId?: Maybe<Scalars['ID']['output']>;
  raisedAt?: Maybe<Scalars['String']['output']>;
  rule?: Maybe<Scalars['String']['output']>;
  ruleTitle?: Maybe<Scalars['String']['output']>;
  /** The service whose audit trail holds the evidence */
  service?: Maybe<Scalars['String']['output']>;
  severity?: Maybe<SecurityAlertSeverity>;
  status?: Maybe<SecurityAlertStatus>;
  steps?: Maybe<Array<SecurityAlertStep>>;
  updatedAt?: Maybe<Scalars['String']['output']>;
};

export type SecurityAlertPayload = {
  __typename?: 'SecurityAlertPayload';
  alert?: Maybe<SecurityAlert>;
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
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

/** One recorded step of an alert: RAISED, NOTIFIED, ASSIGNED, TRIAGED, NOTE */
export type SecurityAlertStep = {
  __typename?: 'SecurityAlertStep';
  accountId?: Maybe<Scalars['ID']['output']>;
  assigneeId?: Maybe<Scalars['ID']['output']>;
  at: Scalars['String']['output'];
  note?: Maybe<Scalars['String']['output']>;
  status?: Maybe<SecurityAlertStatus>;
  step: Scalars['String']['output'];
};

export type SecurityAlertsFilter = {
  actorId?: InputMaybe<Scalars['ID']['input']>;
  patientId?: InputMaybe<Scalars['ID']['input']>;
  /** All statuses when empty */
  statuses?: InputMaybe<Array<SecurityAlertStatus>>;
};

/** A personal-data incident with its Roskomnadzor deadlines (152-FZ art. 21 part 3.1) */
export type SecurityIncident = {
  __typename?: 'SecurityIncident';
  affectedPatients?: Maybe<IncidentAffectedPatients>;
  alertIds: Array<Scalars['ID']['output']>;
  closedAt?: Maybe<Scalars['String']['output']>;
  contactPerson?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['String']['output'];
  /** detectedAt + 24 h (exact instant): the notice of the incident */
  deadline24h: Scalars['String']['output'];
  deadline24hMoscow: Scalars['String']['output'];
  /** detectedAt + 72 h (exact instant): the investigation results */
  deadline72h: Scalars['String']['output'];
  deadline72hMoscow: Scalars['String']['output'];
  description: Scalars['String']['output'];
  detectedAt: Scalars['String']['output'];
  /** Moscow time, e.g. 08.12.2026 13:05 МСК */
  detectedAtMoscow: Scalars['String']['output'];
  harm?: Maybe<Scalars['String']['output']>;
  history: Array<SecurityIncidentStep>;
  id: Scalars['ID']['output'];
  investigationResults?: Maybe<Scalars['String']['output']>;
  measures?: Maybe<Scalars['String']['output']>;
  /** The draft of a notice (default: the one due next) */
  notificationDraft: IncidentNotificationDraft;
  notified24hAt?: Maybe<Scalars['String']['output']>;
  /** Roskomnadzor's reference number of the 24-hour notice */
  notified24hRef?: Maybe<Scalars['String']['output']>;
  openedByAccountId: Scalars['ID']['output'];
  /** A deadline passed without its notice */
  overdue: Scalars['Boolean']['output'];
  overdue24hAt?: Maybe<Scalars['String']['output']>;
  overdue72hAt?: Maybe<Scalars['String']['output']>;
  ownerAccountId: Scalars['ID']['output'];
  presumedCauses?: Maybe<Scalars['String']['output']>;
  reported72hAt?: Maybe<Scalars['String']['output']>;
  reported72hRef?: Maybe<Scalars['String']['output']>;
  responsiblePersons?: Maybe<Scalars['String']['output']>;
  scope?: Maybe<IncidentScope>;
  status: SecurityIncidentStatus;
  title: Scalars['String']['output'];
};


/** A personal-data incident with its Roskomnadzor deadlines (152-FZ art. 21 part 3.1) */
export type SecurityIncidentNotificationDraftArgs = {
  kind?: InputMaybe<IncidentNoticeKind>;
};

export type SecurityIncidentPayload = {
  __typename?: 'SecurityIncidentPayload';
  incident?: Maybe<SecurityIncident>;
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
};

export type SecurityIncidentStatus =
  | 'CLOSED'
  /** The 24-hour notice was submitted; the 72-hour one (investigation results) is due */
  | 'NOTIFIED_24H'
  /** Detected; the 24-hour notice to Roskomnadzor is due */
  | 'OPEN'
  /** The investigation results were submitted */
  | 'REPORTED_72H';

/** One step of an incident's history (append-only) */
export type SecurityIncidentStep = {
  __typename?: 'SecurityIncidentStep';
  /** The officer's account; null for the overdue job */
  accountId?: Maybe<Scalars['ID']['output']>;
  /** OPENED, ALERT_LINKED, UPDATED, AFFECTED_RESOLVED, NOTIFIED_24H, REPORTED_72H, OVERDUE_24H, OVERDUE_72H, CLOSED */
  action: Scalars['String']['output'];
  at: Scalars['String']['output'];
  fromStatus?: Maybe<SecurityIncidentStatus>;
  note?: Maybe<Scalars['String']['output']>;
  toStatus: SecurityIncidentStatus;
};

export type Service = {
  __typename?: 'Service';
  durationMinutes: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  specialty: Scalars['String']['output'];
};

export type ServiceInput = {
  durationMinutes: Scalars['Int']['input'];
  name: Scalars['String']['input'];
  specialty: Scalars['String']['input'];
};

export type ServicePayload = {
  __typename?: 'ServicePayload';
  inputErrors: Array<InputError>;
  service?: Maybe<Service>;
};

export type SetPriceInput = {
  branchId: Scalars['ID']['input'];
  code: Scalars['String']['input'];
  kind: PriceKind;
  name: Scalars['String']['input'];
  priceKopecks: Scalars['Kopecks']['input'];
  refId?: InputMaybe<Scalars['String']['input']>;
  /** YYYY-MM-DD; a later price of the same code from another date is a new version */
  validFrom: Scalars['String']['input'];
  validTo?: InputMaybe<Scalars['String']['input']>;
  vat: VatRate;
};

export type SetVipPatientInput = {
  patientId: Scalars['ID']['input'];
  vip: Scalars['Boolean']['input'];
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

export type ShiftTotals = {
  __typename?: 'ShiftTotals';
  receiptCount: Scalars['Int']['output'];
  returnCashKopecks: Scalars['Kopecks']['output'];
  returnElectronicKopecks: Scalars['Kopecks']['output'];
  sellCashKopecks: Scalars['Kopecks']['output'];
  sellElectronicKopecks: Scalars['Kopecks']['output'];
};

export type SignInInput = {
  login: Scalars['String']['input'];
  password: Scalars['String']['input'];
  /** Six digits from the authenticator app, when TOTP is enabled */
  totpCode?: InputMaybe<Scalars['String']['input']>;
};

export type SignOutPayload = {
  __typename?: 'SignOutPayload';
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
};

export type SignUpPatientInput = {
  displayName: Scalars['String']['input'];
  /** E-mail or Russian mobile number; the code goes there */
  login: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type SignUpPayload = {
  __typename?: 'SignUpPayload';
  /** Where the message went (e-mail for e-mail logins, SMS for phone numbers) */
  channel?: Maybe<VerificationChannel>;
  /** ISO 8601: when the code stops working */
  expiresAt?: Maybe<Scalars['String']['output']>;
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
  /** Opaque id of this sign-up; send it back with the code */
  verificationId?: Maybe<Scalars['ID']['output']>;
};

export type SignVisitInput = {
  idempotencyKey: Scalars['String']['input'];
  /** Required when the draft is a correction */
  reason?: InputMaybe<Scalars['String']['input']>;
  visitId: Scalars['ID']['input'];
};

export type SigningKeyRotationPayload = {
  __typename?: 'SigningKeyRotationPayload';
  /** Key id (kid) of the key that signs new tokens from now on */
  activeKid?: Maybe<Scalars['String']['output']>;
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
  /** Every key id now in /.well-known/jwks.json, the active one first */
  publishedKids: Array<Scalars['String']['output']>;
  /** ISO 8601: when the retired key leaves /.well-known/jwks.json */
  retiredKeyPublishedUntil?: Maybe<Scalars['String']['output']>;
  /** The key it replaced; still published until tokens it signed have expired */
  retiredKid?: Maybe<Scalars['String']['output']>;
};

/** A bookable interval. Times are ISO 8601 with the branch's UTC offset. */
export type Slot = {
  __typename?: 'Slot';
  branch: Branch;
  branchId: Scalars['ID']['output'];
  endsAt: Scalars['String']['output'];
  roomId?: Maybe<Scalars['ID']['output']>;
  specialist: Specialist;
  specialistId: Scalars['ID']['output'];
  startsAt: Scalars['String']['output'];
};

export type Specialist = {
  __typename?: 'Specialist';
  /** The staff account of the doctor (opaque id) */
  accountId: Scalars['ID']['output'];
  branches: Array<Branch>;
  displayName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  services: Array<Service>;
  specialties: Array<Scalars['String']['output']>;
};

export type SpecialistFilter = {
  branchId?: InputMaybe<Scalars['ID']['input']>;
  /** Beginning of the doctor's surname or name */
  name?: InputMaybe<Scalars['String']['input']>;
  serviceId?: InputMaybe<Scalars['ID']['input']>;
  specialty?: InputMaybe<Scalars['String']['input']>;
};

export type SpecialistInput = {
  accountId: Scalars['ID']['input'];
  branchIds: Array<Scalars['ID']['input']>;
  displayName: Scalars['String']['input'];
  serviceIds: Array<Scalars['ID']['input']>;
  specialties: Array<Scalars['String']['input']>;
};

export type SpecialistPayload = {
  __typename?: 'SpecialistPayload';
  inputErrors: Array<InputError>;
  specialist?: Maybe<Specialist>;
};

export type SpecimenRejectionReason =
  | 'CLOTTED'
  | 'EXPIRED_IN_TRANSIT'
  | 'HEMOLYSED'
  | 'INSUFFICIENT_VOLUME'
  | 'OTHER'
  | 'UNLABELLED'
  | 'WRONG_CONTAINER';

export type StaffRole =
  | 'accountant'
  | 'analyst'
  | 'cashier'
  | 'doctor'
  | 'it_admin'
  | 'receptionist'
  | 'security_officer';

export type Subscription = {
  __typename?: 'Subscription';
  /** Reception: a branch's events (branchId required); a doctor: their own; a patient: their own */
  appointmentEvents: AppointmentEvent;
  /** Critical alerts raised for or escalated to the calling doctor, as they happen */
  labAlertRaised: LabAlert;
  /** Alerts as they are raised (security officers) */
  securityAlertRaised: SecurityAlert;
};


export type SubscriptionAppointmentEventsArgs = {
  branchId?: InputMaybe<Scalars['ID']['input']>;
};

export type TakeDeskPaymentInput = {
  amountKopecks: Scalars['Kopecks']['input'];
  /** Phone (+7…) or e-mail for the electronic receipt (tag 1008) */
  customerContact?: InputMaybe<Scalars['String']['input']>;
  idempotencyKey: Scalars['String']['input'];
  invoiceId: Scalars['ID']['input'];
  method: PaymentMethod;
};

/**
 * A certificate of payment for medical services for the social tax deduction (form КНД 1151156,
 * FNS order No. ЕА-7-11/824@): what the patient paid in a year, by service code. The taxpayer's and
 * patient's personal data are printed in the PDF and the XML only.
 */
export type TaxCertificate = {
  __typename?: 'TaxCertificate';
  createdAt?: Maybe<Scalars['String']['output']>;
  /** Name of the XML file for the tax authority */
  fileName?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Date of issue, YYYY-MM-DD */
  issuedAt?: Maybe<Scalars['String']['output']>;
  number?: Maybe<Scalars['String']['output']>;
  patientId: Scalars['ID']['output'];
  /** The PDF form (GET with the same bearer token; the same access as this object) */
  pdfUrl?: Maybe<Scalars['String']['output']>;
  /** By service code: 01 ordinary, 02 expensive treatment */
  sums?: Maybe<Array<TaxCertificateSum>>;
  /** Payments minus refunds in the year, kopecks */
  totalKopecks?: Maybe<Scalars['Kopecks']['output']>;
  /** The XML (its declaration says windows-1251; xmlUrl serves the encoded file) */
  xml?: Maybe<Scalars['String']['output']>;
  /** The XML file in windows-1251 */
  xmlUrl?: Maybe<Scalars['String']['output']>;
  year?: Maybe<Scalars['Int']['output']>;
};

export type TaxCertificatePayload = {
  __typename?: 'TaxCertificatePayload';
  certificate?: Maybe<TaxCertificate>;
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
};

export type TaxCertificateSum = {
  __typename?: 'TaxCertificateSum';
  /** 01 or 02 */
  code: Scalars['String']['output'];
  kopecks: Scalars['Kopecks']['output'];
};

export type TaxDocumentInput = {
  /** Document kind code of the FNS directory: 21 passport of a citizen of Russia, 03 birth certificate */
  code: Scalars['String']['input'];
  /** YYYY-MM-DD */
  issuedAt: Scalars['String']['input'];
  seriesNumber: Scalars['String']['input'];
};

export type TaxPatientInput = {
  birthDate: Scalars['String']['input'];
  document: TaxDocumentInput;
  fullName: Scalars['String']['input'];
  inn?: InputMaybe<Scalars['String']['input']>;
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
  birthDate: Scalars['String']['input'];
  document: TaxDocumentInput;
  fullName: Scalars['String']['input'];
  /** 12 digits; may be absent when the document is given */
  inn?: InputMaybe<Scalars['String']['input']>;
};

export type TimeRange = {
  __typename?: 'TimeRange';
  end: Scalars['String']['output'];
  /** HH:MM, local time of the branch */
  start: Scalars['String']['output'];
};

export type TimeRangeInput = {
  end: Scalars['String']['input'];
  start: Scalars['String']['input'];
};

export type TotpEnrollmentPayload = {
  __typename?: 'TotpEnrollmentPayload';
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
  /** otpauth:// URI to show as a QR code */
  otpauthUri?: Maybe<Scalars['String']['output']>;
  /** Base32 secret for manual entry */
  secret?: Maybe<Scalars['String']['output']>;
};

export type TriageSecurityAlertInput = {
  alertId: Scalars['ID']['input'];
  /** Required when explained: the work reason found */
  note?: InputMaybe<Scalars['String']['input']>;
  status: SecurityAlertStatus;
};

/** A lab order billing could not invoice by itself (no visit to find the branch, or a test without a price): the cashier bills it at the desk */
export type UnbilledLabOrder = {
  __typename?: 'UnbilledLabOrder';
  /** The branch of the visit it was ordered in; null when none was found */
  branchId?: Maybe<Scalars['ID']['output']>;
  /** Why it waits, in Russian */
  note?: Maybe<Scalars['String']['output']>;
  orderId: Scalars['ID']['output'];
  orderedAt?: Maybe<Scalars['String']['output']>;
  /** The ordering doctor's account */
  orderedBy?: Maybe<Scalars['ID']['output']>;
  patientId: Scalars['ID']['output'];
  /** The ordered tests (names and price references, no results) */
  tests?: Maybe<Array<UnbilledLabTest>>;
};

export type UnbilledLabTest = {
  __typename?: 'UnbilledLabTest';
  name: Scalars['String']['output'];
  /** The lab catalogue's reference to the price list (LAB_TEST items' refId) */
  priceReference?: Maybe<Scalars['String']['output']>;
  testId: Scalars['ID']['output'];
};

/** Given fields change (empty text clears) */
export type UpdateIncidentInput = {
  contactPerson?: InputMaybe<Scalars['String']['input']>;
  harm?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  investigationResults?: InputMaybe<Scalars['String']['input']>;
  measures?: InputMaybe<Scalars['String']['input']>;
  ownerAccountId?: InputMaybe<Scalars['ID']['input']>;
  presumedCauses?: InputMaybe<Scalars['String']['input']>;
  responsiblePersons?: InputMaybe<Scalars['String']['input']>;
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

export type VerifyAuditChainsInput = {
  /** Services to verify (default: every source) */
  services?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type VerifyAuditChainsPayload = {
  __typename?: 'VerifyAuditChainsPayload';
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
  results: Array<AuditChainVerification>;
};

export type VipPatientPayload = {
  __typename?: 'VipPatientPayload';
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
};

/** A visit (encounter) of a patient with a doctor */
export type Visit = {
  __typename?: 'Visit';
  addenda?: Maybe<Array<VisitAddendum>>;
  appointment?: Maybe<Appointment>;
  appointmentId?: Maybe<Scalars['ID']['output']>;
  /** Files attached to the visit (their bytes through requestDownload) */
  attachments?: Maybe<Array<Attachment>>;
  branchId?: Maybe<Scalars['ID']['output']>;
  /** The current version: the newest signed one (null before signing) */
  current?: Maybe<VisitVersion>;
  doctorAccountId?: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  patientId: Scalars['ID']['output'];
  startedAt?: Maybe<Scalars['String']['output']>;
  status?: Maybe<VisitStatus>;
  /** Every signed version, oldest first (corrections and entered-in-error included) */
  versions?: Maybe<Array<VisitVersion>>;
};

/** A signed note appended to a signed visit */
export type VisitAddendum = {
  __typename?: 'VisitAddendum';
  contentHash?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  patientId: Scalars['ID']['output'];
  signedAt?: Maybe<Scalars['String']['output']>;
  signedBy?: Maybe<Scalars['ID']['output']>;
  text?: Maybe<Scalars['String']['output']>;
};

export type VisitContentInput = {
  anamnesis?: InputMaybe<Scalars['String']['input']>;
  complaints?: InputMaybe<Scalars['String']['input']>;
  conclusion?: InputMaybe<Scalars['String']['input']>;
  diagnoses?: InputMaybe<Array<DiagnosisInput>>;
  examination?: InputMaybe<Scalars['String']['input']>;
  prescriptions?: InputMaybe<Array<PrescriptionInput>>;
  recommendations?: InputMaybe<Scalars['String']['input']>;
  referrals?: InputMaybe<Array<ReferralInput>>;
};

/** A working draft: visible and editable only by its author */
export type VisitDraft = {
  __typename?: 'VisitDraft';
  anamnesis?: Maybe<Scalars['String']['output']>;
  complaints?: Maybe<Scalars['String']['output']>;
  conclusion?: Maybe<Scalars['String']['output']>;
  diagnoses?: Maybe<Array<Diagnosis>>;
  examination?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind?: Maybe<DraftKind>;
  patientId: Scalars['ID']['output'];
  prescriptions?: Maybe<Array<Prescription>>;
  recommendations?: Maybe<Scalars['String']['output']>;
  referrals?: Maybe<Array<Referral>>;
  replacesVersionId?: Maybe<Scalars['ID']['output']>;
  /** Increases with every save (autosave from an older window is refused) */
  revision?: Maybe<Scalars['Int']['output']>;
  updatedAt?: Maybe<Scalars['String']['output']>;
  visitId?: Maybe<Scalars['ID']['output']>;
};

export type VisitDraftPayload = {
  __typename?: 'VisitDraftPayload';
  draft?: Maybe<VisitDraft>;
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
};

export type VisitPayload = {
  __typename?: 'VisitPayload';
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
  visit?: Maybe<Visit>;
};

export type VisitRefInput = {
  visitId: Scalars['ID']['input'];
};

export type VisitStatus =
  /** Being written: no signed version yet */
  | 'OPEN'
  | 'SIGNED';

/** A signed version of a visit note: frozen by the database */
export type VisitVersion = {
  __typename?: 'VisitVersion';
  anamnesis?: Maybe<Scalars['String']['output']>;
  complaints?: Maybe<Scalars['String']['output']>;
  conclusion?: Maybe<Scalars['String']['output']>;
  /** SHA-256 of the canonical signed content */
  contentHash?: Maybe<Scalars['String']['output']>;
  diagnoses?: Maybe<Array<Diagnosis>>;
  examination?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  number?: Maybe<Scalars['Int']['output']>;
  patientId: Scalars['ID']['output'];
  prescriptions?: Maybe<Array<Prescription>>;
  /** Why this version replaced the one before (corrections, entered-in-error) */
  reason?: Maybe<Scalars['String']['output']>;
  recommendations?: Maybe<Scalars['String']['output']>;
  referrals?: Maybe<Array<Referral>>;
  replacesVersionId?: Maybe<Scalars['ID']['output']>;
  signatureMethod?: Maybe<Scalars['String']['output']>;
  signedAt?: Maybe<Scalars['String']['output']>;
  signedBy?: Maybe<Scalars['ID']['output']>;
  status?: Maybe<VisitVersionStatus>;
  visitId?: Maybe<Scalars['ID']['output']>;
};

export type VisitVersionPayload = {
  __typename?: 'VisitVersionPayload';
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
  version?: Maybe<VisitVersion>;
};

export type VisitVersionStatus =
  /** A correction that replaces the version before it */
  | 'AMENDED'
  /** Kept, hidden from the patient */
  | 'ENTERED_IN_ERROR'
  | 'FINAL';

export type WeeklyTemplate = {
  __typename?: 'WeeklyTemplate';
  branchId: Scalars['ID']['output'];
  breaks: Array<TimeRange>;
  endTime: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  roomId?: Maybe<Scalars['ID']['output']>;
  slotMinutes: Scalars['Int']['output'];
  specialistId: Scalars['ID']['output'];
  /** HH:MM local time */
  startTime: Scalars['String']['output'];
  /** YYYY-MM-DD, inclusive; null = open */
  validFrom?: Maybe<Scalars['String']['output']>;
  validUntil?: Maybe<Scalars['String']['output']>;
  /** ISO weekday: 1 = Monday … 7 = Sunday */
  weekday: Scalars['Int']['output'];
};

export type WeeklyTemplateInput = {
  branchId: Scalars['ID']['input'];
  breaks?: InputMaybe<Array<TimeRangeInput>>;
  endTime: Scalars['String']['input'];
  roomId?: InputMaybe<Scalars['ID']['input']>;
  slotMinutes: Scalars['Int']['input'];
  specialistId: Scalars['ID']['input'];
  startTime: Scalars['String']['input'];
  validFrom?: InputMaybe<Scalars['String']['input']>;
  validUntil?: InputMaybe<Scalars['String']['input']>;
  weekday: Scalars['Int']['input'];
};

export type WeeklyTemplatePayload = {
  __typename?: 'WeeklyTemplatePayload';
  inputErrors: Array<InputError>;
  template?: Maybe<WeeklyTemplate>;
};

export type Join__Graph =
  | 'BILLING'
  | 'IDENTITY'
  | 'LAB'
  | 'PATIENT'
  | 'RECORD'
  | 'SCHEDULE'
  | 'SECURITY';

export type Link__Purpose =
  /** `EXECUTION` features provide metadata necessary for operation execution. */
  | 'EXECUTION'
  /** `SECURITY` features provide metadata necessary to securely resolve fields. */
  | 'SECURITY';
