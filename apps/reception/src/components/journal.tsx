'use client';

import { errorCode, newKey } from '@medikamente/web-kit/client';
import { STATUS_LABELS, timeIn } from '@medikamente/web-kit/format';
import { Empty, ErrorBox, errorText, Loading, Notice } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { BranchJournalQuery } from '@/gql/graphql';
import { BranchSpecialistsQuery } from '@/operations/catalog';
import {
  CancelMutation,
  CheckInMutation,
  ConfirmMutation,
  JournalQuery,
  NoShowMutation,
} from '@/operations/journal';
import type { Branch } from './branch-date';

type Appt = BranchJournalQuery['branchJournal'][number];
const SOURCE: Record<string, string> = {
  PORTAL: 'портал',
  RECEPTION: 'регистратура',
  REMINDER: 'напоминание',
};
const CANCEL_REASONS = ['По просьбе пациента', 'Болезнь врача', 'Ошибка записи', 'Другое'];

/** Live state of the branch's event stream (server-sent events from /api/live). */
function useLive(
  branchId: string,
  onEvent: (appointmentId: string | null) => void,
): 'connecting' | 'live' | 'offline' {
  const [state, setState] = useState<'connecting' | 'live' | 'offline'>('connecting');
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    setState('connecting');
    const es = new EventSource(`/api/live?branchId=${encodeURIComponent(branchId)}`);
    es.addEventListener('ready', () => {
      setState('live');
      handler.current(null);
    });
    es.addEventListener('appointment', (e) => {
      const ev = JSON.parse((e as MessageEvent<string>).data) as { appointmentId?: string };
      handler.current(ev.appointmentId ?? null);
    });
    es.onerror = () => setState('offline');
    return () => es.close();
  }, [branchId]);
  return state;
}

