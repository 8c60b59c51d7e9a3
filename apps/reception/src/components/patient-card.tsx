'use client';

import { CLINIC_ZONE } from '@medikamente/web-kit/billing';
import { errorCode } from '@medikamente/web-kit/client';
import { Denied, ErrorBox, errorText, Loading, policyFields } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { useQuery } from 'urql';
import { PatientCardQuery } from '@/operations/patients';
import { DeskContracts } from './billing/contracts';
import { PatientInvoices } from './billing/invoice-list';

const PURPOSES: Record<string, string> = {
  TREATMENT: 'лечение',
  PORTAL_ACCOUNT: 'личный кабинет',
  MARKETING: 'рассылки',
  LAB_SHARING: 'лаборатория',
  ANALYTICS: 'аналитика',
};

/**
 * The patient card as the policy gives it to a receptionist: contacts in full, documents masked
 * (shown exactly as returned), health data not requested and shown as "нет доступа".
 */
export function PatientCard({ id }: { id: string }) {
  const [{ data, fetching, error }] = useQuery({ query: PatientCardQuery, variables: { id } });
  if (fetching && !data) return <Loading />;
  const p = data?.patient;
  if (!p) return <ErrorBox>{errorText(errorCode(error), 'Пациент не найден')}</ErrorBox>;
  const { show, denied } = policyFields(error);
  return (
    <>
      <section className="card" aria-labelledby="card-title">
        <h2 id="card-title" style={{ marginTop: 0 }}>
          {show('fullName', p.fullName)}
        </h2>
        <dl className="props">
          <dt>Телефон</dt>
          <dd>{show('phone', p.phone)}</dd>
          <dt>E-mail</dt>
          <dd>{show('email', p.email)}</dd>
          <dt>Дата рождения</dt>
          <dd>{show('birthDate', p.birthDate)}</dd>
          <dt>Пол</dt>
          <dd>{show('sex', p.sex === 'FEMALE' ? 'женский' : p.sex === 'MALE' ? 'мужской' : null)}</dd>
          <dt>Паспорт</dt>
          <dd data-field="passport">{show('passport', p.passport)}</dd>
          <dt>СНИЛС</dt>
          <dd data-field="snils">{show('snils', p.snils)}</dd>
          <dt>Полис ОМС</dt>
          <dd>{show('insurancePolicy', p.insurancePolicy)}</dd>
          <dt>Адрес регистрации</dt>
          <dd>{show('registrationAddress', p.registrationAddress)}</dd>
          <dt>Адрес проживания</dt>
          <dd>{show('homeAddress', p.homeAddress)}</dd>
          <dt>Место работы</dt>
          <dd>{show('workplace', p.workplace)}</dd>
          <dt>Согласия</dt>
          <dd>
            {denied('consents') ? (
              <Denied />
            ) : p.consents?.length ? (
              p.consents
                .map((c) => `${PURPOSES[c.purpose ?? ''] ?? c.purpose} (ред. ${c.textVersion})`)
                .join(', ')
            ) : (
              'нет'
            )}
          </dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="health-title" data-section="health">
        <h2 id="health-title" style={{ marginTop: 0 }}>
          Медицинские сведения
        </h2>
        <dl className="props">
          <dt>Хронические заболевания</dt>
          <dd data-field="chronicConditions">
            <Denied />
          </dd>
          <dt>Жалобы и комментарии к записям</dt>
          <dd data-field="patientComment">
            <Denied />
          </dd>
        </dl>
        <p className="muted">Медицинские данные доступны только лечащему врачу и самому пациенту.</p>
      </section>
      <section className="card" aria-labelledby="invoices-title" data-section="invoices">
        <h2 id="invoices-title" style={{ marginTop: 0 }}>
          Счета и оплаты
        </h2>
        <PatientInvoices patientId={p.id} zone={CLINIC_ZONE} />
      </section>
      <section className="card" aria-labelledby="contracts-title" data-section="contracts">
        <h2 id="contracts-title" style={{ marginTop: 0 }}>
          Договоры на платные услуги
        </h2>
        <DeskContracts
          patientId={p.id}
          defaults={{
            fullName: p.fullName,
            birthDate: p.birthDate,
            phone: p.phone,
            address: p.homeAddress ?? p.registrationAddress,
          }}
        />
      </section>
      <Link className="button" href={`/book?patientId=${p.id}`}>
        Записать на приём
      </Link>
    </>
  );
}
