'use client';

import { billingErrorText, CLINIC_ZONE } from '@medikamente/web-kit/billing';
import { errorCode } from '@medikamente/web-kit/client';
import { todayIn } from '@medikamente/web-kit/format';
import { Empty, ErrorBox, Loading } from '@medikamente/web-kit/ui';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { useQuery } from 'urql';
import { CashierPatientSearchQuery } from '@/operations/billing';
import { BranchDate } from '../branch-date';
import { InvoiceForm } from './invoice-form';
import { BranchInvoices, PatientInvoices } from './invoice-list';
import { ShiftPanel } from './shift-panel';

type Picked = { id: string; fullName: string | null };

/** The cashier's patient search (name or phone), each found patient with «Выбрать». */
function PickPatient({ onPick }: { onPick: (p: Picked) => void }) {
  const [query, setQuery] = useState<{ text?: string; phone?: string } | null>(null);
  const [{ data, fetching, error }] = useQuery({
    query: CashierPatientSearchQuery,
    variables: { query: query ?? {} },
    pause: !query,
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = String(f.get('text') ?? '').trim() || undefined;
    const phone = String(f.get('phone') ?? '').trim() || undefined;
    setQuery(text || phone ? { text, phone } : null);
  }
  const found = data?.searchPatients.nodes ?? [];
  return (
    <>
      <search>
        <form className="row" onSubmit={submit}>
          <div className="field">
            <label htmlFor="pay-q-text">ФИО (начало)</label>
            <input id="pay-q-text" name="text" type="search" placeholder="Иванов Иван" />
          </div>
          <div className="field">
            <label htmlFor="pay-q-phone">Телефон</label>
            <input id="pay-q-phone" name="phone" type="tel" />
          </div>
          <button type="submit">Найти пациента</button>
        </form>
      </search>
      {fetching ? <Loading label="Ищем…" /> : null}
      {error && !data ? (
        <ErrorBox>{billingErrorText(errorCode(error), null, 'Поиск не удался')}</ErrorBox>
      ) : null}
      {data && !found.length ? <Empty>Никого не нашли. Проверьте ФИО или телефон.</Empty> : null}
      {found.length ? (
        <ul className="list" aria-label="Найденные пациенты">
          {found.map((p) => (
            <li key={p.id} className="row" style={{ padding: '4px 0' }}>
              <span>
                {p.fullName ?? 'нет доступа'} · {p.phone ?? '—'}
              </span>
              <button
                type="button"
                className="small"
                aria-label={`Выбрать пациента ${p.fullName ?? ''}`}
                onClick={() => onPick({ id: p.id, fullName: p.fullName ?? null })}
              >
                Выбрать
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/**
 * «Касса»: the branch (from the cashier's branches), the register's shift, a new invoice for a
 * patient found by name or phone (with the patient's earlier invoices), and the branch's invoices
 * of today — each opens the invoice page where payments are taken, receipts printed and refunds made.
 */
export function CashierDesk() {
  const router = useRouter();
  const [patient, setPatient] = useState<Picked | null>(null);
  return (
    <BranchDate showDate={false}>
      {({ branch }) => (
        <>
          <ShiftPanel branchId={branch.id} zone={branch.timeZone} />
          <section className="card" aria-labelledby="new-invoice-title">
            <h2 id="new-invoice-title" style={{ marginTop: 0 }}>
              Новый счёт
            </h2>
            {patient ? (
              <>
                <p className="row" style={{ alignItems: 'center' }}>
                  <span>
                    Пациент: <strong data-testid="picked-patient">{patient.fullName ?? 'нет доступа'}</strong>
                  </span>
                  <button type="button" className="secondary small" onClick={() => setPatient(null)}>
                    Другой пациент
                  </button>
                </p>
                <h3>Счета пациента</h3>
                <PatientInvoices patientId={patient.id} zone={branch.timeZone} />
                <h3>Позиции нового счёта</h3>
                <InvoiceForm
                  branchId={branch.id}
                  patientId={patient.id}
                  onCreated={(id) => router.push(`/invoices/${id}`)}
                />
              </>
            ) : (
              <PickPatient onPick={setPatient} />
            )}
          </section>
          <section aria-labelledby="today-title">
            <h2 id="today-title">Счета филиала за сегодня</h2>
            <BranchInvoices branchId={branch.id} day={todayIn(CLINIC_ZONE)} zone={branch.timeZone} />
          </section>
        </>
      )}
    </BranchDate>
  );
}
