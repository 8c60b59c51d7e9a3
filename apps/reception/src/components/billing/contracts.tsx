'use client';

import {
  billingErrorText,
  CLINIC_ZONE,
  CONTRACT_STATUS_STAFF_LABELS,
  rubles,
} from '@medikamente/web-kit/billing';
import { ScrollRegion } from '@medikamente/web-kit/billing-view';
import { errorCode } from '@medikamente/web-kit/client';
import { dateOnly, dateTimeIn } from '@medikamente/web-kit/format';
import { Empty, ErrorBox, Loading, Notice } from '@medikamente/web-kit/ui';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { ContractSummaryFieldsFragment } from '@/gql/graphql';
import { PatientContractsQuery, SignContractAtDeskMutation } from '@/operations/contracts';
import { BranchDate } from '../branch-date';
import { type ContractDone, ContractForm } from './contract-form';
import type { PersonDefaults } from './contract-person';

function ContractRow({
  contract: c,
  patientId,
  zone,
  onSigned,
}: {
  contract: ContractSummaryFieldsFragment;
  patientId: string;
  zone: string;
  onSigned: (done: ContractDone) => void;
}) {
  const [{ fetching }, sign] = useMutation(SignContractAtDeskMutation);
  async function signNow() {
    const r = await sign({ contractId: c.id });
    const p = r.data?.signContractAtDesk;
    const first = p?.inputErrors[0];
    onSigned(
      p?.ok
        ? { number: c.number ?? null, signed: true }
        : {
            number: c.number ?? null,
            signed: false,
            failure: billingErrorText(
              first?.code ?? errorCode(r.error),
              first?.message,
              'Не удалось отметить подписание',
            ),
          },
    );
  }
  return (
    <tr data-contract-id={c.id} data-status={c.status ?? ''}>
      <th scope="row">№ {c.number ?? '—'}</th>
      <td>{c.date ? dateOnly(c.date) : '—'}</td>
      <td>{(c.services ?? []).map((s) => `${s.name} × ${s.quantity}`).join(', ')}</td>
      <td className="num">{rubles(c.totalKopecks)}</td>
      <td data-testid="contract-status">
        {CONTRACT_STATUS_STAFF_LABELS[c.status ?? ''] ?? c.status}
        {c.acceptedAt ? <span className="muted"> {dateTimeIn(c.acceptedAt, zone)}</span> : null}
      </td>
      <td>
        <div className="row">
          <a
            className="button secondary small"
            href={`/api/contracts/pdf/${c.id}?patient=${patientId}`}
            download
          >
            PDF<span className="sr-only"> договора № {c.number ?? ''}</span>
          </a>
          {c.status === 'DRAFT' ? (
            <button type="button" className="small" disabled={fetching} onClick={signNow}>
              Подписать в клинике<span className="sr-only"> (договор № {c.number ?? ''})</span>
            </button>
          ) : null}
        </div>
      </td>
    </tr>
  );
}

/**
 * The patient's contracts for paid services at the desk (newest first) with their state and PDF,
 * and a new contract for a branch of the receptionist: signed at the desk or left as a draft.
 */
export function DeskContracts({ patientId, defaults }: { patientId: string; defaults: PersonDefaults }) {
  const failedDownload = useSearchParams().get('download') === 'failed';
  const [{ data, fetching, error }, refetch] = useQuery({
    query: PatientContractsQuery,
    variables: { patientId },
  });
  const contracts = data?.patientContracts ?? [];
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<ContractDone | null>(null);
  const [formKey, setFormKey] = useState(0);
  const finish = (d: ContractDone) => {
    setDone(d);
    if (!d.failure) setOpen(false);
    setFormKey((k) => k + 1);
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <div className="stack">
      {failedDownload ? <ErrorBox>Не удалось скачать договор. Попробуйте ещё раз.</ErrorBox> : null}
      {done?.failure ? (
        <ErrorBox>
          Договор № {done.number ?? ''} сохранён черновиком: {done.failure}
        </ErrorBox>
      ) : done ? (
        <Notice>
          {done.signed
            ? `Договор № ${done.number ?? ''} подписан в клинике.`
            : `Договор № ${done.number ?? ''} сохранён черновиком: пациент примет его в личном кабинете.`}
        </Notice>
      ) : null}
      {fetching && !data ? <Loading label="Загружаем договоры…" /> : null}
      {!data && error ? (
        <ErrorBox>{billingErrorText(errorCode(error), null, 'Не удалось загрузить договоры')}</ErrorBox>
      ) : null}
      {data && !contracts.length ? <Empty>Договоров на платные услуги пока нет.</Empty> : null}
      {contracts.length ? (
        <ScrollRegion label="Договоры пациента">
          <table className="grid" data-testid="patient-contracts">
            <caption className="sr-only">Договоры пациента на платные медицинские услуги</caption>
            <thead>
              <tr>
                <th scope="col">Договор</th>
                <th scope="col">Дата</th>
                <th scope="col">Услуги</th>
                <th scope="col" className="num">
                  Сумма
                </th>
                <th scope="col">Статус</th>
                <th scope="col">Действия</th>
              </tr>
            </thead>
            <tbody>
              {contracts.map((c) => (
                <ContractRow
                  key={c.id}
                  contract={c}
                  patientId={patientId}
                  zone={CLINIC_ZONE}
                  onSigned={finish}
                />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {open ? (
        <BranchDate showDate={false}>
          {({ branch }) => (
            <ContractForm
              key={`${branch.id}:${formKey}`}
              patientId={patientId}
              branchId={branch.id}
              defaults={defaults}
              onDone={finish}
            />
          )}
        </BranchDate>
      ) : (
        <p>
          <button type="button" onClick={() => setOpen(true)}>
            Оформить договор
          </button>
        </p>
      )}
    </div>
  );
}
