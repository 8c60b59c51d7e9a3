'use client';

import { DateField } from '@medikamente/web-kit/date-field';
import { ErrorBox, errorText, InputErrors, Loading } from '@medikamente/web-kit/ui';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { useClient, useQuery } from 'urql';
import type { ConsentPurpose, Sex } from '@/gql/graphql';
import {
  ConsentTextsQuery,
  GiveConsentMutation,
  MyPatientQuery,
  RegisterSelfMutation,
} from '@/operations/patient';
import { ConsentTextView, latestTexts, PURPOSE_LABELS, REQUIRED_PURPOSES } from './consent-text';

type Err = { field: string; code: string; message: string };

/** Step 2 of sign-up: the patient record (registerSelf) and consents shown with their versioned texts. */
export function CompleteRegistration({
  patientId,
  displayName,
  login,
}: {
  patientId: string;
  displayName: string;
  login: string;
}) {
  const router = useRouter();
  const client = useClient();
  const [{ data, fetching, error }] = useQuery({ query: ConsentTextsQuery });
  const [{ data: mine }] = useQuery({ query: MyPatientQuery });
  const [errors, setErrors] = useState<Err[]>([]);
  const [busy, setBusy] = useState(false);
  const [last = '', first = '', middle = ''] = displayName.split(/\s+/);
  const isEmail = login.includes('@');
  const hasRecord = Boolean(mine?.myPatient);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? '').trim();
    setBusy(true);
    setErrors([]);
    try {
      if (!hasRecord) {
        const r = await client
          .mutation(RegisterSelfMutation, {
            input: {
              lastName: s('lastName'),
              firstName: s('firstName'),
              middleName: s('middleName') || null,
              birthDate: s('birthDate'),
              sex: s('sex') as Sex,
              phone: s('phone') || null,
              email: s('email') || null,
            },
          })
          .toPromise();
        const p = r.data?.registerSelf;
        if (!p?.ok) {
          setErrors(
            p?.inputErrors ?? [{ field: 'form', code: r.error ? 'NETWORK' : 'UNKNOWN', message: '' }],
          );
          return;
        }
      }
      for (const t of latestTexts(data?.consentTexts ?? [])) {
        if (f.get(`consent-${t.purpose}`) !== 'on') continue;
        const r = await client
          .mutation(GiveConsentMutation, {
            patientId,
            purpose: t.purpose as ConsentPurpose,
            textVersion: t.version,
          })
          .toPromise();
        if (!r.data?.giveConsent.ok) {
          setErrors(
            r.data?.giveConsent.inputErrors ?? [
              { field: 'consent', code: 'UNKNOWN', message: 'Не удалось сохранить согласие' },
            ],
          );
          return;
        }
      }
      router.push('/');
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  if (fetching) return <Loading />;
  if (error) return <ErrorBox>{errorText('NETWORK', 'Не удалось загрузить тексты согласий')}</ErrorBox>;
  const texts = latestTexts(data?.consentTexts ?? []);
  return (
    <form onSubmit={submit} className="stack">
      {!hasRecord ? (
        <fieldset className="card stack">
          <legend>Данные пациента</legend>
          <div className="row">
            <div className="field">
              <label htmlFor="lastName">Фамилия</label>
              <input
                id="lastName"
                name="lastName"
                type="text"
                defaultValue={last}
                required
                autoComplete="family-name"
              />
            </div>
            <div className="field">
              <label htmlFor="firstName">Имя</label>
              <input
                id="firstName"
                name="firstName"
                type="text"
                defaultValue={first}
                required
                autoComplete="given-name"
              />
            </div>
            <div className="field">
              <label htmlFor="middleName">Отчество</label>
              <input
                id="middleName"
                name="middleName"
                type="text"
                defaultValue={middle}
                autoComplete="additional-name"
              />
            </div>
          </div>
          <div className="row">
            <div className="field">
              <DateField id="birthDate" name="birthDate" label="Дата рождения" required autoComplete="bday" />
            </div>
            <div className="field">
              <label htmlFor="sex">Пол</label>
              <select id="sex" name="sex" required defaultValue="">
                <option value="" disabled>
                  Выберите
                </option>
                <option value="FEMALE">Женский</option>
                <option value="MALE">Мужской</option>
              </select>
            </div>
          </div>
          <div className="row">
            <div className="field">
              <label htmlFor="phone">Телефон</label>
              <input
                id="phone"
                name="phone"
                type="tel"
                defaultValue={isEmail ? '' : login}
                autoComplete="tel"
              />
            </div>
            <div className="field">
              <label htmlFor="email">E-mail</label>
              <input
                id="email"
                name="email"
                type="email"
                defaultValue={isEmail ? login : ''}
                autoComplete="email"
              />
            </div>
          </div>
        </fieldset>
      ) : null}
      <fieldset className="card stack">
        <legend>Согласия</legend>
        {texts.map((t) => {
          const required = REQUIRED_PURPOSES.has(t.purpose as ConsentPurpose);
          return (
            <div key={t.purpose}>
              <label className="inline">
                <input type="checkbox" name={`consent-${t.purpose}`} required={required} />
                <span>
                  {PURPOSE_LABELS[t.purpose as ConsentPurpose] ?? t.title}{' '}
                  {required ? '(обязательно)' : '(по желанию)'}
                </span>
              </label>
              <ConsentTextView text={t} />
            </div>
          );
        })}
      </fieldset>
      <InputErrors errors={errors} />
      <button type="submit" disabled={busy}>
        {busy ? 'Сохраняем…' : 'Завершить регистрацию'}
      </button>
    </form>
  );
}
