'use client';

import { ErrorBox, errorText, Notice } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { useState } from 'react';

type Result = {
  ok: boolean;
  action?: 'CONFIRM' | 'CANCEL' | null;
  status?: string | null;
  startsAt?: string | null;
  inputErrors?: Array<{ field: string; code: string; message: string }>;
};

/** The action a link's token announces (unverified: a label only; the server decides). */
function announced(token: string): 'CONFIRM' | 'CANCEL' | null {
  try {
    const part = token.split('.')[1];
    if (!part) return null;
    const claims = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    const v = String(claims.action ?? claims.act ?? '').toUpperCase();
    return v === 'CONFIRM' || v === 'CANCEL' ? v : null;
  } catch {
    return null;
  }
}

/**
 * A reminder's link: the action runs on the button press (not on opening the page), so mail
 * scanners that follow links do not use up the single-use token.
 */
export function ReminderLink({ token }: { token: string }) {
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const action = announced(token);

  async function use() {
    setBusy(true);
    try {
      const res = await fetch('/api/reminder', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
      setResult((await res.json()) as Result);
    } catch {
      setResult({ ok: false, inputErrors: [{ field: 'token', code: 'NETWORK', message: '' }] });
    } finally {
      setBusy(false);
    }
  }

  if (result?.ok) {
    // startsAt is the branch's local wall time (with or without its offset).
    const s = result.startsAt ?? '';
    const when = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)
      ? ` ${s.slice(8, 10)}.${s.slice(5, 7)}.${s.slice(0, 4)} в ${s.slice(11, 16)}`
      : '';
    return (
      <Notice>
        {result.action === 'CANCEL' ? `Запись${when} отменена.` : `Спасибо! Визит${when} подтверждён.`}{' '}
        <Link href="/appointments">Мои записи</Link>
      </Notice>
    );
  }
  return (
    <div className="card stack">
      <p>
        {action === 'CANCEL'
          ? 'Вы хотите отменить запись к врачу?'
          : action === 'CONFIRM'
            ? 'Подтвердите, что придёте на приём.'
            : 'Ссылка из напоминания о приёме.'}{' '}
        Входить в личный кабинет не нужно.
      </p>
      {result && !result.ok ? (
        <ErrorBox>
          {result.inputErrors?.[0]?.code === 'NETWORK'
            ? errorText('NETWORK')
            : 'Ссылка недействительна или уже использована. Управлять записью можно в личном кабинете.'}
        </ErrorBox>
      ) : null}
      <button
        type="button"
        className={action === 'CANCEL' ? 'danger' : undefined}
        onClick={use}
        disabled={busy}
      >
        {action === 'CANCEL' ? 'Отменить запись' : action === 'CONFIRM' ? 'Подтвердить визит' : 'Продолжить'}
      </button>
    </div>
  );
}
