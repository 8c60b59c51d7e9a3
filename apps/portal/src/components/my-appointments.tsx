'use client';

import { errorCode, newKey } from '@medikamente/web-kit/client';
import { dateTimeIn, STATUS_LABELS, zoneLabel } from '@medikamente/web-kit/format';
import { Empty, ErrorBox, errorText, Loading, Notice } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { AppointmentPeriod } from '@/gql/graphql';
import { CancelMutation, ConfirmAppointmentMutation, MyAppointmentsQuery } from '@/operations/booking';

const CANCEL_REASONS = ['Планы изменились', 'Записался к другому врачу', 'Плохое самочувствие', 'Другое'];

/** Upcoming and past appointments of the signed-in patient, with confirm, reschedule and cancel. */
export function MyAppointments() {
  const [period, setPeriod] = useState<AppointmentPeriod>('UPCOMING');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MyAppointmentsQuery,
    variables: { period },
  });
  const [, cancel] = useMutation(CancelMutation);
  const [, confirm] = useMutation(ConfirmAppointmentMutation);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [reason, setReason] = useState(CANCEL_REASONS[0]!);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function doCancel(id: string) {
    const r = await cancel({ input: { appointmentId: id, reason, idempotencyKey: newKey() } });
    const p = r.data?.cancelAppointment;
    setCancelling(null);
    if (p?.appointment) {
      setMessage({
        kind: 'ok',
        text: p.appointment.cancelledLate ? 'Запись отменена (поздняя отмена).' : 'Запись отменена.',
      });
      refetch({ requestPolicy: 'network-only' });
    } else
      setMessage({
        kind: 'error',
        text: errorText(p?.inputErrors[0]?.code ?? errorCode(r.error), 'Не удалось отменить запись'),
      });
  }

  async function doConfirm(id: string) {
    const r = await confirm({ appointmentId: id });
    const p = r.data?.confirmAppointment;
    if (p?.appointment) {
      setMessage({ kind: 'ok', text: 'Спасибо! Визит подтверждён.' });
      refetch({ requestPolicy: 'network-only' });
    } else
      setMessage({
        kind: 'error',
        text: errorText(p?.inputErrors[0]?.code ?? errorCode(r.error), 'Не удалось подтвердить визит'),
      });
  }

  const tab = (p: AppointmentPeriod, label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={period === p}
      aria-controls="appointments-panel"
      onClick={() => setPeriod(p)}
    >
      {label}
    </button>
  );

  return (
    <>
      <div className="tabs" role="tablist" aria-label="Период">
        {tab('UPCOMING', 'Предстоящие')}
        {tab('PAST', 'Прошедшие')}
      </div>
      {message ? (
        message.kind === 'ok' ? (
          <Notice>{message.text}</Notice>
        ) : (
          <ErrorBox>{message.text}</ErrorBox>
        )
      ) : null}
      <section id="appointments-panel" role="tabpanel" aria-busy={fetching}>
        {fetching && !data ? <Loading /> : null}
        {error ? <ErrorBox>{errorText(errorCode(error), 'Не удалось загрузить записи')}</ErrorBox> : null}
        {data && !data.myAppointments.length ? (
          <Empty>
            {period === 'UPCOMING' ? (
              <>
                Предстоящих записей нет. <Link href="/">Записаться к врачу</Link>
              </>
            ) : (
              'Прошедших записей нет.'
            )}
          </Empty>
        ) : null}
        <ul className="list">
          {data?.myAppointments.map((a) => {
            const tz = a.branch?.timeZone ?? 'Europe/Moscow';
            const active = period === 'UPCOMING' && (a.status === 'BOOKED' || a.status === 'CONFIRMED');
            return (
              <li key={a.id} className="card" data-appointment-id={a.id}>
                <div className="row" style={{ justifyContent: 'space-between' }}>
                  <strong>{a.startsAt ? dateTimeIn(a.startsAt, tz) : '—'}</strong>
                  <span className={`badge ${a.status ?? ''}`}>
                    {STATUS_LABELS[a.status ?? ''] ?? a.status}
                  </span>
                </div>
                <p style={{ margin: '6px 0' }}>
                  {a.specialist?.displayName} · {a.service?.name}
                  <br />
                  <span className="muted">
                    {a.branch?.name}, {a.branch?.address} · {zoneLabel(tz)}
                  </span>
                </p>
                {active ? (
                  <div className="row">
                    {a.status === 'BOOKED' ? (
                      <button type="button" className="small" onClick={() => doConfirm(a.id)}>
                        Подтвердить визит
                      </button>
                    ) : null}
                    <Link className="button secondary small" href={`/appointments/${a.id}/reschedule`}>
                      Перенести
                    </Link>
                    <button
                      type="button"
                      className="danger small"
                      onClick={() => setCancelling(a.id)}
                      aria-expanded={cancelling === a.id}
                    >
                      Отменить
                    </button>
                  </div>
                ) : null}
                {cancelling === a.id ? (
                  <div className="row" style={{ marginTop: 8 }}>
                    <div className="field">
                      <label htmlFor={`reason-${a.id}`}>Причина отмены</label>
                      <select
                        id={`reason-${a.id}`}
                        value={reason}
                        onChange={(e) => setReason(e.target.value)}
                      >
                        {CANCEL_REASONS.map((r) => (
                          <option key={r}>{r}</option>
                        ))}
                      </select>
                    </div>
                    <button type="button" className="danger" onClick={() => doCancel(a.id)}>
                      Отменить запись
                    </button>
                    <button type="button" className="secondary" onClick={() => setCancelling(null)}>
                      Не отменять
                    </button>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
