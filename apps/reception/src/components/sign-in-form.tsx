'use client';

import { errorText } from '@medikamente/web-kit/ui';
import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useRef, useState } from 'react';

type Result = { ok: boolean; inputErrors: Array<{ field: string; code: string; message: string }> };

/**
 * Staff sign-in: login and password, then the TOTP code when identity asks for it. The password
 * stays in this form's memory between the two steps (identity checks both in one call).
 */
export function StaffSignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const creds = useRef({ login: '', password: '' });
  const codeRef = useRef<HTMLInputElement>(null);
  // The code field takes the focus once it is on the page (a keyboard user types on at once).
  useEffect(() => {
    if (step === 'totp') codeRef.current?.focus();
  }, [step]);

  async function send(totpCode?: string) {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/auth/signin', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...creds.current, totpCode }),
      });
      const r = (await res.json()) as Result;
      if (r.ok) {
        creds.current = { login: '', password: '' };
        router.push(next);
        router.refresh();
        return;
      }
      const code = r.inputErrors[0]?.code;
      if (code === 'TOTP_REQUIRED' && step === 'password') {
        setStep('totp');
        return;
      }
      setError(code === 'TOTP_REQUIRED' ? r.inputErrors[0]!.message : errorText(code, 'Не удалось войти'));
    } catch {
      setError(errorText('NETWORK'));
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    if (step === 'password') {
      creds.current = { login: String(f.get('login') ?? ''), password: String(f.get('password') ?? '') };
      void send();
    } else void send(String(f.get('totpCode') ?? '').replace(/\s/g, ''));
  }

  return (
    <form onSubmit={submit} className="card stack" style={{ maxWidth: 420 }}>
      {step === 'password' ? (
        <>
          <div>
            <label htmlFor="login">Логин (e-mail)</label>
            <input id="login" name="login" type="text" autoComplete="username" required />
          </div>
          <div>
            <label htmlFor="password">Пароль</label>
            <input id="password" name="password" type="password" autoComplete="current-password" required />
          </div>
        </>
      ) : (
        <div>
          <label htmlFor="totpCode">Код из приложения-аутентификатора</label>
          <input
            ref={codeRef}
            id="totpCode"
            name="totpCode"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            required
            aria-describedby="totp-hint"
          />
          <div id="totp-hint" className="muted">
            Шесть цифр, второй шаг входа
          </div>
        </div>
      )}
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="row">
        <button type="submit" disabled={busy}>
          {step === 'password' ? 'Войти' : 'Подтвердить'}
        </button>
        {step === 'totp' ? (
          <button type="button" className="secondary" onClick={() => setStep('password')}>
            Назад
          </button>
        ) : null}
      </div>
    </form>
  );
}
