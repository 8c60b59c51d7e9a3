'use client';

import { billingErrorText, rubles } from '@medikamente/web-kit/billing';
import { errorCode, newUuid } from '@medikamente/web-kit/client';
import { Empty, ErrorBox, Loading } from '@medikamente/web-kit/ui';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { PriceListQuery } from '@/operations/billing';
import { CreateContractMutation, SignContractAtDeskMutation } from '@/operations/contracts';
import { type PersonDefaults, PersonFields, readPerson } from './contract-person';

type Line = { key: string; priceItemId: string; quantity: string };
const blank = (): Line => ({ key: newUuid(), priceItemId: '', quantity: '1' });

export type ContractDone = { number: string | null; signed: boolean; failure?: string };

/**
 * A contract for paid medical services made at the desk: the patient's data (prefilled from the
 * card, completed by the receptionist), an optional legal representative and payer, services from
 * the branch's price list of today; then «Подписать в клинике» (signed on paper now) or
 * «Сохранить черновик» (the patient accepts it in the portal).
 */
export function ContractForm({
  patientId,
  branchId,
  defaults,
  onDone,
}: {
  patientId: string;
  branchId: string;
  defaults: PersonDefaults;
  onDone: (done: ContractDone) => void;
}) {
  const id = useId();
  const [{ data, fetching, error }] = useQuery({ query: PriceListQuery, variables: { branchId } });
  const [{ fetching: creating }, create] = useMutation(CreateContractMutation);
  const [{ fetching: signing }, sign] = useMutation(SignContractAtDeskMutation);
  const [lines, setLines] = useState<Line[]>([blank()]);
  const [withRepresentative, setWithRepresentative] = useState(false);
  const [withPayer, setWithPayer] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const key = useRef(newUuid());

  if (fetching && !data) return <Loading label="Загружаем прейскурант…" />;
  if (!data)
    return (
      <ErrorBox>{billingErrorText(errorCode(error), null, 'Не удалось загрузить прейскурант')}</ErrorBox>
    );
  const items = data.priceList;
  if (!items.length)
    return <Empty>В прейскуранте филиала нет действующих цен. Обратитесь в бухгалтерию.</Empty>;
  const sums = lines.map((l) => {
    const item = items.find((i) => i.id === l.priceItemId);
    const qty = Number(l.quantity);
    return item && Number.isInteger(qty) && qty >= 1 ? item.priceKopecks * qty : null;
  });
  const total = sums.every((s) => s != null) ? sums.reduce<number>((a, s) => a + (s ?? 0), 0) : null;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const signNow = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'sign';
    const form = new FormData(e.currentTarget);
    const { basis: _basis, ...patient } = readPerson(form, 'patient');
    const rep = withRepresentative ? readPerson(form, 'representative') : null;
    const payer = withPayer ? readPerson(form, 'payer') : null;
    setErrors([]);
    const terms = String(form.get('provisionTerms') ?? '').trim();
    const r = await create({
      input: {
        patientId,
        branchId,
        idempotencyKey: key.current,
        patient,
        representative: rep ? { ...rep, basis: rep.basis ?? '' } : null,
        payer,
        services: lines.map((l) => ({ priceItemId: l.priceItemId, quantity: Number(l.quantity) })),
        provisionTerms: terms || null,
      },
    });
    const p = r.data?.createContract;
    if (p) key.current = newUuid();
    if (!p?.ok || !p.contract) {
      setErrors(
        p?.inputErrors.length
          ? p.inputErrors.map((x) => billingErrorText(x.code, x.message))
          : [billingErrorText(errorCode(r.error), null, 'Не удалось оформить договор')],
      );
      return;
    }
    const contract = p.contract;
    if (!signNow) return onDone({ number: contract.number ?? null, signed: false });
    const s = await sign({ contractId: contract.id });
    const signed = s.data?.signContractAtDesk;
    if (signed?.ok) return onDone({ number: contract.number ?? null, signed: true });
    const first = signed?.inputErrors[0];
    onDone({
      number: contract.number ?? null,
      signed: false,
      failure: billingErrorText(
        first?.code ?? errorCode(s.error),
        first?.message,
        'Не удалось отметить подписание',
      ),
    });
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Новый договор">
      <PersonFields prefix="patient" legend="Пациент (потребитель)" defaults={defaults} />
      <label className="inline" htmlFor={`${id}-rep`}>
        <input
          id={`${id}-rep`}
          type="checkbox"
          checked={withRepresentative}
          onChange={(e) => setWithRepresentative(e.target.checked)}
        />
        Договор заключает законный представитель
      </label>
      {withRepresentative ? (
        <PersonFields prefix="representative" legend="Законный представитель" representative />
      ) : null}
      <label className="inline" htmlFor={`${id}-payer`}>
        <input
          id={`${id}-payer`}
          type="checkbox"
          checked={withPayer}
          onChange={(e) => setWithPayer(e.target.checked)}
        />
        Платит другое лицо (заказчик)
      </label>
      {withPayer ? <PersonFields prefix="payer" legend="Заказчик (плательщик)" /> : null}
      <fieldset className="card stack">
        <legend>Услуги по договору</legend>
        {lines.map((l, i) => (
          <fieldset className="row" key={l.key} style={{ border: 0, padding: 0, margin: 0 }}>
            <legend className="sr-only">Услуга {i + 1}</legend>
            <div className="field" style={{ flex: '1 1 300px' }}>
              <label htmlFor={`${id}-item-${l.key}`}>Услуга из прейскуранта</label>
              <select
                id={`${id}-item-${l.key}`}
                required
                value={l.priceItemId}
                onChange={(e) =>
                  setLines(lines.map((x) => (x.key === l.key ? { ...x, priceItemId: e.target.value } : x)))
                }
              >
                <option value="">Выберите услугу</option>
                {items.map((it) => (
                  <option key={it.id} value={it.id}>
                    {it.name} — {rubles(it.priceKopecks)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-qty-${l.key}`}>Количество</label>
              <input
                id={`${id}-qty-${l.key}`}
                type="number"
                min={1}
                max={100}
                required
                value={l.quantity}
                style={{ width: 90 }}
                onChange={(e) =>
                  setLines(lines.map((x) => (x.key === l.key ? { ...x, quantity: e.target.value } : x)))
                }
              />
            </div>
            {lines.length > 1 ? (
              <button
                type="button"
                className="secondary small"
                onClick={() => setLines(lines.filter((x) => x.key !== l.key))}
              >
                Убрать услугу {i + 1}
              </button>
            ) : null}
          </fieldset>
        ))}
        <div className="row">
          <button type="button" className="secondary small" onClick={() => setLines([...lines, blank()])}>
            Добавить услугу
          </button>
          <p style={{ margin: 0 }}>
            Сумма по договору:{' '}
            <output data-testid="contract-form-total">{total == null ? '—' : rubles(total)}</output>
          </p>
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-terms`}>Сроки и условия оказания услуг (необязательно)</label>
        <textarea id={`${id}-terms`} name="provisionTerms" rows={2} maxLength={2000} />
      </div>
      {errors.length ? (
        <ErrorBox>
          <ul className="list">
            {errors.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </ErrorBox>
      ) : null}
      <div className="row">
        <button type="submit" name="action" value="sign" disabled={creating || signing}>
          Подписать в клинике
        </button>
        <button
          type="submit"
          name="action"
          value="draft"
          className="secondary"
          disabled={creating || signing}
        >
          Сохранить черновик для пациента
        </button>
      </div>
      <p className="muted">
        «Подписать в клинике» — пациент подписывает бумажный экземпляр сейчас. Черновик пациент примет в
        личном кабинете.
      </p>
    </form>
  );
}
