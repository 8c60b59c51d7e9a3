import type { VisitContent } from '../visit/visit.content';

const text = (v: string | null) => (v === null || v.trim() === '' ? undefined : v);

/**
 * A signed version's content as the printed summary and the FHIR export take it: absent values
 * are left out rather than null.
 */
export function documentContent(c: VisitContent) {
  return {
    complaints: text(c.complaints),
    anamnesis: text(c.anamnesis),
    examination: text(c.examination),
    diagnoses: c.diagnoses.map((d) => ({ ...d })),
    conclusion: text(c.conclusion),
    recommendations: text(c.recommendations),
    prescriptions: c.prescriptions.map((p) => ({
      drug: p.drug,
      form: text(p.form),
      dose: text(p.dose),
      route: text(p.route),
      frequency: text(p.frequency),
      duration: text(p.duration),
      instructions: text(p.instructions),
    })),
    referrals: c.referrals.map((r) => ({ kind: r.kind, target: r.target, note: text(r.note) })),
  };
}
