'use client';

import { errorCode, newKey } from '@medikamente/web-kit/client';
import { DateField } from '@medikamente/web-kit/date-field';
import { dateOnly } from '@medikamente/web-kit/format';
import { Empty, ErrorBox, errorText, InputErrors, Loading, Notice } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { type FormEvent, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { PatientInput, RegisterPatientMutation as RegisterResult, Sex } from '@/gql/graphql';
import { RegisterPatientMutation, SearchPatientsQuery } from '@/operations/patients';

const birth = (d: string | null | undefined) => (d ? dateOnly(d) : '—');

/**
 * Patient search (name, phone, birth date). Values appear exactly as the API returns them (masked
 * ones masked). Reception opens the patient card and books; a doctor (`forDoctor`) opens the
 * medical record.
 */
export function PatientSearch({ forDoctor = false }: { forDoctor?: boolean }) {
  const cardHref = (id: string) => (forDoctor ? `/record/${id}` : `/patients/${id}`);
  const [query, setQuery] = useState<{ text?: string; phone?: string; birthDate?: string } | null>(null);
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({
    query: SearchPatientsQuery,
    variables: { query: query ?? {}, after },
    pause: !query,
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const q = {
      text: String(f.get('text') ?? '').trim() || undefined,
      phone: String(f.get('phone') ?? '').trim() || undefined,
      birthDate: String(f.get('birthDate') ?? '').trim() || undefined,
    };
    setAfter(null);
    setQuery(q.text || q.phone || q.birthDate ? q : null);
  }

  return (
    <section aria-labelledby="search-title">
      <h2 id="search-title">Поиск пациента</h2>
      <search>
        <form className="card row" onSubmit={submit}>
          <div className="field">
            <label htmlFor="q-text">ФИО (начало)</label>
            <input id="q-text" name="text" type="search" placeholder="Иванов Иван" />
          </div>
          <div className="field">
            <label htmlFor="q-phone">Телефон</label>
            <input id="q-phone" name="phone" type="tel" />
          </div>
          <div className="field">
            <DateField id="q-birth" name="birthDate" label="Дата рождения" />
          </div>
          <button type="submit">Найти</button>
        </form>
      </search>
      {fetching ? <Loading label="Ищем…" /> : null}
      {error ? <ErrorBox>{errorText(errorCode(error), 'Поиск не удался')}</ErrorBox> : null}
      {data && !data.searchPatients.nodes.length ? (
        <Empty>
          {forDoctor
            ? 'Никого не нашли. Проверьте данные.'
            : 'Никого не нашли. Проверьте данные или зарегистрируйте пациента.'}
        </Empty>
      ) : null}
      {data?.searchPatients.nodes.length ? (
        <table className="grid" aria-label="Найденные пациенты">
          <thead>
            <tr>
              <th scope="col">ФИО</th>
              <th scope="col">Телефон</th>
              <th scope="col">E-mail</th>
              <th scope="col">Дата рождения</th>
              {forDoctor ? null : <th scope="col">Действия</th>}
            </tr>
          </thead>
          <tbody>
            {data.searchPatients.nodes.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={cardHref(p.id)}>{p.fullName ?? 'нет доступа'}</Link>
                </td>
                <td>{p.phone ?? '—'}</td>
                <td>{p.email ?? '—'}</td>
                <td>{birth(p.birthDate)}</td>
                {forDoctor ? null : (
                  <td>
                    <Link className="button small" href={`/book?patientId=${p.id}`}>
                      Записать
                    </Link>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {data?.searchPatients.pageInfo.hasNextPage ? (
        <button
          type="button"
          className="secondary"
          onClick={() => setAfter(data.searchPatients.pageInfo.endCursor ?? null)}
        >
          Следующие
        </button>
      ) : null}
    </section>
  );
}

type Duplicates = RegisterResult['registerPatient']['duplicates'];

/** Registration by reception with the duplicate warning (same phone and birth date). */
export function RegisterPatient() {
  const [, register] = useMutation(RegisterPatientMutation);
  const [errors, setErrors] = useState<Array<{ field: string; code: string; message: string }>>([]);
  const [duplicates, setDuplicates] = useState<Duplicates>([]);
  const [created, setCreated] = useState<{ id: string; fullName: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const pending = useRef<PatientInput | null>(null);
  const key = useRef(newKey());

  async function send(input: PatientInput, confirmNotDuplicate: boolean) {
    setBusy(true);
    setErrors([]);
    const r = await register({
      input,
      confirmNotDuplicate,
      idempotencyKey: confirmNotDuplicate ? newKey() : key.current,
    });
    setBusy(false);
    const p = r.data?.registerPatient;
    if (p?.ok && p.patient) {
      setCreated(p.patient);
      setDuplicates([]);
      key.current = newKey();
      return;
    }
    if (p?.duplicates.length) {
      pending.current = input;
      setDuplicates(p.duplicates);
      return;
    }
    setErrors(
      p?.inputErrors ?? [
        { field: 'form', code: errorCode(r.error) ?? 'UNKNOWN', message: 'Не удалось зарегистрировать' },
      ],
    );
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? '').trim() || null;
    setCreated(null);
    void send(
      {
        lastName: s('lastName') ?? '',
        firstName: s('firstName') ?? '',
        middleName: s('middleName'),
        birthDate: s('birthDate') ?? '',
        sex: (s('sex') ?? 'FEMALE') as Sex,
        phone: s('phone'),
        email: s('email'),
      },
      false,
    );
  }

  return (
    <section aria-labelledby="reg-title">
      <h2 id="reg-title">Регистрация нового пациента</h2>
      <form className="card stack" onSubmit={submit}>
        <div className="row">
          <div className="field">
            <label htmlFor="r-last">Фамилия</label>
            <input id="r-last" name="lastName" type="text" required />
          </div>
          <div className="field">
            <label htmlFor="r-first">Имя</label>
            <input id="r-first" name="firstName" type="text" required />
          </div>
          <div className="field">
            <label htmlFor="r-middle">Отчество</label>
            <input id="r-middle" name="middleName" type="text" />
          </div>
        </div>
        <div className="row">
          <div className="field">
            <DateField id="r-birth" name="birthDate" label="Дата рождения" required />
          </div>
          <div className="field">
            <label htmlFor="r-sex">Пол</label>
            <select id="r-sex" name="sex" required defaultValue="">
              <option value="" disabled>
                Выберите
              </option>
              <option value="FEMALE">Женский</option>
              <option value="MALE">Мужской</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="r-phone">Телефон</label>
            <input id="r-phone" name="phone" type="tel" />
          </div>
          <div className="field">
            <label htmlFor="r-email">E-mail</label>
            <input id="r-email" name="email" type="email" />
          </div>
        </div>
        <InputErrors errors={errors} />
        {duplicates.length ? (
          <div className="alert warn" role="alert">
            <strong>Возможно, пациент уже зарегистрирован:</strong> найдены записи с тем же телефоном и датой
            рождения.
            <ul>
              {duplicates.map((d) => (
                <li key={d.id}>
                  <Link href={`/patients/${d.id}`}>{d.fullName ?? 'нет доступа'}</Link> · {d.phone ?? '—'} ·{' '}
                  {birth(d.birthDate)}
                </li>
              ))}
            </ul>
            <div className="row">
              <button
                type="button"
                disabled={busy}
                onClick={() => pending.current && send(pending.current, true)}
              >
                Это другой человек — зарегистрировать
              </button>
              <button type="button" className="secondary" onClick={() => setDuplicates([])}>
                Не регистрировать
              </button>
            </div>
          </div>
        ) : null}
        {created ? (
          <Notice>
            Пациент зарегистрирован: <Link href={`/patients/${created.id}`}>{created.fullName}</Link> ·{' '}
            <Link href={`/book?patientId=${created.id}`}>Записать на приём</Link>
          </Notice>
        ) : null}
        <button type="submit" disabled={busy}>
          Зарегистрировать
        </button>
      </form>
    </section>
  );
}
