'use client';

import { dateTimeIn, relativeDayLabel, timeIn, timeWithZone, zoneLabel } from '@medikamente/web-kit/format';
import { useEffect, useRef } from 'react';

/**
 * The one explicit confirmation step of the portal, for booking and for rescheduling: what, with
 * whom, where and when (in the branch's zone, named), then "confirm" or "choose another time".
 * The heading takes focus so keyboard and screen-reader users land on it.
 */
export function ConfirmStep({
  title,
  doctor,
  service,
  branch,
  startsAt,
  timeZone,
  previousStartsAt,
  deadline,
  confirmLabel,
  onConfirm,
  onBack,
  busy,
}: {
  title: string;
  doctor: string;
  service: string;
  branch: string;
  startsAt: string;
  timeZone: string;
  /** For a reschedule: the time being given up. */
  previousStartsAt?: string | null;
  /** Until when the time is kept (a hold). */
  deadline?: string | null;
  confirmLabel: string;
  onConfirm: () => void;
  onBack: () => void;
  busy?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card confirm-step" aria-labelledby="confirm-title" data-testid="confirm-step">
      <h2 id="confirm-title" ref={heading} tabIndex={-1} style={{ marginTop: 0 }}>
        {title}
      </h2>
      <dl className="props">
        <dt>Врач</dt>
        <dd>{doctor}</dd>
        <dt>Услуга</dt>
        <dd>{service}</dd>
        <dt>Филиал</dt>
        <dd>{branch}</dd>
        {previousStartsAt ? (
          <>
            <dt>Было</dt>
            <dd>
              <s>{dateTimeIn(previousStartsAt, timeZone)}</s>
            </dd>
          </>
        ) : null}
        <dt>{previousStartsAt ? 'Станет' : 'Дата и время'}</dt>
        <dd>
          <strong>
            {relativeDayLabel(startsAt, timeZone)}, {timeIn(startsAt, timeZone)}
          </strong>{' '}
          ({zoneLabel(timeZone, new Date(startsAt))})
        </dd>
      </dl>
      {deadline ? (
        <p className="muted" data-testid="hold-deadline">
          Время удержано за вами до {timeWithZone(deadline, timeZone)} — подтвердите запись, иначе оно
          освободится.
        </p>
      ) : null}
      <div className="row">
        <button type="button" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={onBack} disabled={busy}>
          Выбрать другое время
        </button>
      </div>
    </section>
  );
}
