export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  join__DirectiveArguments: { input: unknown; output: unknown; }
  join__FieldSet: { input: unknown; output: unknown; }
  link__Import: { input: unknown; output: unknown; }
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

export type AuditChainStatus = {
  __typename?: 'AuditChainStatus';
  brokenAt?: Maybe<Scalars['Int']['output']>;
  checked: Scalars['Int']['output'];
  ok: Scalars['Boolean']['output'];
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

export type InputError = {
  __typename?: 'InputError';
  code: Scalars['String']['output'];
  field: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  confirmTotpEnrollment: AccountPayload;
  createPartnerClient: PartnerClientPayload;
  createStaffAccount: AccountPayload;
  /** Ends every session of a staff member and blocks sign-in */
  dismissStaff: AccountPayload;
  giveConsent: ConsentPayload;
  /** Merges a duplicate into the kept record (reception) */
  mergePatients: PatientPayload;
  refreshSession: AuthPayload;
  /** Registration by reception. A retry with the same idempotencyKey returns the same patient. */
  registerPatient: PatientPayload;
  /** Self-registration: creates the record linked to the signed-in patient account */
  registerSelf: PatientPayload;
  signIn: AuthPayload;
  /** Ends the caller's session; its tokens are refused from now on */
  signOut: SignOutPayload;
  signUpPatient: AuthPayload;
  startTotpEnrollment: TotpEnrollmentPayload;
  updatePatient: PatientPayload;
  withdrawConsent: ConsentPayload;
};


export type MutationConfirmTotpEnrollmentArgs = {
  code: Scalars['String']['input'];
};


export type MutationCreatePartnerClientArgs = {
  input: CreatePartnerClientInput;
};


export type MutationCreateStaffAccountArgs = {
  input: CreateStaffAccountInput;
};


export type MutationDismissStaffArgs = {
  accountId: Scalars['ID']['input'];
};


export type MutationGiveConsentArgs = {
  channel: ConsentChannel;
  patientId: Scalars['ID']['input'];
  purpose: ConsentPurpose;
  textVersion: Scalars['Int']['input'];
};


export type MutationMergePatientsArgs = {
  keepId: Scalars['ID']['input'];
  mergeId: Scalars['ID']['input'];
};


export type MutationRefreshSessionArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRegisterPatientArgs = {
  confirmNotDuplicate?: InputMaybe<Scalars['Boolean']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: PatientInput;
};


export type MutationRegisterSelfArgs = {
  input: PatientInput;
};


export type MutationSignInArgs = {
  input: SignInInput;
};


export type MutationSignUpPatientArgs = {
  input: SignUpPatientInput;
};


export type MutationUpdatePatientArgs = {
  id: Scalars['ID']['input'];
  input: PatientUpdateInput;
};


export type MutationWithdrawConsentArgs = {
  channel: ConsentChannel;
  patientId: Scalars['ID']['input'];
  purpose: ConsentPurpose;
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

export type Query = {
  __typename?: 'Query';
  auditEvents: Array<AuditEvent>;
  consentStatus?: Maybe<ConsentStatus>;
  /** Current and past versions of consent texts */
  consentTexts: Array<ConsentText>;
  /** The signed-in account */
  me?: Maybe<Account>;
  /** Who viewed my record */
  myAccessLog: Array<AccessLogEntry>;
  /** The signed-in patient's own record */
  myPatient?: Maybe<Patient>;
  patient?: Maybe<Patient>;
  patientDuplicates: Array<Patient>;
  searchPatients: PatientConnection;
  staffAccounts: Array<Account>;
  verifyAuditChain: AuditChainStatus;
};


export type QueryAuditEventsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  patientId: Scalars['ID']['input'];
};


export type QueryConsentStatusArgs = {
  patientId: Scalars['ID']['input'];
  purpose: ConsentPurpose;
};


export type QueryConsentTextsArgs = {
  purpose?: InputMaybe<ConsentPurpose>;
};


export type QueryMyAccessLogArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPatientArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPatientDuplicatesArgs = {
  birthDate: Scalars['String']['input'];
  phone: Scalars['String']['input'];
};


export type QuerySearchPatientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query: PatientSearchInput;
};

export type Sex =
  | 'FEMALE'
  | 'MALE';

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
  /** E-mail or Russian mobile number */
  login: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type StaffRole =
  | 'accountant'
  | 'analyst'
  | 'cashier'
  | 'doctor'
  | 'it_admin'
  | 'receptionist'
  | 'security_officer';

export type TotpEnrollmentPayload = {
  __typename?: 'TotpEnrollmentPayload';
  inputErrors: Array<InputError>;
  ok: Scalars['Boolean']['output'];
  /** otpauth:// URI to show as a QR code */
  otpauthUri?: Maybe<Scalars['String']['output']>;
  /** Base32 secret for manual entry */
  secret?: Maybe<Scalars['String']['output']>;
};

export type Join__Graph =
  | 'IDENTITY'
  | 'PATIENT';

export type Link__Purpose =
  /** `EXECUTION` features provide metadata necessary for operation execution. */
  | 'EXECUTION'
  /** `SECURITY` features provide metadata necessary to securely resolve fields. */
  | 'SECURITY';
