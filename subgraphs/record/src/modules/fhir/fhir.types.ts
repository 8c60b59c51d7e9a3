/** What the record subgraph hands to the FHIR export: one patient's signed record, already authorised. */
export type RecordExportInput = {
  generatedAt: Date;
  patient: ExportPatient;
  visits: ExportVisit[];
};

export type ExportPatient = {
  id: string;
  fullName?: { family: string; given: string; patronymic?: string };
  /** `YYYY-MM-DD`. */
  birthDate?: string;
  sex?: 'male' | 'female';
};

export type ExportVisit = {
  id: string;
  appointmentId?: string;
  doctorAccountId: string;
  doctorName?: string;
  branchId?: string;
  branchName?: string;
  startedAt: Date;
  endedAt?: Date;
  /** Signed versions only (drafts are never exported), in any order. */
  versions: ExportVersion[];
  addenda: ExportAddendum[];
  attachments: ExportAttachment[];
};

export type ExportVersionStatus = 'FINAL' | 'AMENDED' | 'ENTERED_IN_ERROR';

export type ExportVersion = {
  id: string;
  number: number;
  status: ExportVersionStatus;
  signedAt: Date;
  signedBy: string;
  signedByName?: string;
  contentHash: string;
  reason?: string;
  replacesVersionId?: string;
  content: ExportContent;
};

export type ExportDiagnosis = {
  code: string;
  title: string;
  kind: 'PRIMARY' | 'SECONDARY' | 'COMPLICATION';
  certainty: 'PROVISIONAL' | 'CONFIRMED';
};

export type ExportPrescription = {
  drug: string;
  form?: string;
  dose?: string;
  route?: string;
  frequency?: string;
  duration?: string;
  instructions?: string;
};

export type ExportReferral = { kind: 'SPECIALIST' | 'LAB'; target: string; note?: string };

export type ExportContent = {
  complaints?: string;
  anamnesis?: string;
  examination?: string;
  diagnoses: ExportDiagnosis[];
  conclusion?: string;
  recommendations?: string;
  prescriptions: ExportPrescription[];
  referrals: ExportReferral[];
};

export type ExportAddendum = { id: string; text: string; signedAt: Date; signedBy: string };

export type ExportAttachment = {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  /** Lower-case hex SHA-256 of the stored bytes. */
  sha256: string;
  createdAt: Date;
};
