'use client';

import { errorCode } from '@medikamente/web-kit/client';
import { dateTimeIn, zoneLabel } from '@medikamente/web-kit/format';
import { errorText } from '@medikamente/web-kit/ui';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { BreakGlassMutation } from '@/operations/record';

/** "18.03.2026, 18:32 (московское время)". */
export const untilText = (iso: string, zone: string) =>
  `${dateTimeIn(iso, zone)} (${zoneLabel(zone, new Date(iso))})`;

/**
 * "Экстренный доступ": a doctor without a care relationship opens the record by stating a
 * reason (a native modal dialog: focus stays inside, Escape closes). After success it says until
 * when the access lasts; the card behind reloads through `onOpened` once the dialog is closed.
 */
export function BreakGlass({
  patientId,
  zone,
  onOpened,
}: {
  patientId: string;
  zone: string;
  onOpened: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const done = useRef<HTMLButtonElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [until, setUntil] = useState<string | null>(null);
  const [{ fetching }, breakGlass] = useMutation(BreakGlassMutation);

  useEffect(() => {
    if (until) done.current?.focus();
  }, [until]);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const r = await breakGlass({ input: { patientId, reason: reason.trim() } });
    const p = r.data?.breakGlass;
    if (p?.ok && p.expiresAt) setUntil(p.expiresAt);
    else {
      const first = p?.inputErrors[0];
      setError(first ? errorText(first.code, first.message) : errorText(errorCode(r.error)));
    }
  }

  function close() {
    dialog.current?.close();
  }

  return (
    <>
      <button type="button" className="danger" onClick={() => dialog.current?.showModal()}>
        Экстренный доступ
      </button>
      <dialog
        ref={dialog}
        className="modal"
        aria-labelledby="bg-title"
        data-testid="break-glass"
        onClose={() => {
          if (until) onOpened();
        }}
      >
        <h2 id="bg-title">Экстренный доступ к медкарте</h2>
        {until ? (
          <div className="stack">
            <output className="alert ok" data-testid="break-glass-until">
              Доступ открыт до {untilText(until, zone)}. Причина записана в журнал, служба безопасности
              получила оповещение.
            </output>
            <button ref={done} type="button" onClick={close}>
              Перейти к медкарте
            </button>
          </div>
        ) : (
          <form className="stack" onSubmit={submit}>
            <p id="bg-desc">
              У вас нет лечебных отношений с этим пациентом. Открывайте медкарту только если это нужно для
              помощи пациенту. Доступ ограничен по времени, причина записывается в журнал, служба безопасности
              получает оповещение.
            </p>
            <div>
              <label htmlFor="bg-reason">Причина доступа</label>
              <textarea
                id="bg-reason"
                name="reason"
                required
                minLength={15}
                maxLength={1000}
                rows={3}
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value);
                  setError(null);
                }}
                aria-describedby="bg-desc bg-hint"
                aria-invalid={error ? true : undefined}
                aria-errormessage={error ? 'bg-error' : undefined}
              />
              <div id="bg-hint" className="muted">
                Кто обратился, что случилось и зачем нужна медкарта. Например: «Пациентка доставлена с
                приступом удушья, нужен анамнез и список назначений».
              </div>
            </div>
            {error ? (
              <div id="bg-error" className="alert error" role="alert">
                {error}
              </div>
            ) : null}
            <div className="row">
              <button type="submit" className="danger" disabled={fetching}>
                Открыть медкарту
              </button>
              <button type="button" className="secondary" onClick={close}>
                Отмена
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
