const ONLY_THROUGH = (field: string) =>
  `A value inside ${field} (HEALTH): reachable only through that guarded field`;

/**
 * The medical record: visits, their signed versions, drafts and addenda. All clinical content is
 * HEALTH. Reception sees that a visit exists (`appointmentSummary`); drafts carry the tag `draft`
 * (their author only). Value types (Diagnosis, Prescription, Referral) are PUBLIC in themselves
 * and reachable only through the HEALTH fields that hold them.
 */
export const visitSdl = /* GraphQL */ `
  type Appointment @key(fields: "id", resolvable: false) {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID; the schedule subgraph authorises the appointment")
  }

  enum VisitStatus {
    "Being written: no signed version yet"
    OPEN
    SIGNED
  }
  enum VisitVersionStatus {
    FINAL
    "A correction that replaces the version before it"
    AMENDED
    "Kept, hidden from the patient"
    ENTERED_IN_ERROR
  }
  enum DiagnosisKind {
    PRIMARY
    SECONDARY
    COMPLICATION
  }
  enum DiagnosisCertainty {
    PROVISIONAL
    CONFIRMED
  }
  enum ReferralKind {
    SPECIALIST
    LAB
  }
  enum DraftKind {
    ORIGINAL
    CORRECTION
  }

  type Diagnosis @classified(category: "PUBLIC", justification: "${ONLY_THROUGH('VisitVersion.diagnoses and VisitDraft.diagnoses')}") {
    "ICD-10 code"
    code: String!
    "ICD-10 title at signing"
    title: String!
    kind: DiagnosisKind!
    certainty: DiagnosisCertainty!
  }
  type Prescription @classified(category: "PUBLIC", justification: "${ONLY_THROUGH('VisitVersion.prescriptions and VisitDraft.prescriptions')}") {
    drug: String!
    form: String
    dose: String
    route: String
    frequency: String
    duration: String
    instructions: String
  }
  type Referral @classified(category: "PUBLIC", justification: "${ONLY_THROUGH('VisitVersion.referrals and VisitDraft.referrals')}") {
    kind: ReferralKind!
    target: String!
    note: String
  }

  "A visit (encounter) of a patient with a doctor"
  type Visit @key(fields: "id") @classified(category: "HEALTH", tags: ["appointmentSummary"]) {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID; object access is decided per patient")
    patientId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the patient; object access is decided per patient")
    appointmentId: ID
    appointment: Appointment
    doctorAccountId: ID
    branchId: ID
    startedAt: String
    status: VisitStatus
    "The current version: the newest signed one (null before signing)"
    current: VisitVersion @classified(category: "HEALTH")
    "Every signed version, oldest first (corrections and entered-in-error included)"
    versions: [VisitVersion!] @classified(category: "HEALTH")
    addenda: [VisitAddendum!] @classified(category: "HEALTH")
    "Files attached to the visit (their bytes through requestDownload)"
    attachments: [Attachment!] @classified(category: "HEALTH")
  }

  "A signed version of a visit note: frozen by the database"
  type VisitVersion @key(fields: "id") @classified(category: "HEALTH") {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID; object access is decided per patient")
    patientId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the patient; object access is decided per patient")
    visitId: ID
    number: Int
    status: VisitVersionStatus
    replacesVersionId: ID
    "Why this version replaced the one before (corrections, entered-in-error)"
    reason: String
    signedBy: ID
    signedAt: String
    "SHA-256 of the canonical signed content"
    contentHash: String
    signatureMethod: String
    complaints: String
    anamnesis: String
    examination: String
    diagnoses: [Diagnosis!]
    conclusion: String
    recommendations: String
    prescriptions: [Prescription!]
    referrals: [Referral!]
  }

  "A working draft: visible and editable only by its author"
  type VisitDraft @key(fields: "id") @classified(category: "HEALTH", tags: ["draft"]) {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID; object access is decided per draft and patient")
    patientId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the patient; object access is decided per patient")
    visitId: ID
    kind: DraftKind
    replacesVersionId: ID
    "Increases with every save (autosave from an older window is refused)"
    revision: Int
    updatedAt: String
    complaints: String
    anamnesis: String
    examination: String
    diagnoses: [Diagnosis!]
    conclusion: String
    recommendations: String
    prescriptions: [Prescription!]
    referrals: [Referral!]
  }

  "A signed note appended to a signed visit"
  type VisitAddendum @key(fields: "id") @classified(category: "HEALTH") {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID; object access is decided per patient")
    patientId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the patient; object access is decided per patient")
    text: String
    signedBy: ID
    signedAt: String
    contentHash: String
  }

  input DiagnosisInput {
    code: String!
    kind: DiagnosisKind!
    certainty: DiagnosisCertainty!
  }
  input PrescriptionInput {
    drug: String!
    form: String
    dose: String
    route: String
    frequency: String
    duration: String
    instructions: String
  }
  input ReferralInput {
    kind: ReferralKind!
    target: String!
    note: String
  }
  input VisitContentInput {
    complaints: String
    anamnesis: String
    examination: String
    diagnoses: [DiagnosisInput!]
    conclusion: String
    recommendations: String
    prescriptions: [PrescriptionInput!]
    referrals: [ReferralInput!]
  }

  input OpenVisitInput {
    patientId: ID!
    "The appointment the visit belongs to (one visit per appointment)"
    appointmentId: ID
    branchId: ID
  }
  input SaveVisitDraftInput {
    visitId: ID!
    content: VisitContentInput!
    "The revision this save is based on (0 for a new draft); null overwrites"
    expectedRevision: Int
  }
  input SignVisitInput {
    visitId: ID!
    "Required when the draft is a correction"
    reason: String
    idempotencyKey: String!
  }
  input VisitRefInput {
    visitId: ID!
  }
  input AddVisitAddendumInput {
    visitId: ID!
    text: String!
    idempotencyKey: String!
  }
  input MarkVisitEnteredInErrorInput {
    visitId: ID!
    reason: String!
    idempotencyKey: String!
  }

  type VisitPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    visit: Visit
  }
  type VisitDraftPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    draft: VisitDraft
  }
  type VisitVersionPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    version: VisitVersion
  }

  enum RecordAccessLevel {
    "The clinical content"
    FULL
    "Only that visits exist (reception)"
    SUMMARY
    NONE
  }
  "What the caller may see of a patient's record (about the caller's own rights)"
  type RecordAccess @classified(category: "PUBLIC", justification: "The caller's own access level to an id the caller supplied; no clinical data") {
    patientId: ID!
    level: RecordAccessLevel!
    "A doctor without a care relationship may open the record by break-glass, stating a reason"
    breakGlassAvailable: Boolean!
    "Until when the caller's break-glass access to this record lasts"
    breakGlassUntil: String
  }

  extend type Query {
    "What the caller may see of a patient's record"
    recordAccess(patientId: ID!): RecordAccess!
    "A patient's visits, newest first (a patient: own signed visits only)"
    visits(patientId: ID!): [Visit!]!
    visit(id: ID!): Visit
    "The visit of an appointment, when one was opened"
    visitForAppointment(appointmentId: ID!): Visit
    "The signed record of the calling patient"
    myRecord: [Visit!]!
    "The calling doctor's own draft of a visit (autosaved); null when none"
    myVisitDraft(visitId: ID!): VisitDraft
  }

  extend type Mutation {
    openVisit(input: OpenVisitInput!): VisitPayload!
    "Autosave of the caller's draft"
    saveVisitDraft(input: SaveVisitDraftInput!): VisitDraftPayload!
    "Signs the caller's own draft (a correction needs a reason)"
    signVisit(input: SignVisitInput!): VisitVersionPayload!
    "Starts a correction of a signed visit: a draft prefilled from the current version"
    startVisitCorrection(input: VisitRefInput!): VisitDraftPayload!
    discardVisitDraft(input: VisitRefInput!): VisitPayload!
    addVisitAddendum(input: AddVisitAddendumInput!): VisitPayload!
    markVisitEnteredInError(input: MarkVisitEnteredInErrorInput!): VisitVersionPayload!
  }
`;
