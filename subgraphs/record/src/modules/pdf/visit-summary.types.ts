/** Rank of a diagnosis within the visit (FHIR Condition role / OpenMRS rank). */
export type DiagnosisKind = 'PRIMARY' | 'SECONDARY' | 'COMPLICATION';
/** Verification status of a diagnosis. */
export type DiagnosisCertainty = 'PROVISIONAL' | 'CONFIRMED';

export type VisitSummaryDiagnosis = {
  /** ICD-10 (МКБ-10) code, e.g. `J06.9`. */
  code: string;
  title: string;
  kind: DiagnosisKind;
  certainty: DiagnosisCertainty;
};

export type VisitSummaryPrescription = {
  drug: string;
  form?: string;
  dose?: string;
  route?: string;
  frequency?: string;
  duration?: string;
  instructions?: string;
};

export type VisitSummaryReferral = { kind: 'SPECIALIST' | 'LAB'; target: string; note?: string };

export type VisitSummaryAddendum = { text: string; signedAt: Date; signedByName: string };

/**
 * Everything the printable visit summary shows, already decrypted and authorised by the caller.
 * The renderer does no look-ups of its own.
 */
export type VisitSummaryInput = {
  clinic: { name: string; address?: string; licence?: string; phone?: string };
  /** `birthDate` is a calendar date `YYYY-MM-DD`. */
  patient: { fullName: string; birthDate?: string };
  doctor: { fullName: string; specialty?: string };
  /** `timeZone` is the IANA zone of the branch (e.g. `Europe/Moscow`); every time is printed in it. */
  visit: { startedAt: Date; branchName?: string; timeZone: string };
  version: {
    number: number;
    status: 'FINAL' | 'AMENDED';
    signedAt: Date;
    signedByName: string;
    /** Hex SHA-256 of the signed content. */
    contentHash: string;
    correctionReason?: string;
  };
  content: {
    complaints?: string;
    anamnesis?: string;
    examination?: string;
    diagnoses: VisitSummaryDiagnosis[];
    conclusion?: string;
    recommendations?: string;
    prescriptions: VisitSummaryPrescription[];
    referrals: VisitSummaryReferral[];
  };
  addenda?: VisitSummaryAddendum[];
};
