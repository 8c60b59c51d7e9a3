'use client';

import { errorText } from '@medikamente/web-kit/ui';
import { useRouter } from 'next/navigation';
import { type FormEvent, useRef, useState } from 'react';

type InputError = { field: string; code: string; message: string };
type Result = { ok: boolean; inputErrors: InputError[] };
type Started = Result & {
  verificationId: string | null;
  channel: 'EMAIL' | 'SMS' | null;
  expiresAt: string | null;
};
type Account = { login: string; password: string; displayName: string };

async function post<T extends Result>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as T;
}

const FieldError = ({ errors, f }: { errors: InputError[]; f: string }) => {
  const e = errors.find((x) => x.field === f);
  return e ? (
    <div className="field-error" id={`${f}-error`} role="alert">
      {e.code === 'MISMATCH' ? e.message : errorText(e.code, e.message)}
    </div>
  ) : null;
};

/**
 * Step 1 of sign-up: the account (name, login, password), then the one-time code sent to the
 * login. The answer is the same whether or not the login is registered; an owner who already has
 * an account gets a notice instead of a code. Step 2 (the next page) adds the record and consents.
 */
export function SignUpForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<InputError[]>([]);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{
    verificationId: string;
    channel: 'EMAIL' | 'SMS';
    expiresAt: string;
    resent: boolean;
  } | null>(null);
  const account = useRef<Account>({ login: '', password: '', displayName: '' });

  /** Runs a request; `action` returns the errors to show (a generic `fallback` when it gave none), or null. */
  async function run(action: () => Promise<InputError[] | null>, field: string, fallback: string) {
    setBusy(true);
    setErrors([]);
    try {
      const errors = await action();
      if (errors) setErrors(errors.length ? errors : [{ field, code: 'UNKNOWN', message: fallback }]);
    } catch {
      setErrors([{ field, code: 'NETWORK', message: '' }]);
    } finally {
      setBusy(false);
    }
  }

  const start = (resent: boolean) =>
    run(
      async () => {
        const r = await post<Started>('/api/auth/signup', account.current);
        if (!r.ok || !r.verificationId || !r.channel || !r.expiresAt) return r.inputErrors;
        setSent({ verificationId: r.verificationId, channel: r.channel, expiresAt: r.expiresAt, resent });
        return null;
      },
      'login',
      'Не удалось зарегистрироваться',
    );

  function submitAccount(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    if (form.get('password') !== form.get('password2')) {
      setErrors([{ field: 'password2', code: 'MISMATCH', message: 'Пароли не совпадают' }]);
      return;
    }
    account.current = {
      login: String(form.get('login') ?? ''),
      password: String(form.get('password') ?? ''),
      displayName: String(form.get('displayName') ?? ''),
    };
    void start(false);
  }

  function submitCode(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get('code') ?? '');
    void run(
      async () => {
        const r = await post<Result>('/api/auth/signup/confirm', {
          verificationId: sent?.verificationId,
          code,
        });
        if (!r.ok) return r.inputErrors;
        router.push(`/signup/complete?login=${encodeURIComponent(account.current.login)}`);
        router.refresh();
        return null;
      },
      'code',
      'Не удалось подтвердить код',
    );
  }

  if (sent) {
    const where = sent.channel === 'EMAIL' ? 'на адрес' : 'в SMS на номер';
    return (
      <form onSubmit={submitCode} className="card stack">
        <p className="muted">Шаг 1 из 2: подтверждение {sent.channel === 'EMAIL' ? 'адреса' : 'номера'}.</p>
        <p>
          {sent.resent ? 'Мы отправили новый код' : 'Мы отправили код подтверждения'} {where}{' '}
          <b>{account.current.login}</b>. Введите его, чтобы создать учётную запись.
        </p>
        <p className="muted">
          Если учётная запись с этим {sent.channel === 'EMAIL' ? 'адресом' : 'номером'} уже есть, вместо кода
          придёт сообщение об этом — тогда просто войдите со своим паролем.
        </p>
        <div>
          <label htmlFor="code">Код подтверждения</label>
          <input
            id="code"
            name="code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
            aria-describedby="code-hint code-error"
          />
          <div id="code-hint" className="muted">
            Шесть цифр. Код действует до{' '}
            {new Date(sent.expiresAt).toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' })}
          </div>
          <FieldError errors={errors} f="code" />
          <FieldError errors={errors} f="login" />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Проверяем…' : 'Подтвердить'}
        </button>
        <div className="row">
          <button type="button" className="secondary" disabled={busy} onClick={() => void start(true)}>
            Отправить код ещё раз
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => {
              setSent(null);
              setErrors([]);
            }}
          >
            Изменить данные
          </button>
        </div>
      </form>
    );
  }

  const Err = ({ f }: { f: string }) => <FieldError errors={errors} f={f} />;
  return (
    <form onSubmit={submitAccount} className="card stack" noValidate={false}>
      <p className="muted">
        Шаг 1 из 2: учётная запись. Мы пришлём код подтверждения, на следующем шаге — данные пациента и
        согласия.
      </p>
      <div>
        <label htmlFor="displayName">Фамилия, имя и отчество</label>
        <input
          id="displayName"
          name="displayName"
          type="text"
          autoComplete="name"
          required
          defaultValue={account.current.displayName}
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
          defaultValue={account.current.login}
          aria-describedby="login-hint login-error"
        />
        <div id="login-hint" className="muted">
          Например, +7 912 345-67-89 или name@mail.ru. Сюда придёт код подтверждения
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
        {busy ? 'Отправляем код…' : 'Продолжить'}
      </button>
    </form>
  );
}
