'use client';

import { billingErrorText, parseRubles, rubles } from '@medikamente/web-kit/billing';
import { errorCode, newUuid } from '@medikamente/web-kit/client';
import { Empty, ErrorBox, Loading } from '@medikamente/web-kit/ui';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CreateInvoiceMutation, PriceListQuery } from '@/operations/billing';

type Line = { key: string; priceItemId: string; quantity: string; discount: string; reason: string };
type Item = { id: string; name: string; priceKopecks: number; code: string };

const blank = (): Line => ({ key: newUuid(), priceItemId: '', quantity: '1', discount: '', reason: '' });

/** A line's sum as typed: price × quantity − discount (null while something is not a valid number). */
function lineSum(line: Line, item: Item | undefined): number | null {
  const qty = Number(line.quantity);
  const discount = line.discount.trim() ? parseRubles(line.discount) : 0;
  if (!item || !Number.isInteger(qty) || qty < 1 || discount == null) return null;
  return item.priceKopecks * qty - discount;
}

function LineRow({
  index,
  line,
  items,
  onChange,
  onRemove,
}: {
  index: number;
  line: Line;
  items: readonly Item[];
  onChange: (l: Line) => void;
  onRemove?: () => void;
}) {
  const id = useId();
  const item = items.find((i) => i.id === line.priceItemId);
  const sum = lineSum(line, item);
  const hasDiscount = Boolean(line.discount.trim()) && parseRubles(line.discount) !== 0;
  return (
    <fieldset className="card row" data-testid="invoice-line">
      <legend>Позиция {index + 1}</legend>
      <div className="field" style={{ flex: '1 1 260px' }}>
        <label htmlFor={`${id}-item`}>Услуга</label>
        <select
          id={`${id}-item`}
          required
          value={line.priceItemId}
          onChange={(e) => onChange({ ...line, priceItemId: e.target.value })}
        >
          <option value="">Выберите из прейскуранта</option>
          {items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name} — {rubles(i.priceKopecks)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-qty`}>Количество</label>
        <input
          id={`${id}-qty`}
          type="number"
          min={1}
          max={100}
          required
          value={line.quantity}
          onChange={(e) => onChange({ ...line, quantity: e.target.value })}
          style={{ width: 90 }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-discount`}>Скидка, ₽</label>
        <input
          id={`${id}-discount`}
          type="text"
          inputMode="decimal"
          value={line.discount}
          aria-invalid={line.discount.trim() && parseRubles(line.discount) == null ? true : undefined}
          onChange={(e) => onChange({ ...line, discount: e.target.value })}
          style={{ width: 120 }}
        />
      </div>
      {hasDiscount ? (
        <div className="field" style={{ flex: '1 1 220px' }}>
          <label htmlFor={`${id}-reason`}>Причина скидки</label>
          <input
            id={`${id}-reason`}
            type="text"
            required
            maxLength={300}
            value={line.reason}
            onChange={(e) => onChange({ ...line, reason: e.target.value })}
          />
        </div>
      ) : null}
      <p className="num" style={{ margin: 0 }}>
        Сумма: <strong>{sum == null ? '—' : rubles(sum)}</strong>
      </p>
      {onRemove ? (
        <button type="button" className="secondary small" onClick={onRemove}>
          Убрать позицию {index + 1}
        </button>
      ) : null}
    </fieldset>
  );
}

/**
 * A new invoice at the desk from the branch's price list in effect today: lines with quantity and
 * an optional discount (rubles, with a reason — the API refuses a discount beyond the cashier's
 * limit). The total is shown as typed; the API computes the real one.
 */
export function InvoiceForm({
  branchId,
  patientId,
  onCreated,
}: {
  branchId: string;
  patientId: string;
  onCreated: (invoiceId: string) => void;
}) {
  const [{ data, fetching, error }] = useQuery({ query: PriceListQuery, variables: { branchId } });
  const [{ fetching: creating }, create] = useMutation(CreateInvoiceMutation);
  const [lines, setLines] = useState<Line[]>([blank()]);
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
  const sums = lines.map((l) =>
    lineSum(
      l,
      items.find((i) => i.id === l.priceItemId),
    ),
  );
  const total = sums.every((s) => s != null) ? sums.reduce<number>((a, s) => a + (s ?? 0), 0) : null;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const bad = lines.findIndex((l) => l.discount.trim() && parseRubles(l.discount) == null);
    if (bad >= 0) return setErrors([`Позиция ${bad + 1}: скидка — сумма в рублях, например 250 или 250,50`]);
    setErrors([]);
    const r = await create({
      input: {
        patientId,
        branchId,
        idempotencyKey: key.current,
        lines: lines.map((l) => {
          const discountKopecks = l.discount.trim() ? (parseRubles(l.discount) ?? 0) : 0;
          return {
            priceItemId: l.priceItemId,
            quantity: Number(l.quantity),
            discountKopecks,
            discountReason: discountKopecks ? l.reason.trim() : null,
          };
        }),
      },
    });
    const p = r.data?.createInvoice;
    if (p) key.current = newUuid();
    if (p?.ok && p.invoice) return onCreated(p.invoice.id);
    setErrors(
      p?.inputErrors.length
        ? p.inputErrors.map((x) => billingErrorText(x.code, x.message))
        : [billingErrorText(errorCode(r.error), null, 'Не удалось выставить счёт')],
    );
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Новый счёт">
      {lines.map((l, i) => (
        <LineRow
          key={l.key}
          index={i}
          line={l}
          items={items}
          onChange={(next) => setLines(lines.map((x) => (x.key === l.key ? next : x)))}
          onRemove={lines.length > 1 ? () => setLines(lines.filter((x) => x.key !== l.key)) : undefined}
        />
      ))}
      <div className="row">
        <button type="button" className="secondary" onClick={() => setLines([...lines, blank()])}>
          Добавить позицию
        </button>
        <p style={{ margin: 0 }}>
          Итого по счёту:{' '}
          <output className="money-due" data-testid="invoice-form-total">
            {total == null ? '—' : rubles(total)}
          </output>
        </p>
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
      <button type="submit" disabled={creating}>
        Выставить счёт
      </button>
    </form>
  );
}
