'use client';

import { dateTimeIn } from '@medikamente/web-kit/format';
import { Empty, ErrorBox, Loading } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import type { Branch } from './branch-date';

type Entry = {
  reason: 'NOT_CONFIRMED' | 'NO_CHANNEL';
  callStatus: 'NOT_CALLED' | 'REACHED' | 'NOT_REACHED';
  calledAt: string | null;
  appointment: {
    id: string;
    startsAt: string | null;
    patientId: string;
    patient: { fullName: string | null; phone: string | null };
    specialist: { displayName: string } | null;
    service: { name: string } | null;
  };
};
const REASON = { NOT_CONFIRMED: 'не подтвердил визит', NO_CHANNEL: 'напоминание не доставлено' };
const STATUS = { NOT_CALLED: 'не звонили', REACHED: 'дозвонились', NOT_REACHED: 'не дозвонились' };

/** Tomorrow's (or the chosen date's) patients to call, with the call's outcome. */
export function CallList({ branch, date }: { branch: Branch; date: string }) {
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(async () => {
    setFailed(false);
    const res = await fetch(`/api/calls?branchId=${branch.id}&date=${date}`).catch(() => null);
    const body = res
      ? ((await res.json().catch(() => null)) as { data?: { callList: Entry[] } } | null)
      : null;
    if (body?.data?.callList) setEntries(body.data.callList);
    else setFailed(true);
  }, [branch.id, date]);
  useEffect(() => {
    setEntries(null);
    void load();
  }, [load]);

  async function mark(appointmentId: string, status: Entry['callStatus']) {
    await fetch('/api/calls', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appointmentId, status }),
    });
    await load();
  }

  if (failed) return <ErrorBox>Список обзвона пока недоступен. Повторите позже.</ErrorBox>;
  if (!entries) return <Loading />;
  if (!entries.length) return <Empty>Звонить некому: все пациенты на эту дату подтвердили визит.</Empty>;
  return (
    <table className="grid" aria-label="Обзвон пациентов">
      <thead>
        <tr>
          <th scope="col">Время</th>
          <th scope="col">Пациент</th>
          <th scope="col">Телефон</th>
          <th scope="col">Врач, услуга</th>
          <th scope="col">Почему звоним</th>
          <th scope="col">Звонок</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.appointment.id} data-appointment-id={e.appointment.id} data-call-status={e.callStatus}>
            <td>{e.appointment.startsAt ? dateTimeIn(e.appointment.startsAt, branch.timeZone) : '—'}</td>
            <td>
              <Link href={`/patients/${e.appointment.patientId}`}>
                {e.appointment.patient.fullName ?? 'нет доступа'}
              </Link>
            </td>
            <td>{e.appointment.patient.phone ?? '—'}</td>
            <td>
              {e.appointment.specialist?.displayName}, {e.appointment.service?.name}
            </td>
            <td>{REASON[e.reason]}</td>
            <td>
              <div>
                {STATUS[e.callStatus]}
                {e.calledAt ? `, ${dateTimeIn(e.calledAt, branch.timeZone)}` : ''}
              </div>
              <div className="row" style={{ gap: 4, marginTop: 4 }}>
                <button type="button" className="small" onClick={() => mark(e.appointment.id, 'REACHED')}>
                  Дозвонились
                </button>
                <button
                  type="button"
                  className="secondary small"
                  onClick={() => mark(e.appointment.id, 'NOT_REACHED')}
                >
                  Не дозвонились
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
