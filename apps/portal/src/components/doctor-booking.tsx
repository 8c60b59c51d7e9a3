'use client';

import { errorCode, FRESH, newKey } from '@medikamente/web-kit/client';
import { addDays, relativeDayLabel, timeIn, todayIn, zoneLabel } from '@medikamente/web-kit/format';
import { dativeName } from '@medikamente/web-kit/names';
import { SlotGrid, SlotPicker, WEEK_DAYS } from '@medikamente/web-kit/slots';
import { ErrorBox, errorText, Loading, Notice } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { HoldSlotMutation as HoldResult } from '@/gql/graphql';
import {
  CancelMutation,
  ConfirmHoldMutation,
  FreeSlotsQuery,
  HoldSlotMutation,
  SpecialistQuery,
} from '@/operations/booking';
import { ConfirmStep } from './confirm-step';
import { mainService } from './main-service';

type Held = NonNullable<HoldResult['holdSlot']['appointment']>;
type Slot = {
  startsAt: string;
  endsAt: string;
  branchId: string;
  branch: { id: string; name: string; timeZone: string };
};

/**
 * A doctor's free slots, a week at a time, nearest first; picking one holds it, and the patient
 * confirms it in an explicit step. SLOT_TAKEN offers the nearest alternatives.
 */
export function DoctorBooking({
  specialistId,
  branchParam,
  signedIn,
}: {
  specialistId: string;
  branchParam?: string;
  signedIn: boolean;
}) {
  const router = useRouter();
  const [doctor] = useQuery({ query: SpecialistQuery, variables: { id: specialistId } });
  const s = doctor.data?.specialist;
  const [branchId, setBranchId] = useState<string | undefined>(branchParam);
  const [serviceId, setServiceId] = useState<string | undefined>();
  const [week, setWeek] = useState(0);
  const branch = s?.branches.find((b) => b.id === branchId) ?? s?.branches[0];
  const service =
    s?.services.find((x) => x.id === serviceId) ?? (s ? mainService(s.services, s.specialties) : undefined);
  const from = branch ? addDays(todayIn(branch.timeZone), week * WEEK_DAYS) : '';
  const [slots, refetchSlots] = useQuery({
    query: FreeSlotsQuery,
    variables: {
      input: {
        specialistId,
        branchId: branch?.id,
        serviceId: service?.id,
        from,
        to: from ? addDays(from, WEEK_DAYS - 1) : '',
        limit: 1000,
      },
    },
    pause: !branch || !service,
  });
  const [comment, setComment] = useState('');
  const [held, setHeld] = useState<Held | null>(null);
  const [taken, setTaken] = useState<{ code: string; alternatives: Slot[] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [booked, setBooked] = useState<{ startsAt: string; timeZone: string } | null>(null);
  const [, hold] = useMutation(HoldSlotMutation);
  const [, confirm] = useMutation(ConfirmHoldMutation);
  const [, cancel] = useMutation(CancelMutation);
  const [busy, setBusy] = useState(false);
  const confirmKey = useRef(newKey());

  if (doctor.fetching) return <Loading />;
  if (doctor.error)
    return <ErrorBox>{errorText(errorCode(doctor.error), 'Не удалось загрузить данные врача')}</ErrorBox>;
  if (!s) return <ErrorBox>Врач не найден</ErrorBox>;

  async function pick(slot: Slot) {
    if (!signedIn) {
      router.push(`/signin?next=${encodeURIComponent(`/doctors/${specialistId}?branch=${slot.branchId}`)}`);
      return;
    }
    if (!service) return;
    setBusy(true);
    setFailure(null);
    setTaken(null);
    const r = await hold({
      input: {
        specialistId,
        branchId: slot.branchId,
        serviceId: service.id,
        startsAt: slot.startsAt,
        patientComment: comment.trim() || null,
        idempotencyKey: newKey(),
      },
    });
    setBusy(false);
    const p = r.data?.holdSlot;
    if (p?.appointment) {
      confirmKey.current = newKey();
      setHeld(p.appointment);
      return;
    }
    const code = p?.inputErrors[0]?.code ?? errorCode(r.error);
    if (code === 'SLOT_TAKEN' || (p?.alternatives.length ?? 0) > 0) {
      setTaken({ code: code ?? 'SLOT_TAKEN', alternatives: p?.alternatives ?? [] });
      refetchSlots(FRESH);
    } else setFailure(errorText(code, 'Не удалось занять время'));
  }

  async function confirmHeld() {
    if (!held) return;
    setBusy(true);
    const r = await confirm({ appointmentId: held.id, idempotencyKey: confirmKey.current });
    setBusy(false);
    const p = r.data?.confirmHold;
    if (p?.appointment) {
      setBooked({
        startsAt: p.appointment.startsAt ?? held.startsAt ?? '',
        timeZone: held.branch?.timeZone ?? 'Europe/Moscow',
      });
      setHeld(null);
      return;
    }
    const code = p?.inputErrors[0]?.code ?? errorCode(r.error);
    setHeld(null);
    if (p?.alternatives.length) setTaken({ code: code ?? 'SLOT_TAKEN', alternatives: p.alternatives });
    else setFailure(errorText(code, 'Не удалось подтвердить запись'));
    refetchSlots(FRESH);
  }

  async function releaseHold() {
    if (!held) return;
    setBusy(true);
    await cancel({
      input: { appointmentId: held.id, reason: 'Пациент выбрал другое время', idempotencyKey: newKey() },
    });
    setBusy(false);
    setHeld(null);
    refetchSlots(FRESH);
  }

  if (booked) {
    return (
      <Notice>
        <strong>Вы записаны</strong> к врачу {dativeName(s.displayName)} на{' '}
        {relativeDayLabel(booked.startsAt, booked.timeZone)}, {timeIn(booked.startsAt, booked.timeZone)} (
        {zoneLabel(booked.timeZone, new Date(booked.startsAt))}). <Link href="/appointments">Мои записи</Link>
      </Notice>
    );
  }

  return (
    <>
      <div className="card">
        <h2 style={{ marginTop: 0 }}>{s.displayName}</h2>
        <p className="muted">{s.specialties.join(', ')}</p>
        <div className="row">
          <div className="field">
            <label htmlFor="branch">Филиал</label>
            <select id="branch" value={branch?.id ?? ''} onChange={(e) => setBranchId(e.target.value)}>
              {s.branches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name} — {b.address}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="service">Услуга</label>
            <select id="service" value={service?.id ?? ''} onChange={(e) => setServiceId(e.target.value)}>
              {s.services.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name} ({x.durationMinutes} мин)
                </option>
              ))}
            </select>
          </div>
        </div>
        {signedIn ? (
          <div style={{ marginTop: 10 }}>
            <label htmlFor="comment">Причина обращения (необязательно)</label>
            <textarea
              id="comment"
              rows={2}
              value={comment}
              maxLength={1000}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
        ) : (
          <p className="muted">
            Чтобы записаться,{' '}
            <Link href={`/signin?next=${encodeURIComponent(`/doctors/${specialistId}`)}`}>войдите</Link> или{' '}
            <Link href="/signup">зарегистрируйтесь</Link>.
          </p>
        )}
      </div>

      {held ? (
        <ConfirmStep
          title="Подтвердите запись"
          doctor={held.specialist?.displayName ?? s.displayName}
          service={held.service?.name ?? ''}
          branch={`${held.branch?.name ?? ''}, ${held.branch?.address ?? ''}`}
          startsAt={held.startsAt ?? ''}
          timeZone={held.branch?.timeZone ?? 'Europe/Moscow'}
          deadline={held.holdExpiresAt}
          confirmLabel="Подтвердить запись"
          onConfirm={confirmHeld}
          onBack={releaseHold}
          busy={busy}
        />
      ) : null}

      {taken ? (
        <section className="alert warn" role="alert" aria-labelledby="taken-title">
          <strong id="taken-title">{errorText(taken.code, 'Это время уже заняли')}.</strong>{' '}
          {taken.alternatives.length ? 'Ближайшее свободное время у этого врача:' : 'Выберите другое время.'}
          {taken.alternatives.length ? (
            <div style={{ marginTop: 8 }}>
              <SlotGrid slots={taken.alternatives} onPick={pick} disabled={busy} />
            </div>
          ) : null}
        </section>
      ) : null}
      {failure ? <ErrorBox>{failure}</ErrorBox> : null}

      {!held ? (
        <section aria-labelledby="slots-title" aria-busy={slots.fetching}>
          <h2 id="slots-title">Свободное время</h2>
          {slots.fetching && !slots.data ? <Loading label="Ищем свободное время…" /> : null}
          {slots.error ? (
            <ErrorBox>{errorText(errorCode(slots.error), 'Не удалось загрузить расписание')}</ErrorBox>
          ) : null}
          {slots.data && branch ? (
            <SlotPicker
              key={`${branch.id}|${service?.id}|${from}`}
              slots={slots.data.freeSlots}
              from={from}
              timeZone={branch.timeZone}
              onPick={pick}
              onWeek={(d) => setWeek(Math.max(0, week + d))}
              canGoBack={week > 0}
              disabled={busy}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}
