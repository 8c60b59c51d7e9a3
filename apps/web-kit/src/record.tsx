import type { ReactNode } from 'react';

/** Russian labels and the read-only view of a visit note, shared by the staff app and the portal. */

export const DIAGNOSIS_KIND_LABELS: Record<string, string> = {
  PRIMARY: 'основной',
  SECONDARY: 'сопутствующий',
  COMPLICATION: 'осложнение',
};

export const CERTAINTY_LABELS: Record<string, string> = {
  PROVISIONAL: 'предварительный',
  CONFIRMED: 'подтверждённый',
};

export const REFERRAL_KIND_LABELS: Record<string, string> = {
  SPECIALIST: 'к специалисту',
  LAB: 'на анализы',
};

export const VERSION_STATUS_LABELS: Record<string, string> = {
  FINAL: 'подписан',
  AMENDED: 'исправлен',
  ENTERED_IN_ERROR: 'внесён ошибочно',
};

/** Column labels of a prescription row (the editor's field labels too). */
export const PRESCRIPTION_FIELDS = [
  ['drug', 'Препарат'],
  ['form', 'Форма'],
  ['dose', 'Доза'],
  ['route', 'Путь введения'],
  ['frequency', 'Кратность'],
  ['duration', 'Длительность'],
  ['instructions', 'Указания'],
] as const;

export type DiagnosisView = { code: string; title: string; kind: string; certainty: string };
export type PrescriptionView = { drug: string } & Partial<
  Record<(typeof PRESCRIPTION_FIELDS)[number][0], string | null>
>;
export type ReferralView = { kind: string; target: string; note?: string | null };

/** What a signed version (or a draft) holds; absent fields are simply not shown. */
export type VisitContentView = {
  complaints?: string | null;
  anamnesis?: string | null;
  examination?: string | null;
  diagnoses?: readonly DiagnosisView[] | null;
  conclusion?: string | null;
  recommendations?: string | null;
  prescriptions?: readonly PrescriptionView[] | null;
  referrals?: readonly ReferralView[] | null;
};

/** "J06.9 — Острая инфекция верхних дыхательных путей (основной, подтверждённый)". */
export const diagnosisLine = (d: DiagnosisView): string =>
  `${d.code} — ${d.title} (${DIAGNOSIS_KIND_LABELS[d.kind] ?? d.kind}, ${CERTAINTY_LABELS[d.certainty] ?? d.certainty})`;

/** "Парацетамол, таблетки — 500 мг, внутрь, 3 раза в день, 5 дней. После еды". */
export function prescriptionLine(p: PrescriptionView): string {
  const how = [p.dose, p.route, p.frequency, p.duration].filter(Boolean).join(', ');
  const head = [p.drug, p.form].filter(Boolean).join(', ');
  return `${head}${how ? ` — ${how}` : ''}${p.instructions ? `. ${p.instructions}` : ''}`;
}

type Level = 3 | 4;

function Part({
  title,
  field,
  level,
  children,
}: {
  title: string;
  field: string;
  level: Level;
  children: ReactNode;
}) {
  const H = level === 3 ? 'h3' : 'h4';
  return (
    <div className="record-part" data-field={field}>
      <H>{title}</H>
      {children}
    </div>
  );
}

/**
 * A visit note, read-only: the texts, diagnoses, prescriptions and referrals present in `content`
 * (the portal asks only for what a patient reads; the doctor's card asks for everything).
 */
export function VisitContent({ content, level = 4 }: { content: VisitContentView; level?: Level }) {
  const text = (title: string, field: string, value: string | null | undefined) =>
    value ? (
      <Part title={title} field={field} level={level}>
        <p className="pre">{value}</p>
      </Part>
    ) : null;
  const prescriptions = content.prescriptions ?? [];
  return (
    <div className="record-content">
      {text('Жалобы', 'complaints', content.complaints)}
      {text('Анамнез заболевания', 'anamnesis', content.anamnesis)}
      {text('Объективный осмотр', 'examination', content.examination)}
      {content.diagnoses?.length ? (
        <Part title="Диагнозы (МКБ-10)" field="diagnoses" level={level}>
          <ul>
            {content.diagnoses.map((d) => (
              <li key={d.code} data-code={d.code}>
                {diagnosisLine(d)}
              </li>
            ))}
          </ul>
        </Part>
      ) : null}
      {text('Заключение', 'conclusion', content.conclusion)}
      {text('Рекомендации', 'recommendations', content.recommendations)}
      {prescriptions.length ? (
        <Part title="Назначения" field="prescriptions" level={level}>
          <ul>
            {prescriptions.map((p, i) => (
              <li key={i}>{prescriptionLine(p)}</li>
            ))}
          </ul>
        </Part>
      ) : null}
      {content.referrals?.length ? (
        <Part title="Направления" field="referrals" level={level}>
          <ul>
            {content.referrals.map((r, i) => (
              <li key={i}>
                {REFERRAL_KIND_LABELS[r.kind] ?? r.kind}: {r.target}
                {r.note ? ` — ${r.note}` : ''}
              </li>
            ))}
          </ul>
        </Part>
      ) : null}
    </div>
  );
}
