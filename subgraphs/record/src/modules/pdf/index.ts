export { renderVisitSummaryPdf } from './visit-summary.render';
export type {
  DiagnosisCertainty,
  DiagnosisKind,
  VisitSummaryAddendum,
  VisitSummaryDiagnosis,
  VisitSummaryInput,
  VisitSummaryPrescription,
  VisitSummaryReferral,
} from './visit-summary.types';
