'use client';

import { errorCode } from '@medikamente/web-kit/client';
import { ErrorBox, errorText, Notice } from '@medikamente/web-kit/ui';
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmTotpMutation, MeQuery, StartTotpMutation } from '@/operations/catalog';

/** Enrols the signed-in staff member in TOTP (the second factor of the next sign-in). */
export function TotpEnrollment() {
  const [{ data }, refetch] = useQuery({ query: MeQuery });
  const [start, startTotp] = useMutation(StartTotpMutation);
  const [, confirmTotp] = useMutation(ConfirmTotpMutation);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  if (data?.me?.totpEnabled || done)
    return <Notice>Двухфакторный вход включён: при входе нужен код из приложения.</Notice>;
  const enrollment = start.data?.startTotpEnrollment;

  async function confirm(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get('code') ?? '').replace(/\s/g, '');
    const r = await confirmTotp({ code });
    if (r.data?.confirmTotpEnrollment.ok) {
      setDone(true);
      refetch({ requestPolicy: 'network-only' });
    } else
      setError(
        errorText(r.data?.confirmTotpEnrollment.inputErrors[0]?.code ?? errorCode(r.error), 'Код не подошёл'),
      );
  }

  return (
    <div className="card stack" style={{ maxWidth: 560 }}>
      {!enrollment?.ok ? (
        <>
          <p>
            Добавьте учётную запись в приложение-аутентификатор (например, «Яндекс Ключ»), чтобы входить с
            одноразовым кодом.
          </p>
          <button type="button" onClick={() => startTotp({})} disabled={start.fetching}>
            Начать подключение
          </button>
        </>
      ) : (
        <form onSubmit={confirm} className="stack">
          <p>
            Секретный ключ для ручного ввода: <code data-testid="totp-secret">{enrollment.secret}</code>
          </p>
          <p className="muted" style={{ wordBreak: 'break-all' }}>
            {enrollment.otpauthUri}
          </p>
          <div>
            <label htmlFor="code">Код из приложения</label>
            <input
              id="code"
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
            />
          </div>
          <button type="submit">Включить</button>
        </form>
      )}
      {error || start.data?.startTotpEnrollment.inputErrors.length ? (
        <ErrorBox>{error ?? errorText(start.data?.startTotpEnrollment.inputErrors[0]?.code)}</ErrorBox>
      ) : null}
    </div>
  );
}
