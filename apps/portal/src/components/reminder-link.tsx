'use client';

import { errorCode } from '@medikamente/web-kit/client';
import { ErrorBox, errorText, Notice } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { useMutation } from 'urql';
import { UseReminderLinkMutation } from '@/operations/reminders';

/** Why a link did not work, in the patient's words. */
const LINK_ERRORS: Record<string, string> = {
  TOKEN_USED: 'Эта ссылка уже использована.',
  TOKEN_EXPIRED: 'Срок действия ссылки истёк.',
  NOT_FOUND: 'Запись по этой ссылке не найдена.',
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
  const [{ data, error, fetching }, submit] = useMutation(UseReminderLinkMutation);
  const action = announced(token);
  const result = data?.useReminderLink;
  const failure = error
    ? errorText(errorCode(error))
    : result && !result.ok
      ? `${LINK_ERRORS[result.inputErrors[0]?.code ?? ''] ?? 'Ссылка недействительна.'} Управлять записью можно в личном кабинете.`
      : null;

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
      {failure ? <ErrorBox>{failure}</ErrorBox> : null}
      {result && !result.ok ? null : (
        <button
          type="button"
          className={action === 'CANCEL' ? 'danger' : undefined}
          onClick={() => void submit({ token })}
          disabled={fetching}
        >
          {action === 'CANCEL'
            ? 'Отменить запись'
            : action === 'CONFIRM'
              ? 'Подтвердить визит'
              : 'Продолжить'}
        </button>
      )}
    </div>
  );
}
