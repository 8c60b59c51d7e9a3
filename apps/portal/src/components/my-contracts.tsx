'use client';

import { billingErrorText, CLINIC_ZONE, CONTRACT_STATUS_LABELS, rubles } from '@medikamente/web-kit/billing';
import { ScrollRegion } from '@medikamente/web-kit/billing-view';
import { errorCode, newUuid } from '@medikamente/web-kit/client';
import { dateOnly, dateTimeIn } from '@medikamente/web-kit/format';
import { Empty, ErrorBox, Loading, Notice } from '@medikamente/web-kit/ui';
import { useSearchParams } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { MyContractsQuery as MyContractsResult } from '@/gql/graphql';
import { AcceptContractMutation, MyContractsQuery } from '@/operations/billing';

type Contract = MyContractsResult['myContracts'][number];

/** «Принять договор»: after reading the PDF, the patient confirms; the time and channel are recorded. */
function AcceptContract({ contract, onDone }: { contract: Contract; onDone: () => void }) {
  const id = useId();
  const [agreed, setAgreed] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, accept] = useMutation(AcceptContractMutation);
  const key = useRef(newUuid());
  async function submit() {
    setFailure(null);
    const r = await accept({ input: { contractId: contract.id, idempotencyKey: key.current } });
    const p = r.data?.acceptContract;
    if (p) key.current = newUuid();
    if (p?.ok) return onDone();
    const first = p?.inputErrors[0];
    setFailure(
      billingErrorText(first?.code ?? errorCode(r.error), first?.message, 'Не удалось принять договор'),
    );
  }
  return (
    <div className="stack">
      <label className="inline" htmlFor={`${id}-agree`}>
        <input
          id={`${id}-agree`}
          type="checkbox"
          checked={agreed}
          onChange={(e) => setAgreed(e.target.checked)}
        />
        Я прочитал(а) договор № {contract.number ?? ''} и согласен(на) с его условиями
      </label>
      {failure ? <ErrorBox>{failure}</ErrorBox> : null}
      <button type="button" className="pay-online" disabled={!agreed || fetching} onClick={submit}>
        Принять договор
      </button>
    </div>
  );
}

function ContractCard({ contract, onChanged }: { contract: Contract; onChanged: () => void }) {
  const titleId = `contract-${contract.id}`;
  return (
    <li className="card" data-contract-id={contract.id} data-status={contract.status ?? ''}>
      <article aria-labelledby={titleId}>
        <div className="invoice-head">
          <h3 id={titleId}>
            Договор № {contract.number ?? '—'}
            {contract.date ? ` от ${dateOnly(contract.date)}` : ''}
          </h3>
          <span className={`badge contract-${contract.status ?? ''}`}>
            {CONTRACT_STATUS_LABELS[contract.status ?? ''] ?? contract.status}
          </span>
        </div>
        <ScrollRegion label={`Услуги по договору № ${contract.number ?? ''}`}>
          <table className="grid invoice-lines">
            <caption className="sr-only">Услуги по договору № {contract.number ?? ''}</caption>
            <thead>
              <tr>
                <th scope="col">Услуга</th>
                <th scope="col" className="num">
                  Цена
                </th>
                <th scope="col" className="num">
                  Кол-во
                </th>
                <th scope="col" className="num">
                  Сумма
                </th>
              </tr>
            </thead>
            <tbody>
              {(contract.services ?? []).map((s) => (
                <tr key={`${s.code ?? ''}:${s.name}`}>
                  <td>{s.name}</td>
                  <td className="num" data-label="Цена">
                    {rubles(s.unitPriceKopecks)}
                  </td>
                  <td className="num" data-label="Количество">
                    {s.quantity}
                  </td>
                  <td className="num" data-label="Сумма">
                    {rubles(s.amountKopecks)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  Итого
                </th>
                <td className="num">
                  <strong>{rubles(contract.totalKopecks)}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        </ScrollRegion>
        {contract.provisionTerms ? (
          <p className="muted">Условия оказания: {contract.provisionTerms}</p>
        ) : null}
        {contract.acceptedAt ? (
          <p className="muted" data-testid="contract-accepted">
            {contract.acceptanceChannel === 'DESK' ? 'Подписан в клинике' : 'Принят в личном кабинете'}{' '}
            {dateTimeIn(contract.acceptedAt, CLINIC_ZONE)}
          </p>
        ) : null}
        <p>
          <a className="button secondary small" href={`/api/contracts/pdf/${contract.id}`} download>
            Скачать договор (PDF)<span className="sr-only"> № {contract.number ?? ''}</span>
          </a>
        </p>
        {contract.status === 'DRAFT' ? <AcceptContract contract={contract} onDone={onChanged} /> : null}
      </article>
    </li>
  );
}

/**
 * The patient's contracts for paid medical services (newest first): services and prices, the PDF,
 * and «Принять договор» for a draft the clinic prepared (or the note that it was signed at the desk).
 */
export function MyContracts() {
  const failedDownload = useSearchParams().get('download') === 'failed';
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyContractsQuery });
  const [accepted, setAccepted] = useState(false);
  if (fetching && !data) return <Loading label="Загружаем договоры…" />;
  if (!data)
    return <ErrorBox>{billingErrorText(errorCode(error), null, 'Не удалось загрузить договоры')}</ErrorBox>;
  return (
    <>
      {failedDownload ? <ErrorBox>Не удалось скачать договор. Попробуйте ещё раз.</ErrorBox> : null}
      {accepted ? <Notice>Договор принят. Его копия всегда доступна здесь в PDF.</Notice> : null}
      {data.myContracts.length ? (
        <ul className="list" aria-label="Мои договоры">
          {data.myContracts.map((c) => (
            <ContractCard
              key={c.id}
              contract={c}
              onChanged={() => {
                setAccepted(true);
                refetch({ requestPolicy: 'network-only' });
              }}
            />
          ))}
        </ul>
      ) : (
        <Empty>Договоров пока нет. Договор на платные услуги оформляется в клинике и появится здесь.</Empty>
      )}
    </>
  );
}
