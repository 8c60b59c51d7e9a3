'use client';

import { errorCode, FRESH, newKey } from '@medikamente/web-kit/client';
import { addDays, dateTimeIn, todayIn, zoneLabel } from '@medikamente/web-kit/format';
import { SlotGrid } from '@medikamente/web-kit/slots';
import { ErrorBox, errorText, Loading, Notice } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { AppointmentQuery, FreeSlotsQuery, RescheduleMutation } from '@/operations/booking';

type Slot = {
  startsAt: string;
  endsAt: string;
  branchId: string;
  branch: { id: string; name: string; timeZone: string };
};

/** Moves one of the patient's appointments to another free slot of the same doctor and service. */
export function Reschedule({ appointmentId }: { appointmentId: string }) {
  const [appt] = useQuery({ query: AppointmentQuery, variables: { id: appointmentId } });
  const a = appt.data?.appointment;
  const tz = a?.branch?.timeZone ?? 'Europe/Moscow';
  const from = todayIn(tz);
  const [slots, refetch] = useQuery({
    query: FreeSlotsQuery,
    variables: {
      input: {
        specialistId: a?.specialistId,
        branchId: a?.branchId,
        serviceId: a?.serviceId,
        from,
        to: addDays(from, 13),
        limit: 1000,
      },
    },
    pause: !a?.specialistId,
  });
  const [, reschedule] = useMutation(RescheduleMutation);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ text: string; alternatives: Slot[] } | null>(null);
  const [busy, setBusy] = useState(false);

  if (appt.fetching) return <Loading />;
  // Someone else's (or an unknown) id: nothing about it is shown.
  if (appt.error || !a) return <ErrorBox>Запись не найдена</ErrorBox>;

  async function pick(slot: Slot) {
    setBusy(true);
    setFailure(null);
    const r = await reschedule({
      input: { appointmentId, startsAt: slot.startsAt, idempotencyKey: newKey() },
    });
    setBusy(false);
    const p = r.data?.rescheduleAppointment;
    if (p?.appointment) {
      setDone(p.appointment.startsAt ?? slot.startsAt);
      return;
    }
    setFailure({
      text: errorText(p?.inputErrors[0]?.code ?? errorCode(r.error), 'Не удалось перенести запись'),
      alternatives: p?.alternatives ?? [],
    });
    refetch(FRESH);
  }

  if (done) {
    return (
      <Notice>
        Запись перенесена на {dateTimeIn(done, tz)} ({zoneLabel(tz)}).{' '}
        <Link href="/appointments">Мои записи</Link>
      </Notice>
    );
  }
  return (
    <>
      <div className="card">
        <p style={{ margin: 0 }}>
          {a.specialist?.displayName} · {a.service?.name} · {a.branch?.name}
          <br />
          Сейчас: <strong>{a.startsAt ? dateTimeIn(a.startsAt, tz) : '—'}</strong>
        </p>
      </div>
      {failure ? (
        <div className="alert warn" role="alert">
          <strong>{failure.text}.</strong> {failure.alternatives.length ? 'Ближайшее свободное время:' : null}
          {failure.alternatives.length ? (
            <SlotGrid slots={failure.alternatives} onPick={pick} disabled={busy} />
          ) : null}
        </div>
      ) : null}
      <h2>Новое время</h2>
      {slots.fetching && !slots.data ? <Loading label="Ищем свободное время…" /> : null}
      {slots.error ? <ErrorBox>Не удалось загрузить расписание</ErrorBox> : null}
      {slots.data ? <SlotGrid slots={slots.data.freeSlots} onPick={pick} disabled={busy} /> : null}
    </>
  );
}
