'use client';

import { errorCode } from '@medikamente/web-kit/client';
import { ErrorBox, errorText, Loading, Notice, policyFields } from '@medikamente/web-kit/ui';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  DoctorPatientQuery,
  OpenVisitMutation,
  PatientVisitsQuery,
  RecordAccessQuery,
} from '@/operations/record';
import { PatientLabHistory } from '../lab/visit-lab-orders';
import { BreakGlass, untilText } from './break-glass';
import { birthLine, SEX_LABELS } from './labels';
import { type Directory, useDirectory } from './use-directory';
import { VisitHistory } from './visit-history';

/** Demographics as the policy gives them to this doctor (FORBIDDEN fields shown "нет доступа"). */
function Demographics({ patientId }: { patientId: string }) {
  const [{ data, fetching, error }] = useQuery({ query: DoctorPatientQuery, variables: { id: patientId } });
  if (fetching && !data) return <Loading />;
  const p = data?.patient;
  if (!p) return <ErrorBox>{errorText(errorCode(error), 'Пациент не найден')}</ErrorBox>;
  const { show } = policyFields(error);
  return (
    <section className="card" aria-labelledby="patient-name" data-section="demographics">
      <h2 id="patient-name" style={{ marginTop: 0 }}>
        {show('fullName', p.fullName)}
      </h2>
      <dl className="props">
        <dt>Дата рождения</dt>
        <dd data-field="birthDate">{show('birthDate', birthLine(p.birthDate, p.ageYears) || null)}</dd>
        <dt>Пол</dt>
        <dd>{show('sex', p.sex ? SEX_LABELS[p.sex] : null)}</dd>
        <dt>Телефон</dt>
        <dd>{show('phone', p.phone)}</dd>
        <dt>E-mail</dt>
        <dd>{show('email', p.email)}</dd>
        <dt>Полис ОМС</dt>
        <dd>{show('insurancePolicy', p.insurancePolicy)}</dd>
        <dt>Хронические заболевания</dt>
        <dd data-field="chronicConditions">
          {show('chronicConditions', p.chronicConditions?.length ? p.chronicConditions.join(', ') : 'нет')}
        </dd>
      </dl>
    </section>
  );
}

/** Opens a visit without an appointment (e.g. a consultation by break-glass) and goes to it. */
function NewVisit({ patientId }: { patientId: string }) {
  const router = useRouter();
  const [{ fetching }, open] = useMutation(OpenVisitMutation);
  const [error, setError] = useState<string | null>(null);
  async function go() {
    const r = await open({ input: { patientId } });
    const visit = r.data?.openVisit.visit;
    if (visit) router.push(`/record/${patientId}/visits/${visit.id}`);
    else
      setError(
        errorText(r.data?.openVisit.inputErrors[0]?.code ?? errorCode(r.error), 'Не удалось открыть приём'),
      );
  }
  return (
    <>
      <button type="button" className="secondary" onClick={go} disabled={fetching}>
        Новый приём без записи
      </button>
      {error ? <ErrorBox>{error}</ErrorBox> : null}
    </>
  );
}

function Visits({ patientId, dir }: { patientId: string; dir: Directory }) {
  const [{ data, fetching, error }] = useQuery({ query: PatientVisitsQuery, variables: { patientId } });
  if (fetching && !data) return <Loading label="Загружаем медкарту…" />;
  if (!data) return <ErrorBox>{errorText(errorCode(error), 'Не удалось загрузить медкарту')}</ErrorBox>;
  return <VisitHistory visits={data.visits} dir={dir} />;
}

/**
 * The patient card of the doctor's workplace: demographics as allowed, then the record when the
 * doctor may read it (care relationship or break-glass), otherwise the break-glass offer.
 */
export function PatientRecord({ patientId }: { patientId: string }) {
  const dir = useDirectory();
  const [access, refetchAccess] = useQuery({ query: RecordAccessQuery, variables: { patientId } });
  const a = access.data?.recordAccess;
  return (
    <>
      <Demographics patientId={patientId} />
      {access.fetching && !a ? <Loading /> : null}
      {access.error && !a ? (
        <ErrorBox>{errorText(errorCode(access.error), 'Не удалось проверить доступ к медкарте')}</ErrorBox>
      ) : null}
      {a?.breakGlassUntil ? (
        <Notice kind="warn">
          Экстренный доступ до {untilText(a.breakGlassUntil, dir.myZone)}. Все просмотры записываются в
          журнал.
        </Notice>
      ) : null}
      {a?.level === 'FULL' ? (
        <>
          <NewVisit patientId={patientId} />
          <Visits patientId={patientId} dir={dir} />
          <PatientLabHistory patientId={patientId} zone={dir.myZone} />
        </>
      ) : null}
      {a && a.level !== 'FULL' ? (
        <section className="card" aria-labelledby="closed-title" data-record-access={a.level}>
          <h2 id="closed-title" style={{ marginTop: 0 }}>
            Медкарта закрыта
          </h2>
          <p>
            {a.level === 'SUMMARY'
              ? 'Вам видно только, что приёмы были; их содержание доступно лечащему врачу и пациенту.'
              : 'У вас нет лечебных отношений с этим пациентом: записи к вам нет.'}
          </p>
          {a.breakGlassAvailable ? (
            <BreakGlass
              patientId={patientId}
              zone={dir.myZone}
              onOpened={() => refetchAccess({ requestPolicy: 'network-only' })}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}
