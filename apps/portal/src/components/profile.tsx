'use client';

import { errorCode } from '@medikamente/web-kit/client';
import { dateOnly } from '@medikamente/web-kit/format';
import { ErrorBox, errorText, InputErrors, Loading, Notice } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { MyPatientQuery, UpdateContactsMutation } from '@/operations/patient';
import { ReminderSettings } from './reminder-settings';

type Err = { field: string; code: string; message: string };

/** The patient's own record; contacts are editable. */
export function Profile() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyPatientQuery });
  const [, update] = useMutation(UpdateContactsMutation);
  const [errors, setErrors] = useState<Err[]>([]);
  const [saved, setSaved] = useState(false);
  const [editing, setEditing] = useState(false);

  if (fetching && !data) return <Loading />;
  if (error) return <ErrorBox>{errorText(errorCode(error), 'Не удалось загрузить профиль')}</ErrorBox>;
  const p = data?.myPatient;
  if (!p) {
    return (
      <Notice kind="warn">
        Регистрация не завершена. <Link href="/signup/complete">Заполнить данные пациента</Link>
      </Notice>
    );
  }

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setErrors([]);
    setSaved(false);
    const r = await update({
      id: p!.id,
      input: {
        phone: String(f.get('phone') ?? '').trim() || null,
        email: String(f.get('email') ?? '').trim() || null,
      },
    });
    const out = r.data?.updatePatient;
    if (out?.ok) {
      setSaved(true);
      setEditing(false);
      refetch({ requestPolicy: 'network-only' });
    } else
      setErrors(out?.inputErrors ?? [{ field: 'form', code: errorCode(r.error) ?? 'UNKNOWN', message: '' }]);
  }

  return (
    <>
      <section className="card" aria-labelledby="me-title">
        <h2 id="me-title" style={{ marginTop: 0 }}>
          {p.fullName}
        </h2>
        <dl className="props">
          <dt>Дата рождения</dt>
          <dd>{p.birthDate ? dateOnly(p.birthDate) : '—'}</dd>
          <dt>Пол</dt>
          <dd>{p.sex === 'FEMALE' ? 'женский' : p.sex === 'MALE' ? 'мужской' : '—'}</dd>
          <dt>Телефон</dt>
          <dd>{p.phone ?? '—'}</dd>
          <dt>E-mail</dt>
          <dd>{p.email ?? '—'}</dd>
        </dl>
      </section>
      {saved ? <Notice>Контакты сохранены</Notice> : null}
      {editing ? (
        <form className="card stack" onSubmit={save}>
          <h2 style={{ marginTop: 0 }}>Контакты</h2>
          <div>
            <label htmlFor="phone">Телефон</label>
            <input id="phone" name="phone" type="tel" defaultValue={p.phone ?? ''} autoComplete="tel" />
          </div>
          <div>
            <label htmlFor="email">E-mail</label>
            <input id="email" name="email" type="email" defaultValue={p.email ?? ''} autoComplete="email" />
          </div>
          <InputErrors errors={errors} />
          <div className="row">
            <button type="submit">Сохранить</button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>
              Отмена
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setEditing(true)}>
          Изменить контакты
        </button>
      )}
      <ReminderSettings phone={p.phone ?? null} email={p.email ?? null} />
    </>
  );
}
