'use client';

import { errorCode, FRESH, newKey } from '@medikamente/web-kit/client';
import {
  addDays,
  dateTimeIn,
  relativeDayLabel,
  timeIn,
  todayIn,
  zoneLabel,
} from '@medikamente/web-kit/format';
import { SlotGrid, SlotPicker, WEEK_DAYS } from '@medikamente/web-kit/slots';
import { ErrorBox, errorText, Loading, Notice } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { AppointmentQuery, FreeSlotsQuery, RescheduleMutation } from '@/operations/booking';
import { ConfirmStep } from './confirm-step';

type Slot = {
  startsAt: string;
  endsAt: string;
  branchId: string;
  branch: { id: string; name: string; timeZone: string };
};

/**
 * Moves one of the patient's appointments to another free slot of the same doctor and service:
 * pick a time, then confirm it in the same explicit step as a booking.
 */
export function Reschedule({ appointmentId }: { appointmentId: string }) {
  const [appt] = useQuery({ query: AppointmentQuery, variables: { id: appointmentId } });
  const a = appt.data?.appointment;
  const tz = a?.branch?.timeZone ?? 'Europe/Moscow';
  const [week, setWeek] = useState(0);
  const from = addDays(todayIn(tz), week * WEEK_DAYS);
  const [slots, refetch] = useQuery({
    query: FreeSlotsQuery,
    variables: {
      input: {
        specialistId: a?.specialistId,
        branchId: a?.branchId,
        serviceId: a?.serviceId,
        from,
        to: addDays(from, WEEK_DAYS - 1),
        limit: 1000,
      },
    },
    pause: !a?.specialistId,
  });
  const [, reschedule] = useMutation(RescheduleMutation);
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ text: string; alternatives: Slot[] } | null>(null);
  const [busy, setBusy] = useState(false);

  if (appt.fetching) return <Loading />;
  // Someone else's (or an unknown) id: nothing about it is shown.
  if (appt.error || !a) return <ErrorBox>Запись не найдена</ErrorBox>;

  function choose(slot: Slot) {
    setFailure(null);
    setChosen(slot);
  }

  async function confirm() {
    if (!chosen) return;
    setBusy(true);
    const r = await reschedule({
      input: { appointmentId, startsAt: chosen.startsAt, idempotencyKey: newKey() },
    });
    setBusy(false);
    const p = r.data?.rescheduleAppointment;
    if (p?.appointment) {
      setDone(p.appointment.startsAt ?? chosen.startsAt);
      setChosen(null);
      return;
    }
    setChosen(null);
    setFailure({
      text: errorText(p?.inputErrors[0]?.code ?? errorCode(r.error), 'Не удалось перенести запись'),
      alternatives: p?.alternatives ?? [],
    });
    refetch(FRESH);
  }

  if (done) {
    return (
      <Notice>
        Запись перенесена на {relativeDayLabel(done, tz)}, {timeIn(done, tz)} ({zoneLabel(tz, new Date(done))}
        ). <Link href="/appointments">Мои записи</Link>
      </Notice>
    );
  }
  if (chosen) {
    return (
      <ConfirmStep
        title="Перенести запись?"
        doctor={a.specialist?.displayName ?? ''}
        service={a.service?.name ?? ''}
        branch={`${a.branch?.name ?? ''}, ${a.branch?.address ?? ''}`}
        startsAt={chosen.startsAt}
        timeZone={tz}
        previousStartsAt={a.startsAt}
        confirmLabel="Перенести запись"
        onConfirm={confirm}
        onBack={() => setChosen(null)}
        busy={busy}
      />
    );
  }
  return (
    <>
      <div className="card">
        <p style={{ margin: 0 }}>
          {a.specialist?.displayName} · {a.service?.name} · {a.branch?.name}
          <br />
          Сейчас: <strong>{a.startsAt ? dateTimeIn(a.startsAt, tz) : '—'}</strong> ({zoneLabel(tz)})
        </p>
      </div>
      {failure ? (
        <div className="alert warn" role="alert">
          <strong>{failure.text}.</strong> {failure.alternatives.length ? 'Ближайшее свободное время:' : null}
          {failure.alternatives.length ? (
            <SlotGrid slots={failure.alternatives} onPick={choose} disabled={busy} />
          ) : null}
        </div>
      ) : null}
      <h2>Новое время</h2>
      {slots.fetching && !slots.data ? <Loading label="Ищем свободное время…" /> : null}
      {slots.error ? <ErrorBox>Не удалось загрузить расписание</ErrorBox> : null}
      {slots.data ? (
        <SlotPicker
          key={from}
          slots={slots.data.freeSlots}
          from={from}
          timeZone={tz}
          onPick={choose}
          onWeek={(d) => setWeek(Math.max(0, week + d))}
          canGoBack={week > 0}
          disabled={busy}
        />
      ) : null}
    </>
  );
}
