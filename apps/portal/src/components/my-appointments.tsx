'use client';

import { errorCode, newKey } from '@medikamente/web-kit/client';
import { dateTimeIn, STATUS_LABELS, zoneLabel } from '@medikamente/web-kit/format';
import { Empty, ErrorBox, errorText, Loading, Notice } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CancelMutation, ConfirmAppointmentMutation, MyAppointmentsQuery } from '@/operations/booking';

const CANCEL_REASONS = ['Планы изменились', 'Записался к другому врачу', 'Плохое самочувствие', 'Другое'];

type View = 'UPCOMING' | 'PAST' | 'CANCELLED';
const plural = new Intl.PluralRules('ru-RU');
const HOURS: Record<string, string> = { one: 'час', few: 'часа', many: 'часов', other: 'часа' };
const hours = (n: number) => `${n} ${HOURS[plural.select(n)]}`;

/**
 * Whether cancelling now counts as late: closer to the start than the branch's late-cancellation
 * window (the server decides the same way and marks the appointment `cancelledLate`).
 */
export const isLateCancel = (startsAt: string, lateCancelHours: number, now = Date.now()) =>
  Date.parse(startsAt) - now < lateCancelHours * 3_600_000;

/**
 * The signed-in patient's appointments: upcoming, past (took place or missed) and cancelled
 * apart — a cancelled visit for tomorrow is not "past". Confirm, reschedule and cancel (warned
 * beforehand when the cancellation would be late).
 */
export function MyAppointments() {
  const [view, setView] = useState<View>('UPCOMING');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MyAppointmentsQuery,
    variables: { period: view === 'UPCOMING' ? 'UPCOMING' : 'PAST' },
  });
  // The server's PAST list holds what has ended and every cancellation: split them.
  const list = (data?.myAppointments ?? []).filter((a) =>
    view === 'UPCOMING' ? a.status !== 'CANCELLED' : (a.status === 'CANCELLED') === (view === 'CANCELLED'),
  );
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

  const tab = (v: View, label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${v}`}
      aria-selected={view === v}
      aria-controls="appointments-panel"
      onClick={() => {
        setView(v);
        setCancelling(null);
      }}
    >
      {label}
    </button>
  );

  return (
    <>
      <div className="tabs" role="tablist" aria-label="Период">
        {tab('UPCOMING', 'Предстоящие')}
        {tab('PAST', 'Прошедшие')}
        {tab('CANCELLED', 'Отменённые')}
      </div>
      {message ? (
        message.kind === 'ok' ? (
          <Notice>{message.text}</Notice>
        ) : (
          <ErrorBox>{message.text}</ErrorBox>
        )
      ) : null}
      <section id="appointments-panel" role="tabpanel" aria-labelledby={`tab-${view}`} aria-busy={fetching}>
        {fetching && !data ? <Loading /> : null}
        {error ? <ErrorBox>{errorText(errorCode(error), 'Не удалось загрузить записи')}</ErrorBox> : null}
        {data && !list.length ? (
          <Empty>
            {view === 'UPCOMING' ? (
              <>
                Предстоящих записей нет. <Link href="/">Записаться к врачу</Link>
              </>
            ) : view === 'PAST' ? (
              'Прошедших записей нет.'
            ) : (
              'Отменённых записей нет.'
            )}
          </Empty>
        ) : null}
        <ul className="list">
          {list.map((a) => {
            const tz = a.branch?.timeZone ?? 'Europe/Moscow';
            const active = view === 'UPCOMING' && (a.status === 'BOOKED' || a.status === 'CONFIRMED');
            const window = a.branch?.settings.lateCancelHours ?? 0;
            const late = a.startsAt ? isLateCancel(a.startsAt, window) : false;
            return (
              <li key={a.id} className="card" data-appointment-id={a.id}>
                <div className="row" style={{ justifyContent: 'space-between' }}>
                  <strong>{a.startsAt ? dateTimeIn(a.startsAt, tz) : '—'}</strong>
                  <span className={`badge ${a.status ?? ''}`}>
                    {STATUS_LABELS[a.status ?? ''] ?? a.status}
                    {a.status === 'CANCELLED' && a.cancelledLate ? ' (поздняя отмена)' : ''}
                  </span>
                </div>
                <p style={{ margin: '6px 0' }}>
                  {a.specialist?.displayName} · {a.service?.name}
                  <br />
                  <span className="muted">
                    {a.branch?.name}, {a.branch?.address} ·{' '}
                    {zoneLabel(tz, new Date(a.startsAt ?? Date.now()))}
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
                  <div className="stack" style={{ marginTop: 8 }}>
                    {late ? (
                      <div className="alert warn" data-testid="late-cancel-warning">
                        <strong>Это будет поздняя отмена.</strong> До приёма меньше {hours(window)}, а по
                        правилам клиники отменить запись можно не позднее чем за {hours(window)} до начала
                        приёма. Отмена будет отмечена как поздняя.
                      </div>
                    ) : null}
                    <div className="row">
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
