'use client';

import { errorCode, newKey } from '@medikamente/web-kit/client';
import { addDays, dateTimeIn, todayIn, zoneLabel } from '@medikamente/web-kit/format';
import { dativeName } from '@medikamente/web-kit/names';
import { SlotGrid, SlotPicker, WEEK_DAYS } from '@medikamente/web-kit/slots';
import { ErrorBox, errorText, Loading, Notice } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { BranchSpecialistsQuery, SlotsQuery } from '@/operations/catalog';
import { AppointmentQuery, BookMutation, RescheduleMutation } from '@/operations/journal';
import { PatientCardQuery } from '@/operations/patients';
import type { Branch } from './branch-date';

type Slot = {
  startsAt: string;
  endsAt: string;
  branchId: string;
  branch: { id: string; name: string; timeZone: string };
};
function useSlots(
  input: { specialistId?: string; serviceId?: string; branchId?: string; timeZone?: string },
  week: number,
) {
  const from = input.timeZone ? addDays(todayIn(input.timeZone), week * WEEK_DAYS) : '';
  const [result, refetch] = useQuery({
    query: SlotsQuery,
    variables: {
      input: {
        specialistId: input.specialistId,
        serviceId: input.serviceId,
        branchId: input.branchId,
        from,
        to: from ? addDays(from, WEEK_DAYS - 1) : '',
        limit: 1000,
      },
    },
    pause: !input.specialistId || !input.serviceId || !input.branchId || !from,
  });
  return [result, refetch, from] as const;
}

/** Booking on a patient's behalf (bookAppointment with patientId); SLOT_TAKEN offers alternatives. */
export function BookOnBehalf({ branch, patientId }: { branch: Branch; patientId: string }) {
  const [patient] = useQuery({ query: PatientCardQuery, variables: { id: patientId } });
  const [doctors] = useQuery({ query: BranchSpecialistsQuery, variables: { branchId: branch.id } });
  const [specialistId, setSpecialistId] = useState<string>('');
  const [serviceId, setServiceId] = useState<string>('');
  const [week, setWeek] = useState(0);
  const doctor = doctors.data?.specialists.find((d) => d.id === specialistId) ?? doctors.data?.specialists[0];
  const service = doctor?.services.find((s) => s.id === serviceId) ?? doctor?.services[0];
  const [slots, refetch, from] = useSlots(
    { specialistId: doctor?.id, serviceId: service?.id, branchId: branch.id, timeZone: branch.timeZone },
    week,
  );
  const [, book] = useMutation(BookMutation);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ text: string; alternatives: Slot[] } | null>(null);
  const [busy, setBusy] = useState(false);

  if (patient.fetching || doctors.fetching) return <Loading />;
  if (!patient.data?.patient) return <ErrorBox>Пациент не найден</ErrorBox>;

  async function pick(slot: Slot) {
    if (!doctor || !service) return;
    setBusy(true);
    setFailure(null);
    const r = await book({
      input: {
        specialistId: doctor.id,
        branchId: branch.id,
        serviceId: service.id,
        startsAt: slot.startsAt,
        patientId,
        idempotencyKey: newKey(),
      },
    });
    setBusy(false);
    const p = r.data?.bookAppointment;
    if (p?.appointment) {
      setDone(p.appointment.startsAt ?? slot.startsAt);
      return;
    }
    setFailure({
      text: errorText(p?.inputErrors[0]?.code ?? errorCode(r.error), 'Не удалось записать'),
      alternatives: p?.alternatives ?? [],
    });
    refetch({ requestPolicy: 'network-only' });
  }

  if (done) {
    return (
      <Notice>
        {patient.data.patient.fullName} записан(а) к врачу {dativeName(doctor?.displayName ?? '')} на{' '}
        {dateTimeIn(done, branch.timeZone)} ({zoneLabel(branch.timeZone)}).{' '}
        <Link href={`/?branch=${branch.id}&date=${done.slice(0, 10)}`}>Открыть журнал</Link>
      </Notice>
    );
  }
  return (
    <>
      <div className="card row">
        <p style={{ margin: 0, flex: '1 1 100%' }}>
          Пациент: <strong>{patient.data.patient.fullName}</strong> · {patient.data.patient.phone ?? ''}
        </p>
        <div className="field">
          <label htmlFor="doctor">Врач</label>
          <select id="doctor" value={doctor?.id ?? ''} onChange={(e) => setSpecialistId(e.target.value)}>
            {doctors.data?.specialists.map((d) => (
              <option key={d.id} value={d.id}>
                {d.displayName} — {d.specialties.join(', ')}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="service">Услуга</label>
          <select id="service" value={service?.id ?? ''} onChange={(e) => setServiceId(e.target.value)}>
            {doctor?.services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.durationMinutes} мин)
              </option>
            ))}
          </select>
        </div>
      </div>
      {failure ? (
        <div className="alert warn" role="alert">
          <strong>{failure.text}.</strong> {failure.alternatives.length ? 'Ближайшее свободное время:' : null}
          {failure.alternatives.length ? (
            <SlotGrid slots={failure.alternatives} onPick={pick} disabled={busy} />
          ) : null}
        </div>
      ) : null}
      <h2>Свободное время</h2>
      {slots.fetching && !slots.data ? <Loading label="Ищем свободное время…" /> : null}
      {slots.error ? <ErrorBox>Не удалось загрузить расписание</ErrorBox> : null}
      {slots.data ? (
        <SlotPicker
          key={`${doctor?.id}|${service?.id}|${from}`}
          slots={slots.data.freeSlots}
          from={from}
          timeZone={branch.timeZone}
          onPick={pick}
          onWeek={(d) => setWeek(Math.max(0, week + d))}
          canGoBack={week > 0}
          disabled={busy}
        />
      ) : null}
    </>
  );
}

