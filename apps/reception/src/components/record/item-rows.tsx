'use client';

import {
  CERTAINTY_LABELS,
  DIAGNOSIS_KIND_LABELS,
  PRESCRIPTION_FIELDS,
  REFERRAL_KIND_LABELS,
} from '@medikamente/web-kit/record';
import type { DiagnosisCertainty, DiagnosisKind, ReferralKind } from '@/gql/graphql';
import { Icd10Picker } from './icd10-picker';
import {
  type DiagnosisRow,
  emptyPrescription,
  emptyReferral,
  type PrescriptionRow,
  type ReferralRow,
} from './visit-form';

function Select<T extends string>({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: T;
  options: Record<string, string>;
  onChange: (v: T) => void;
}) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {Object.entries(options).map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Diagnoses: picked from ICD-10, each with its kind (one primary) and certainty. */
export function DiagnosesEditor({
  rows,
  onChange,
}: {
  rows: DiagnosisRow[];
  onChange: (rows: DiagnosisRow[]) => void;
}) {
  const update = (code: string, patch: Partial<DiagnosisRow>) =>
    onChange(rows.map((r) => (r.code === code ? { ...r, ...patch } : r)));
  return (
    <fieldset data-section="diagnoses">
      <legend>Диагнозы</legend>
      {rows.map((d) => (
        <div key={d.code} className="item-row diagnosis-row" data-diagnosis={d.code}>
          <div>
            <strong>{d.code}</strong> {d.title}
          </div>
          <Select<DiagnosisKind>
            id={`dx-${d.code}-kind`}
            label="Вид"
            value={d.kind}
            options={DIAGNOSIS_KIND_LABELS}
            onChange={(kind) => update(d.code, { kind })}
          />
          <Select<DiagnosisCertainty>
            id={`dx-${d.code}-certainty`}
            label="Статус"
            value={d.certainty}
            options={CERTAINTY_LABELS}
            onChange={(certainty) => update(d.code, { certainty })}
          />
          <button
            type="button"
            className="danger small"
            aria-label={`Удалить диагноз ${d.code}`}
            onClick={() => onChange(rows.filter((r) => r.code !== d.code))}
          >
            Удалить
          </button>
        </div>
      ))}
      <Icd10Picker
        exclude={rows.map((r) => r.code)}
        onPick={(c) =>
          onChange([
            ...rows,
            {
              ...c,
              kind: rows.some((r) => r.kind === 'PRIMARY') ? 'SECONDARY' : 'PRIMARY',
              certainty: 'CONFIRMED',
            },
          ])
        }
      />
    </fieldset>
  );
}

/** Prescription rows: drug (required to be saved), form, dose, route, frequency, duration, instructions. */
export function PrescriptionsEditor({
  rows,
  onChange,
}: {
  rows: PrescriptionRow[];
  onChange: (rows: PrescriptionRow[]) => void;
}) {
  return (
    <fieldset data-section="prescriptions">
      <legend>Назначения</legend>
      {rows.map((p, n) => (
        <div key={p.key} className="item-row" data-prescription={n + 1}>
          {PRESCRIPTION_FIELDS.map(([field, label]) => (
            <div key={field} className={field === 'instructions' ? 'wide' : undefined}>
              <label htmlFor={`${p.key}-${field}`}>{label}</label>
              <input
                id={`${p.key}-${field}`}
                type="text"
                value={p[field]}
                maxLength={field === 'instructions' ? 2000 : 200}
                onChange={(e) =>
                  onChange(rows.map((r) => (r.key === p.key ? { ...r, [field]: e.target.value } : r)))
                }
              />
            </div>
          ))}
          <button
            type="button"
            className="danger small"
            aria-label={`Удалить назначение ${n + 1}`}
            onClick={() => onChange(rows.filter((r) => r.key !== p.key))}
          >
            Удалить
          </button>
        </div>
      ))}
      <p className="muted">Назначение сохраняется, когда указан препарат.</p>
      <button
        type="button"
        className="secondary small"
        onClick={() => onChange([...rows, emptyPrescription()])}
      >
        Добавить назначение
      </button>
    </fieldset>
  );
}

/** Referrals to a specialist or for lab tests. */
export function ReferralsEditor({
  rows,
  onChange,
}: {
  rows: ReferralRow[];
  onChange: (rows: ReferralRow[]) => void;
}) {
  const update = (key: string, patch: Partial<ReferralRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset data-section="referrals">
      <legend>Направления</legend>
      {rows.map((r, n) => (
        <div key={r.key} className="item-row" data-referral={n + 1}>
          <Select<ReferralKind>
            id={`${r.key}-kind`}
            label="Вид направления"
            value={r.kind}
            options={REFERRAL_KIND_LABELS}
            onChange={(kind) => update(r.key, { kind })}
          />
          <div>
            <label htmlFor={`${r.key}-target`}>{r.kind === 'LAB' ? 'Анализы' : 'Специалист'}</label>
            <input
              id={`${r.key}-target`}
              type="text"
              maxLength={200}
              value={r.target}
              onChange={(e) => update(r.key, { target: e.target.value })}
            />
          </div>
          <div>
            <label htmlFor={`${r.key}-note`}>Комментарий</label>
            <input
              id={`${r.key}-note`}
              type="text"
              maxLength={2000}
              value={r.note}
              onChange={(e) => update(r.key, { note: e.target.value })}
            />
          </div>
          <button
            type="button"
            className="danger small"
            aria-label={`Удалить направление ${n + 1}`}
            onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
          >
            Удалить
          </button>
        </div>
      ))}
      <button type="button" className="secondary small" onClick={() => onChange([...rows, emptyReferral()])}>
        Добавить направление
      </button>
    </fieldset>
  );
}
