'use client';

import { errorText } from '@medikamente/web-kit/ui';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';

type Result = { ok: boolean; inputErrors: Array<{ field: string; code: string; message: string }> };

/** Step 1 of sign-up: the account (login, password, name). Step 2 adds the record and consents. */
export function SignUpForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<Result['inputErrors']>([]);
  const [busy, setBusy] = useState(false);
  const fieldError = (f: string) => errors.find((e) => e.field === f);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    if (form.get('password') !== form.get('password2')) {
      setErrors([{ field: 'password2', code: 'MISMATCH', message: 'Пароли не совпадают' }]);
      return;
    }
    setBusy(true);
    setErrors([]);
    try {
      const res = await fetch('/api/auth/signup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          login: form.get('login'),
          password: form.get('password'),
          displayName: form.get('displayName'),
        }),
      });
      const r = (await res.json()) as Result;
      if (r.ok) {
        router.push(`/signup/complete?login=${encodeURIComponent(String(form.get('login')))}`);
        router.refresh();
        return;
      }
      setErrors(
        r.inputErrors.length
          ? r.inputErrors
          : [{ field: 'login', code: 'UNKNOWN', message: 'Не удалось зарегистрироваться' }],
      );
    } catch {
      setErrors([{ field: 'login', code: 'NETWORK', message: '' }]);
    } finally {
      setBusy(false);
    }
  }

  const Err = ({ f }: { f: string }) => {
    const e = fieldError(f);
    return e ? (
      <div className="field-error" id={`${f}-error`} role="alert">
        {e.code === 'MISMATCH' ? e.message : errorText(e.code, e.message)}
      </div>
    ) : null;
  };

  return (
    <form onSubmit={submit} className="card stack" noValidate={false}>
      <p className="muted">Шаг 1 из 2: учётная запись. На следующем шаге — данные пациента и согласия.</p>
      <div>
        <label htmlFor="displayName">Фамилия, имя и отчество</label>
        <input
          id="displayName"
          name="displayName"
          type="text"
          autoComplete="name"
          required
          aria-describedby="displayName-error"
        />
        <Err f="displayName" />
      </div>
      <div>
        <label htmlFor="login">Телефон или e-mail</label>
        <input
          id="login"
          name="login"
          type="text"
          autoComplete="username"
          required
          aria-describedby="login-hint login-error"
        />
        <div id="login-hint" className="muted">
          Например, +7 912 345-67-89 или name@mail.ru
        </div>
        <Err f="login" />
      </div>
      <div>
        <label htmlFor="password">Пароль</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          aria-describedby="password-hint password-error"
        />
        <div id="password-hint" className="muted">
          Не короче 8 символов
        </div>
        <Err f="password" />
      </div>
      <div>
        <label htmlFor="password2">Пароль ещё раз</label>
        <input
          id="password2"
          name="password2"
          type="password"
          autoComplete="new-password"
          required
          aria-describedby="password2-error"
        />
        <Err f="password2" />
      </div>
      <button type="submit" disabled={busy}>
        {busy ? 'Создаём…' : 'Продолжить'}
      </button>
    </form>
  );
}