/** Moves an appointment to another free slot of the same doctor and service. */
export function RescheduleAppointment({ appointmentId }: { appointmentId: string }) {
  const [appt] = useQuery({ query: AppointmentQuery, variables: { id: appointmentId } });
  const a = appt.data?.appointment;
  const [week, setWeek] = useState(0);
  const [slots, refetch, from] = useSlots(
    {
      specialistId: a?.specialistId ?? undefined,
      serviceId: a?.serviceId ?? undefined,
      branchId: a?.branchId ?? undefined,
      timeZone: a?.branch?.timeZone,
    },
    week,
  );
  const [, reschedule] = useMutation(RescheduleMutation);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ text: string; alternatives: Slot[] } | null>(null);
  const [busy, setBusy] = useState(false);
  if (appt.fetching) return <Loading />;
  if (!a) return <ErrorBox>{errorText(errorCode(appt.error), 'Запись не найдена')}</ErrorBox>;
  const tz = a.branch?.timeZone ?? 'Europe/Moscow';

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
      text: errorText(p?.inputErrors[0]?.code ?? errorCode(r.error), 'Не удалось перенести'),
      alternatives: p?.alternatives ?? [],
    });
    refetch({ requestPolicy: 'network-only' });
  }

  if (done) {
    return (
      <Notice>
        Запись перенесена на {dateTimeIn(done, tz)}.{' '}
        <Link href={`/?branch=${a.branchId}&date=${done.slice(0, 10)}`}>Открыть журнал</Link>
      </Notice>
    );
  }
  return (
    <>
      <div className="card">
        {a.patient.fullName} · {a.specialist?.displayName} · {a.service?.name}
        <br />
        Сейчас: <strong>{a.startsAt ? dateTimeIn(a.startsAt, tz) : '—'}</strong> ({zoneLabel(tz)})
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
      {slots.fetching && !slots.data ? <Loading /> : null}
      {slots.data ? (
        <SlotPicker
          key={from}
          slots={slots.data.freeSlots}
          from={from}
          timeZone={tz}
          onPick={pick}
          onWeek={(d) => setWeek(Math.max(0, week + d))}
          canGoBack={week > 0}
          disabled={busy}
        />
      ) : null}
    </>
  );
}
