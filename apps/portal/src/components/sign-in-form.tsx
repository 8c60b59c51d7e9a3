'use client';

import { errorText } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';

type Result = { ok: boolean; inputErrors: Array<{ field: string; code: string; message: string }> };

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/auth/signin', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: form.get('login'), password: form.get('password') }),
      });
      const r = (await res.json()) as Result;
      if (r.ok) {
        router.push(next);
        router.refresh();
        return;
      }
      setError(errorText(r.inputErrors[0]?.code, 'Не удалось войти'));
    } catch {
      setError(errorText('NETWORK'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="card stack" aria-describedby={error ? 'signin-error' : undefined}>
      <div>
        <label htmlFor="login">Телефон или e-mail</label>
        <input id="login" name="login" type="text" autoComplete="username" required />
      </div>
      <div>
        <label htmlFor="password">Пароль</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {error ? (
        <div id="signin-error" className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="row">
        <button type="submit" disabled={busy}>
          {busy ? 'Входим…' : 'Войти'}
        </button>
        <Link href="/signup">Зарегистрироваться</Link>
      </div>
    </form>
  );
}
