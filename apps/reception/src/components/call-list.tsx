'use client';

import { errorCode } from '@medikamente/web-kit/client';
import { dateTimeIn } from '@medikamente/web-kit/format';
import { Empty, ErrorBox, errorText, Loading } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { CallStatus } from '@/gql/graphql';
import { CallListQuery, SetCallStatusMutation } from '@/operations/calls';
import type { Branch } from './branch-date';

const REASON = { NOT_CONFIRMED: 'не подтвердил визит', NO_CHANNEL: 'напоминание не доставлено' };
const STATUS = { NOT_CALLED: 'не звонили', REACHED: 'дозвонились', NOT_REACHED: 'не дозвонились' };

/** Tomorrow's (or the chosen date's) patients to call, with the call's outcome. */
export function CallList({ branch, date }: { branch: Branch; date: string }) {
  const [list, refetch] = useQuery({ query: CallListQuery, variables: { branchId: branch.id, date } });
  const [marking, setCallStatus] = useMutation(SetCallStatusMutation);
  const [markError, setMarkError] = useState<string | null>(null);

  async function mark(appointmentId: string, status: CallStatus) {
    setMarkError(null);
    const r = await setCallStatus({ appointmentId, status });
    const p = r.data?.setCallStatus;
    if (r.error || !p?.entry)
      setMarkError(r.error ? errorText(errorCode(r.error)) : errorText(p?.inputErrors[0]?.code));
    refetch({ requestPolicy: 'network-only' });
  }

  if (list.error && !list.data)
    return <ErrorBox>Список обзвона пока недоступен: {errorText(errorCode(list.error))}</ErrorBox>;
  const entries = list.data?.callList;
  if (!entries) return <Loading />;
  if (!entries.length) return <Empty>Звонить некому: все пациенты на эту дату подтвердили визит.</Empty>;
  return (
    <>
      {markError ? <ErrorBox>{markError}</ErrorBox> : null}
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
                <Link href={`/patients/${e.appointment.patientId}`} id={`call-patient-${e.appointment.id}`}>
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
                  <button
                    type="button"
                    className="small"
                    disabled={marking.fetching}
                    aria-describedby={`call-patient-${e.appointment.id}`}
                    onClick={() => mark(e.appointment.id, 'REACHED')}
                  >
                    Дозвонились
                  </button>
                  <button
                    type="button"
                    className="secondary small"
                    disabled={marking.fetching}
                    aria-describedby={`call-patient-${e.appointment.id}`}
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
    </>
  );
}
