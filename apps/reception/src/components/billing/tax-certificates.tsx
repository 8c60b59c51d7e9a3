'use client';

import { billingErrorText, rubles, TAX_SUM_LABELS, taxYears } from '@medikamente/web-kit/billing';
import { ScrollRegion } from '@medikamente/web-kit/billing-view';
import { errorCode, newUuid } from '@medikamente/web-kit/client';
import { dateOnly } from '@medikamente/web-kit/format';
import { Empty, ErrorBox, Loading, Notice } from '@medikamente/web-kit/ui';
import { useSearchParams } from 'next/navigation';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { BranchInvoicesQuery, PatientInvoicesQuery } from '@/operations/billing';
import { IssueTaxCertificateMutation, TaxCertificatesQuery, TaxPatientNameQuery } from '@/operations/tax';
import { readRelation, readTaxPerson, TaxPersonFields } from './tax-person';

function PatientOption({ id }: { id: string }) {
  const [{ data }] = useQuery({ query: TaxPatientNameQuery, variables: { id } });
  return <option value={id}>{data?.patient?.fullName ?? `Пациент ${id.slice(0, 8)}`}</option>;
}

/** The patient's issued certificates with the PDF form and the XML file for the tax authority. */
function CertificateList({ patientId }: { patientId: string }) {
  const [{ data, fetching, error }] = useQuery({ query: TaxCertificatesQuery, variables: { patientId } });
  if (fetching && !data) return <Loading label="Загружаем справки…" />;
  if (!data)
    return <ErrorBox>{billingErrorText(errorCode(error), null, 'Не удалось загрузить справки')}</ErrorBox>;
  if (!data.taxCertificates.length) return <Empty>Справок для этого пациента ещё не выдавали.</Empty>;
  return (
    <ScrollRegion label="Выданные справки">
      <table className="grid" data-testid="tax-certificates">
        <caption className="sr-only">Выданные справки об оплате медицинских услуг</caption>
        <thead>
          <tr>
            <th scope="col">Справка</th>
            <th scope="col">Год</th>
            <th scope="col">Выдана</th>
            <th scope="col">Суммы по кодам</th>
            <th scope="col" className="num">
              Всего
            </th>
            <th scope="col">Файлы</th>
          </tr>
        </thead>
        <tbody>
          {data.taxCertificates.map((c) => (
            <tr key={c.id} data-certificate-id={c.id}>
              <th scope="row">№ {c.number ?? '—'}</th>
              <td>{c.year}</td>
              <td>{c.issuedAt ? dateOnly(c.issuedAt) : '—'}</td>
              <td>
                {(c.sums ?? [])
                  .map((s) => `${TAX_SUM_LABELS[s.code] ?? s.code}: ${rubles(s.kopecks)}`)
                  .join('; ')}
              </td>
              <td className="num" data-testid="certificate-total">
                {rubles(c.totalKopecks)}
              </td>
              <td>
                <div className="row">
                  <a
                    className="button secondary small"
                    href={`/api/tax-certificates/${patientId}/${c.id}/pdf`}
                    download
                  >
                    PDF<span className="sr-only"> справки № {c.number ?? ''}</span>
                  </a>
                  <a
                    className="button secondary small"
                    href={`/api/tax-certificates/${patientId}/${c.id}/xml`}
                    download
                  >
                    XML для ФНС<span className="sr-only"> справки № {c.number ?? ''}</span>
                  </a>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** The patient's paid invoices of the year, each to be marked as expensive treatment (code 02). */
function ExpensiveInvoices({ patientId, year }: { patientId: string; year: number }) {
  const id = useId();
  const [{ data }] = useQuery({ query: PatientInvoicesQuery, variables: { patientId } });
  const paid = (data?.invoices ?? []).filter(
    (i) => (i.paidKopecks ?? 0) > 0 && (i.createdAt ?? '').startsWith(String(year)),
  );
  if (!paid.length) return null;
  return (
    <fieldset className="card stack">
      <legend>Дорогостоящее лечение (код 02), необязательно</legend>
      {paid.map((i) => (
        <label key={i.id} className="inline" htmlFor={`${id}-${i.id}`}>
          <input id={`${id}-${i.id}`} type="checkbox" name="expensive" value={i.id} />
          Счёт № {i.number ?? '—'}: {(i.lines ?? []).map((l) => l.name).join(', ')} — оплачено{' '}
          {rubles(i.paidKopecks)}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * «Справки для налогового вычета»: a patient of the branch's day (an accountant cannot search
 * patients; the day's invoices name who paid), a year, the taxpayer (the patient or another person
 * with the relation), invoices marked as expensive treatment; issued certificates with PDF and XML.
 */
export function TaxCertificates({ branchId, day }: { branchId: string; day: string }) {
  const id = useId();
  const failedDownload = useSearchParams().get('download') === 'failed';
  const [{ data }] = useQuery({ query: BranchInvoicesQuery, variables: { branchId, day } });
  const patients = [...new Set((data?.branchInvoices ?? []).map((i) => i.patientId))];
  const [picked, setPicked] = useState('');
  const patientId = patients.includes(picked) ? picked : (patients[0] ?? '');
  const years = taxYears(day);
  const [year, setYear] = useState(years[0]!);
  const [other, setOther] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [issued, setIssued] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [{ fetching }, issue] = useMutation(IssueTaxCertificateMutation);
  const key = useRef(newUuid());

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setErrors([]);
    setIssued(null);
    const r = await issue({
      input: {
        patientId,
        year,
        idempotencyKey: key.current,
        taxpayer: readTaxPerson(form, 'taxpayer'),
        patient: other
          ? { ...readTaxPerson(form, 'patient'), relation: readRelation(form, 'patient') }
          : null,
        expensiveInvoiceIds: form.getAll('expensive').map(String),
      },
    });
    const p = r.data?.issueTaxCertificate;
    if (p) key.current = newUuid();
    if (p?.ok && p.certificate) {
      setIssued(
        `Справка № ${p.certificate.number ?? ''} за ${p.certificate.year} год выдана на ${rubles(p.certificate.totalKopecks)}.`,
      );
      setFormKey((k) => k + 1);
      return;
    }
    setErrors(
      p?.inputErrors.length
        ? p.inputErrors.map((x) => billingErrorText(x.code, x.message))
        : [billingErrorText(errorCode(r.error), null, 'Не удалось выдать справку')],
    );
  }

  return (
    <div className="stack" data-testid="tax-certificates-panel">
      {failedDownload ? <ErrorBox>Не удалось скачать файл справки. Попробуйте ещё раз.</ErrorBox> : null}
      {!patients.length ? (
        <Empty>За этот день в филиале нет счетов: выберите день, когда пациент оплачивал услуги.</Empty>
      ) : (
        <>
          <div className="row">
            <div className="field" style={{ flex: '1 1 280px' }}>
              <label htmlFor={`${id}-patient`}>Пациент (из счетов дня)</label>
              <select id={`${id}-patient`} value={patientId} onChange={(e) => setPicked(e.target.value)}>
                {patients.map((p) => (
                  <PatientOption key={p} id={p} />
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-year`}>Год оплаты</label>
              <select id={`${id}-year`} value={year} onChange={(e) => setYear(Number(e.target.value))}>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <h3>Выданные справки</h3>
          <CertificateList key={`${patientId}:${formKey}`} patientId={patientId} />
          <h3>Новая справка</h3>
          {issued ? <Notice>{issued}</Notice> : null}
          <form
            key={`${patientId}:${formKey}`}
            className="stack"
            onSubmit={submit}
            aria-label="Новая справка для налогового вычета"
          >
            <fieldset className="row">
              <legend>Кто заявляет вычет</legend>
              <label className="inline" htmlFor={`${id}-self`}>
                <input
                  id={`${id}-self`}
                  type="radio"
                  name="who"
                  checked={!other}
                  onChange={() => setOther(false)}
                />
                Сам пациент
              </label>
              <label className="inline" htmlFor={`${id}-other`}>
                <input
                  id={`${id}-other`}
                  type="radio"
                  name="who"
                  checked={other}
                  onChange={() => setOther(true)}
                />
                Другой человек (родственник)
              </label>
            </fieldset>
            <TaxPersonFields prefix="taxpayer" legend="Налогоплательщик" />
            {other ? <TaxPersonFields prefix="patient" legend="Пациент" relation /> : null}
            <ExpensiveInvoices patientId={patientId} year={year} />
            {errors.length ? (
              <ErrorBox>
                <ul className="list">
                  {errors.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </ErrorBox>
            ) : null}
            <button type="submit" disabled={fetching}>
              Выдать справку
            </button>
          </form>
        </>
      )}
    </div>
  );
}
