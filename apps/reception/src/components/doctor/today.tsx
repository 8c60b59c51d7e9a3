'use client';

import { errorCode } from '@medikamente/web-kit/client';
import {
  addDays,
  dayKey,
  dayLabel,
  STATUS_LABELS,
  timeIn,
  todayIn,
  zoneLabel,
} from '@medikamente/web-kit/format';
import { Empty, ErrorBox, errorText, Loading } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useClient, useQuery } from 'urql';
import { DoctorTodayQuery, OpenVisitMutation, VisitForAppointmentQuery } from '@/operations/record';
import { birthLine } from '../record/labels';

const CLINIC_ZONE = 'Europe/Moscow';
/** Appointments a visit can be written for (not cancelled, not missed, not a held slot). */
const WORKABLE = new Set(['BOOKED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED']);

/**
 * The signed-in doctor's patients today (each appointment's own branch day), in time order, with
 * the patient's card and the visit of the appointment one click away.
 */
export function DoctorToday() {
  const router = useRouter();
  const client = useClient();
  // A day either side of Moscow's today: every branch's "today" lies inside, filtered per zone below.
  const today = todayIn(CLINIC_ZONE);
  const [{ data, fetching, error }] = useQuery({
    query: DoctorTodayQuery,
    variables: { from: addDays(today, -1), to: addDays(today, 1) },
  });
  const [opening, setOpening] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const list = (data?.doctorSchedule ?? [])
    .filter((a) => {
      const tz = a.branch?.timeZone ?? CLINIC_ZONE;
      return a.startsAt && a.status !== 'CANCELLED' && dayKey(a.startsAt, tz) === todayIn(tz);
    })
    .sort((a, b) => Date.parse(a.startsAt!) - Date.parse(b.startsAt!));

  async function openVisit(a: (typeof list)[number]) {
    setOpening(a.id);
    setFailure(null);
    try {
      const found = await client
        .query(VisitForAppointmentQuery, { appointmentId: a.id }, { requestPolicy: 'network-only' })
        .toPromise();
      let visitId = found.data?.visitForAppointment?.id;
      if (!visitId) {
        const r = await client
          .mutation(OpenVisitMutation, {
            input: { patientId: a.patientId, appointmentId: a.id, branchId: a.branchId },
          })
          .toPromise();
        const p = r.data?.openVisit;
        visitId = p?.visit?.id;
        if (!visitId) {
          setFailure(errorText(p?.inputErrors[0]?.code ?? errorCode(r.error), 'Не удалось открыть приём'));
          return;
        }
      }
      router.push(`/record/${a.patientId}/visits/${visitId}`);
    } finally {
      setOpening(null);
    }
  }

  const zone = list[0]?.branch?.timeZone ?? CLINIC_ZONE;
  return (
    <>
      <p className="muted">
        {dayLabel(new Date().toISOString(), zone)} · {zoneLabel(zone)}
      </p>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorBox>{errorText(errorCode(error), 'Не удалось загрузить расписание')}</ErrorBox> : null}
      {failure ? <ErrorBox>{failure}</ErrorBox> : null}
      {data && !list.length ? <Empty>Сегодня записей нет.</Empty> : null}
      <ul className="list patients-today" aria-label="Пациенты на сегодня">
        {list.map((a) => {
          const tz = a.branch?.timeZone ?? CLINIC_ZONE;
          const name = a.patient.fullName ?? 'Пациент (имя скрыто)';
          return (
            <li key={a.id} className="card" data-appointment-id={a.id} data-status={a.status}>
              <span className="time">
                {timeIn(a.startsAt!, tz)}
                {a.endsAt ? `–${timeIn(a.endsAt, tz)}` : ''}
              </span>
              <span style={{ flex: '1 1 260px' }}>
                <Link href={`/record/${a.patientId}`}>{name}</Link>
                <br />
                <span className="muted">
                  {[birthLine(a.patient.birthDate), a.service?.name, a.branch?.name]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </span>
              <span className={`badge ${a.status ?? ''}`}>{STATUS_LABELS[a.status ?? ''] ?? a.status}</span>
              {WORKABLE.has(a.status ?? '') ? (
                <button
                  type="button"
                  className="small"
                  onClick={() => openVisit(a)}
                  disabled={opening === a.id}
                  aria-label={`Открыть приём: ${name}, ${timeIn(a.startsAt!, tz)}`}
                >
                  {opening === a.id ? 'Открываем…' : 'Открыть приём'}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
