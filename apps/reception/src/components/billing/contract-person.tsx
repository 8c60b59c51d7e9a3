'use client';

import { DateField } from '@medikamente/web-kit/date-field';
import { useId } from 'react';

/** What the patient card already holds for the contract (as the API gave it to reception). */
export type PersonDefaults = {
  fullName?: string | null;
  birthDate?: string | null;
  address?: string | null;
  phone?: string | null;
};

export type PersonValue = {
  fullName: string;
  birthDate: string | null;
  address: string;
  phone: string;
  document: { kind: string; seriesNumber: string; issuedBy: string | null; issuedAt: string | null };
  basis?: string;
};

const PASSPORT = 'Паспорт гражданина Российской Федерации';
const DOCUMENT_KINDS = [
  PASSPORT,
  'Свидетельство о рождении',
  'Вид на жительство',
  'Паспорт иностранного гражданина',
];

/**
 * A party of the contract (the patient, the legal representative or the payer): name, birth date,
 * address, phone and the identity document, as named inputs `<prefix>.<field>` of the form.
 */
export function PersonFields({
  prefix,
  legend,
  defaults,
  representative = false,
}: {
  prefix: string;
  legend: string;
  defaults?: PersonDefaults;
  representative?: boolean;
}) {
  const id = useId();
  const f = (name: string) => `${prefix}.${name}`;
  return (
    <fieldset className="card stack" data-party={prefix}>
      <legend>{legend}</legend>
      <div className="row">
        <div className="field" style={{ flex: '1 1 280px' }}>
          <label htmlFor={`${id}-name`}>ФИО</label>
          <input
            id={`${id}-name`}
            name={f('fullName')}
            required
            maxLength={200}
            autoComplete="off"
            defaultValue={defaults?.fullName ?? ''}
          />
        </div>
        <div className="field">
          <DateField
            id={`${id}-birth`}
            name={f('birthDate')}
            label="Дата рождения"
            defaultValue={defaults?.birthDate ?? undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-phone`}>Телефон</label>
          <input
            id={`${id}-phone`}
            name={f('phone')}
            type="tel"
            required
            maxLength={40}
            defaultValue={defaults?.phone ?? ''}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-address`}>Адрес места жительства</label>
        <input
          id={`${id}-address`}
          name={f('address')}
          required
          maxLength={400}
          defaultValue={defaults?.address ?? ''}
        />
      </div>
      <div className="row">
        <div className="field" style={{ flex: '1 1 260px' }}>
          <label htmlFor={`${id}-doc-kind`}>Документ, удостоверяющий личность</label>
          <select id={`${id}-doc-kind`} name={f('docKind')} defaultValue={PASSPORT}>
            {DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-doc-number`}>Серия и номер</label>
          <input id={`${id}-doc-number`} name={f('docNumber')} required maxLength={40} />
        </div>
      </div>
      <div className="row">
        <div className="field" style={{ flex: '1 1 280px' }}>
          <label htmlFor={`${id}-doc-by`}>Кем выдан</label>
          <input id={`${id}-doc-by`} name={f('docIssuedBy')} maxLength={300} />
        </div>
        <div className="field">
          <DateField id={`${id}-doc-at`} name={f('docIssuedAt')} label="Дата выдачи" />
        </div>
      </div>
      {representative ? (
        <div className="field">
          <label htmlFor={`${id}-basis`}>Основание представительства</label>
          <input
            id={`${id}-basis`}
            name={f('basis')}
            required
            maxLength={300}
            placeholder="Свидетельство о рождении ребёнка"
          />
        </div>
      ) : null}
    </fieldset>
  );
}

/** The party `prefix` from the submitted form. */
export function readPerson(form: FormData, prefix: string): PersonValue {
  const get = (name: string) => String(form.get(`${prefix}.${name}`) ?? '').trim();
  const basis = get('basis');
  return {
    fullName: get('fullName'),
    birthDate: get('birthDate') || null,
    address: get('address'),
    phone: get('phone'),
    document: {
      kind: get('docKind') || PASSPORT,
      seriesNumber: get('docNumber'),
      issuedBy: get('docIssuedBy') || null,
      issuedAt: get('docIssuedAt') || null,
    },
    ...(basis ? { basis } : {}),
  };
}
