'use client';

import { errorCode } from '@medikamente/web-kit/client';
import { Empty, ErrorBox, errorText, Loading, Notice } from '@medikamente/web-kit/ui';
import { useState } from 'react';
import { useQuery } from 'urql';
import { LabOrdersForVisitQuery, PatientLabOrdersQuery } from '@/operations/lab';
import { LabOrderCard } from './order-card';
import { LabOrderForm, type LabPatient } from './order-form';

/**
 * «Анализы» of a visit: the order form (while the visit is being written) and the visit's orders
 * with their status and the clinic's steps. The list reloads after every change.
 */
export function VisitLabOrders({
  patientId,
  visitId,
  patient,
  zone,
  canOrder,
}: {
  patientId: string;
  visitId: string;
  patient: LabPatient;
  zone: string;
  canOrder: boolean;
}) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: LabOrdersForVisitQuery,
    variables: { visitId },
  });
  const [message, setMessage] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const orders = data?.labOrdersForVisit ?? [];
  return (
    <section className="stack" data-testid="visit-lab-orders">
      <h2>Анализы</h2>
      {canOrder ? (
        <LabOrderForm
          patientId={patientId}
          visitId={visitId}
          patient={patient}
          onOrdered={(codes) => {
            setMessage(
              `Назначено. ${codes.length > 1 ? 'Коды образцов' : 'Код образца'}: ${codes.join(', ')} — подпишите им пробирки.`,
            );
            reload();
          }}
        />
      ) : null}
      {message ? <Notice>{message}</Notice> : null}
      {fetching && !data ? <Loading label="Загружаем назначенные исследования…" /> : null}
      {error && !data ? (
        <ErrorBox>{errorText(errorCode(error), 'Не удалось загрузить назначенные исследования')}</ErrorBox>
      ) : null}
      {data && !orders.length ? <Empty>По этому приёму исследований не назначено.</Empty> : null}
      {orders.length ? (
        <ul className="list" data-testid="visit-lab-order-list">
          {orders.map((o) => (
            <LabOrderCard key={o.id} order={o} zone={zone} onChanged={reload} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The patient card's laboratory history: every order of the patient (newest first) with results. */
export function PatientLabHistory({ patientId, zone }: { patientId: string; zone: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: PatientLabOrdersQuery,
    variables: { patientId },
  });
  const orders = data?.labOrders ?? [];
  return (
    <section className="stack" data-testid="patient-lab-history">
      <h2>Лабораторные исследования</h2>
      {fetching && !data ? <Loading label="Загружаем исследования…" /> : null}
      {error && !data ? (
        <ErrorBox>{errorText(errorCode(error), 'Не удалось загрузить исследования')}</ErrorBox>
      ) : null}
      {data && !orders.length ? <Empty>Исследований пока не было.</Empty> : null}
      {orders.length ? (
        <ul className="list">
          {orders.map((o) => (
            <LabOrderCard
              key={o.id}
              order={o}
              zone={zone}
              actions={false}
              onChanged={() => refetch({ requestPolicy: 'network-only' })}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