/** The day journal of a branch: one column per doctor, live over SSE, with the desk's actions. */
export function Journal({ branch, date }: { branch: Branch; date: string }) {
  const [doctors] = useQuery({ query: BranchSpecialistsQuery, variables: { branchId: branch.id } });
  const [journal, refetch] = useQuery({ query: JournalQuery, variables: { branchId: branch.id, date } });
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [reason, setReason] = useState(CANCEL_REASONS[0]!);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [, confirm] = useMutation(ConfirmMutation);
  const [, checkIn] = useMutation(CheckInMutation);
  const [, noShow] = useMutation(NoShowMutation);
  const [, cancel] = useMutation(CancelMutation);

  const onEvent = useCallback(
    (appointmentId: string | null) => {
      if (appointmentId) setFresh((s) => new Set(s).add(appointmentId));
      // Several events in a burst cause one reload.
      clearTimeout(timer.current);
      timer.current = setTimeout(() => refetch({ requestPolicy: 'network-only' }), 100);
    },
    [refetch],
  );
  const live = useLive(branch.id, onEvent);

  async function act(kind: 'confirm' | 'checkIn' | 'noShow', id: string) {
    const run = { confirm, checkIn, noShow }[kind];
    const r = await run({ appointmentId: id });
    const p = r.data ? Object.values(r.data)[0] : undefined;
    if (p?.appointment)
      setMessage({
        ok: true,
        text: {
          confirm: 'Визит подтверждён',
          checkIn: 'Пациент отмечен как пришедший',
          noShow: 'Отмечена неявка',
        }[kind],
      });
    else
      setMessage({
        ok: false,
        text: errorText(p?.inputErrors[0]?.code ?? errorCode(r.error), 'Действие не выполнено'),
      });
    refetch({ requestPolicy: 'network-only' });
  }

  async function doCancel(id: string) {
    const r = await cancel({ input: { appointmentId: id, reason, idempotencyKey: newKey() } });
    setCancelling(null);
    const p = r.data?.cancelAppointment;
    setMessage(
      p?.appointment
        ? { ok: true, text: 'Запись отменена' }
        : {
            ok: false,
            text: errorText(p?.inputErrors[0]?.code ?? errorCode(r.error), 'Не удалось отменить'),
          },
    );
    refetch({ requestPolicy: 'network-only' });
  }

  const list = journal.data?.branchJournal ?? [];
  const columns = doctors.data?.specialists ?? [];
  const byDoctor = (id: string) =>
    list
      .filter((a) => a.specialistId === id)
      .sort((a, b) => (a.startsAt ?? '').localeCompare(b.startsAt ?? ''));
  const orphans = list.filter((a) => !columns.some((d) => d.id === a.specialistId));

  const card = (a: Appt) => {
    const active = a.status === 'BOOKED' || a.status === 'CONFIRMED';
    return (
      <article
        key={a.id}
        className={`appt${fresh.has(a.id) ? ' fresh' : ''}`}
        data-appointment-id={a.id}
        data-status={a.status}
        aria-label={`${a.startsAt ? timeIn(a.startsAt, branch.timeZone) : ''} ${a.patient.fullName ?? ''}`}
      >
        <div className="row" style={{ justifyContent: 'space-between', gap: 4 }}>
          <strong>
            {a.startsAt ? timeIn(a.startsAt, branch.timeZone) : '—'}–
            {a.endsAt ? timeIn(a.endsAt, branch.timeZone) : ''}
          </strong>
          <span className={`badge ${a.status ?? ''}`}>{STATUS_LABELS[a.status ?? ''] ?? a.status}</span>
        </div>
        <div>
          <Link href={`/patients/${a.patientId}`}>
            {a.patient.fullName ?? <span className="denied">нет доступа</span>}
          </Link>
        </div>
        <div className="muted">
          {[a.patient.phone, a.service?.name, SOURCE[a.source ?? ''] ?? a.source].filter(Boolean).join(' · ')}
          {a.overbooked ? ' · сверх расписания' : ''}
          {a.cancelledLate ? ' · поздняя отмена' : ''}
        </div>
        {active ? (
          <div className="actions">
            {a.status === 'BOOKED' ? (
              <button type="button" className="small" onClick={() => act('confirm', a.id)}>
                Подтвердить
              </button>
            ) : null}
            <button
              type="button"
              className="small"
              data-action="check-in"
              onClick={() => act('checkIn', a.id)}
            >
              Пришёл
            </button>
            <button type="button" className="secondary small" onClick={() => act('noShow', a.id)}>
              Не пришёл
            </button>
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
          <div className="row" style={{ marginTop: 6 }}>
            <div className="field">
              <label htmlFor={`reason-${a.id}`}>Причина отмены</label>
              <select id={`reason-${a.id}`} value={reason} onChange={(e) => setReason(e.target.value)}>
                {CANCEL_REASONS.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </div>
            <button type="button" className="danger small" onClick={() => doCancel(a.id)}>
              Отменить запись
            </button>
            <button type="button" className="secondary small" onClick={() => setCancelling(null)}>
              Закрыть
            </button>
          </div>
        ) : null}
      </article>
    );
  };

  return (
    <>
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <h2 style={{ margin: 0 }}>
          Журнал на{' '}
          {new Date(`${date}T12:00:00Z`).toLocaleDateString('ru-RU', {
            weekday: 'long',
            day: 'numeric',
            month: 'long',
            timeZone: 'UTC',
          })}
        </h2>
        <output className="muted" data-live={live}>
          {live === 'live'
            ? '● обновляется в реальном времени'
            : live === 'connecting'
              ? 'подключение…'
              : 'нет связи, переподключаемся…'}
        </output>
      </div>
      {message ? message.ok ? <Notice>{message.text}</Notice> : <ErrorBox>{message.text}</ErrorBox> : null}
      {journal.error ? (
        <ErrorBox>{errorText(errorCode(journal.error), 'Не удалось загрузить журнал')}</ErrorBox>
      ) : null}
      {(journal.fetching && !journal.data) || (doctors.fetching && !doctors.data) ? <Loading /> : null}
      {journal.data && !columns.length ? <Empty>В этом филиале нет врачей</Empty> : null}
      {columns.length ? (
        <div style={{ overflowX: 'auto' }}>
          <table className="grid" aria-label="Журнал записей по врачам">
            <thead>
              <tr>
                {columns.map((d) => (
                  <th key={d.id} scope="col">
                    {d.displayName}
                    <div className="muted">{d.specialties.join(', ')}</div>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {columns.map((d) => {
                  const items = byDoctor(d.id);
                  return (
                    <td key={d.id} data-specialist-id={d.id} style={{ minWidth: 220 }}>
                      {items.length ? items.map(card) : <span className="muted">Записей нет</span>}
                    </td>
                  );
                })}
              </tr>
            </tbody>
          </table>
        </div>
      ) : null}
      {orphans.length ? (
        <>
          <h3>Другие врачи</h3>
          {orphans.map(card)}
        </>
      ) : null}
    </>
  );
}
