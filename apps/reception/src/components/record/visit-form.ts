import type {
  DiagnosisCertainty,
  DiagnosisKind,
  ReferralKind,
  VisitContentInput,
  VisitDraftFieldsFragment,
} from '@/gql/graphql';

/** The visit editor's state: texts as typed, rows with stable keys for React. */

export type DiagnosisRow = {
  code: string;
  title: string;
  kind: DiagnosisKind;
  certainty: DiagnosisCertainty;
};
export type PrescriptionRow = {
  key: string;
  drug: string;
  form: string;
  dose: string;
  route: string;
  frequency: string;
  duration: string;
  instructions: string;
};
export type ReferralRow = { key: string; kind: ReferralKind; target: string; note: string };

export const TEXT_FIELDS = [
  ['complaints', 'Жалобы'],
  ['anamnesis', 'Анамнез заболевания'],
  ['examination', 'Объективный осмотр'],
] as const;
export const CLOSING_FIELDS = [
  ['conclusion', 'Заключение'],
  ['recommendations', 'Рекомендации'],
] as const;
type TextField = (typeof TEXT_FIELDS)[number][0] | (typeof CLOSING_FIELDS)[number][0];

export type VisitForm = Record<TextField, string> & {
  diagnoses: DiagnosisRow[];
  prescriptions: PrescriptionRow[];
  referrals: ReferralRow[];
};

let counter = 0;
/** A key for a new row (rows are re-keyed on load; keys never reach the server). */
export const rowKey = () => `row-${++counter}`;

export const emptyPrescription = (): PrescriptionRow => ({
  key: rowKey(),
  drug: '',
  form: '',
  dose: '',
  route: '',
  frequency: '',
  duration: '',
  instructions: '',
});

export const emptyReferral = (): ReferralRow => ({ key: rowKey(), kind: 'SPECIALIST', target: '', note: '' });

/** The editor's state from the caller's draft (or an empty note when there is none yet). */
export function formFromDraft(d: VisitDraftFieldsFragment | null | undefined): VisitForm {
  return {
    complaints: d?.complaints ?? '',
    anamnesis: d?.anamnesis ?? '',
    examination: d?.examination ?? '',
    conclusion: d?.conclusion ?? '',
    recommendations: d?.recommendations ?? '',
    diagnoses: (d?.diagnoses ?? []).map((x) => ({ ...x })),
    prescriptions: (d?.prescriptions ?? []).map((p) => ({
      key: rowKey(),
      drug: p.drug,
      form: p.form ?? '',
      dose: p.dose ?? '',
      route: p.route ?? '',
      frequency: p.frequency ?? '',
      duration: p.duration ?? '',
      instructions: p.instructions ?? '',
    })),
    referrals: (d?.referrals ?? []).map((r) => ({
      key: rowKey(),
      kind: r.kind,
      target: r.target,
      note: r.note ?? '',
    })),
  };
}

const orNull = (s: string) => (s.trim() ? s : null);

/**
 * What is saved: texts (empty as null), diagnoses by code, and only the rows that have their
 * required part (a prescription's drug, a referral's target) — a row being typed stays on screen.
 */
export function contentInput(f: VisitForm): VisitContentInput {
  return {
    complaints: orNull(f.complaints),
    anamnesis: orNull(f.anamnesis),
    examination: orNull(f.examination),
    conclusion: orNull(f.conclusion),
    recommendations: orNull(f.recommendations),
    diagnoses: f.diagnoses.map(({ code, kind, certainty }) => ({ code, kind, certainty })),
    prescriptions: f.prescriptions
      .filter((p) => p.drug.trim())
      .map(({ key: _key, ...p }) => ({
        drug: p.drug,
        form: orNull(p.form),
        dose: orNull(p.dose),
        route: orNull(p.route),
        frequency: orNull(p.frequency),
        duration: orNull(p.duration),
        instructions: orNull(p.instructions),
      })),
    referrals: f.referrals
      .filter((r) => r.target.trim())
      .map((r) => ({ kind: r.kind, target: r.target, note: orNull(r.note) })),
  };
}
