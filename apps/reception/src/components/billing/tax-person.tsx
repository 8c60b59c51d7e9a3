'use client';

import { TAX_DOCUMENT_LABELS, TAX_RELATION_LABELS } from '@medikamente/web-kit/billing';
import { DateField } from '@medikamente/web-kit/date-field';
import { useId } from 'react';

export type TaxPerson = {
  fullName: string;
  inn: string | null;
  birthDate: string;
  document: { code: string; seriesNumber: string; issuedAt: string };
};

/**
 * A person of the tax certificate (the taxpayer, or the patient when someone else paid): name,
 * INN (optional with a document), birth date and identity document, as inputs `<prefix>.<field>`.
 */
export function TaxPersonFields({
  prefix,
  legend,
  relation = false,
}: {
  prefix: string;
  legend: string;
  relation?: boolean;
}) {
  const id = useId();
  const f = (name: string) => `${prefix}.${name}`;
  return (
    <fieldset className="card stack" data-party={prefix}>
      <legend>{legend}</legend>
      <div className="row">
        <div className="field" style={{ flex: '1 1 280px' }}>
          <label htmlFor={`${id}-name`}>ФИО</label>
          <input id={`${id}-name`} name={f('fullName')} required maxLength={200} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-inn`}>ИНН (12 цифр, если есть)</label>
          <input
            id={`${id}-inn`}
            name={f('inn')}
            inputMode="numeric"
            pattern="\d{12}"
            maxLength={12}
            title="12 цифр"
          />
        </div>
        <div className="field">
          <DateField id={`${id}-birth`} name={f('birthDate')} label="Дата рождения" required />
        </div>
      </div>
      <div className="row">
        <div className="field" style={{ flex: '1 1 260px' }}>
          <label htmlFor={`${id}-doc`}>Документ</label>
          <select id={`${id}-doc`} name={f('docCode')} defaultValue="21">
            {Object.entries(TAX_DOCUMENT_LABELS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-doc-number`}>Серия и номер документа</label>
          <input id={`${id}-doc-number`} name={f('docNumber')} required maxLength={40} />
        </div>
        <div className="field">
          <DateField id={`${id}-doc-at`} name={f('docIssuedAt')} label="Дата выдачи документа" required />
        </div>
      </div>
      {relation ? (
        <div className="field">
          <label htmlFor={`${id}-relation`}>Кем пациент приходится налогоплательщику</label>
          <select id={`${id}-relation`} name={f('relation')} required defaultValue="">
            <option value="">Выберите</option>
            {Object.entries(TAX_RELATION_LABELS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </fieldset>
  );
}

/** The person `prefix` from the submitted form. */
export function readTaxPerson(form: FormData, prefix: string): TaxPerson {
  const get = (name: string) => String(form.get(`${prefix}.${name}`) ?? '').trim();
  const inn = get('inn').replace(/\s/g, '');
  return {
    fullName: get('fullName'),
    inn: inn || null,
    birthDate: get('birthDate'),
    document: { code: get('docCode') || '21', seriesNumber: get('docNumber'), issuedAt: get('docIssuedAt') },
  };
}

/** The relation the form chose (see TaxPatientRelation). */
export const readRelation = (form: FormData, prefix: string) =>
  String(form.get(`${prefix}.relation`) ?? '') as 'CHILD' | 'PARENT' | 'SPOUSE' | 'WARD';
