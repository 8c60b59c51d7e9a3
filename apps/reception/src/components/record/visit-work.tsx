'use client';

import { errorCode } from '@medikamente/web-kit/client';
import { dateTimeIn } from '@medikamente/web-kit/format';
import { ErrorBox, errorText, Loading, Notice } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { useState } from 'react';
import { useQuery } from 'urql';
import { DoctorPatientQuery, VisitWorkQuery } from '@/operations/record';
import { VisitLabOrders } from '../lab/visit-lab-orders';
import { birthLine } from './labels';
import { SignedVisit } from './signed-visit';
import { useDirectory } from './use-directory';
import { VisitEditor } from './visit-editor';
import { Addenda, VersionHistory } from './visit-history';

/**
 * One visit at work: the caller's draft in the editor (a new note, or a correction of a signed
 * one), otherwise the signed visit with its actions. After signing or discarding, the page shows
 * what the server now holds.
 */
export function VisitWork({ patientId, visitId }: { patientId: string; visitId: string }) {
  const dir = useDirectory();
  const [{ data, fetching, error }, refetch] = useQuery({ query: VisitWorkQuery, variables: { visitId } });
  const [who] = useQuery({ query: DoctorPatientQuery, variables: { id: patientId } });
  const [message, setMessage] = useState<string | null>(null);
  // The editor is re-created from the server's draft after every reload (a fresh key).
  const [generation, setGeneration] = useState(0);
  const reload = (text: string | null) => {
    setMessage(text);
    setGeneration((g) => g + 1);
    refetch({ requestPolicy: 'network-only' });
  };

  const p = who.data?.patient;
  const back = (
    <p>
      <Link href={`/record/${patientId}`}>← К медкарте пациента</Link>
    </p>
  );
  const context = (zone: string, startedAt: string | null | undefined) => (
    <p className="card" data-testid="visit-context">
      <strong>{p?.fullName ?? 'Пациент'}</strong>
      {p ? ` · ${birthLine(p.birthDate, p.ageYears) || 'дата рождения скрыта'}` : ''}
      {startedAt ? ` · приём ${dateTimeIn(startedAt, zone)}` : ''}
    </p>
  );
  if (fetching && !data) return <Loading />;
  const visit = data?.visit;
  if (!visit || visit.patientId !== patientId)
    return (
      <>
        {back}
        <ErrorBox>{errorText(errorCode(error), 'Приём не найден или нет доступа к медкарте')}</ErrorBox>
      </>
    );
  const draft = data.myVisitDraft;
  const zone = dir.zoneOf(visit.branchId);
  const editing = draft || visit.status === 'OPEN';
  const correctionOf = draft?.kind === 'CORRECTION' ? (visit.current?.number ?? null) : null;

  return (
    <>
      {back}
      {context(zone, visit.startedAt)}
      {message ? <Notice>{message}</Notice> : null}
      {editing && !fetching ? (
        <>
          <VisitEditor
            key={`${draft?.id ?? 'new'}-${generation}`}
            visitId={visit.id}
            draft={draft ?? null}
            correctionOf={correctionOf}
            zone={zone}
            onSigned={() => reload('Приём подписан. Пациент увидит заключение в личном кабинете.')}
            onDiscarded={() => reload('Исправление отменено, действует подписанная версия.')}
          />
          {visit.current ? (
            <section aria-labelledby="signed-title">
              <h2 id="signed-title">Подписанная версия</h2>
              <VersionHistory visit={visit} dir={dir} />
              <Addenda visit={visit} dir={dir} />
            </section>
          ) : null}
        </>
      ) : null}
      {!editing ? (
        <section aria-labelledby="signed-title">
          <h2 id="signed-title">Подписанная запись</h2>
          <SignedVisit visit={visit} dir={dir} onChanged={reload} />
        </section>
      ) : null}
      <VisitLabOrders
        patientId={patientId}
        visitId={visit.id}
        patient={{ sex: p?.sex, birthDate: p?.birthDate }}
        zone={zone}
        canOrder={!!editing}
      />
    </>
  );
}
