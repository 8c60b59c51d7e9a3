'use client';

import {
  billingErrorText,
  PRICE_KIND_LABELS,
  parseRubles,
  rubles,
  VAT_LABELS,
} from '@medikamente/web-kit/billing';
import { ScrollRegion } from '@medikamente/web-kit/billing-view';
import { errorCode } from '@medikamente/web-kit/client';
import { DateField } from '@medikamente/web-kit/date-field';
import { dateOnly } from '@medikamente/web-kit/format';
import { Empty, ErrorBox, Loading, Notice } from '@medikamente/web-kit/ui';
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { PriceKind, VatRate } from '@/gql/graphql';
import { PriceListQuery, ServicesQuery, SetPriceMutation } from '@/operations/billing';

const KINDS: PriceKind[] = ['SERVICE', 'LAB_TEST', 'OTHER'];
const VATS: VatRate[] = ['NONE', 'VAT0', 'VAT5', 'VAT7', 'VAT10', 'VAT20', 'VAT22'];

/**
 * The accountant's price list of a branch on a date, and «Установить цену»: a new price of a code
 * from a date (a later price of the same code is a new version; the earlier one stays for its
 * dates). Services of the schedule are chosen from its catalogue; lab tests by their price reference.
 */
export function PriceListEditor({ branchId, on }: { branchId: string; on: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: PriceListQuery,
    variables: { branchId, on },
  });
  const [{ data: services }] = useQuery({ query: ServicesQuery });
  const [{ fetching: saving }, setPrice] = useMutation(SetPriceMutation);
  const [kind, setKind] = useState<PriceKind>('SERVICE');
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setErrors([]);
    setSaved(null);
    const form = e.currentTarget;
    const f = new FormData(form);
    const s = (k: string) => String(f.get(k) ?? '').trim();
    const priceKopecks = parseRubles(s('price'));
    if (priceKopecks == null) return setErrors(['Цена — в рублях, например 2500 или 2 500,50']);
    const serviceId = s('serviceId');
    const name = s('name') || services?.services.find((x) => x.id === serviceId)?.name || '';
    const r = await setPrice({
      input: {
        branchId,
        code: s('code'),
        kind,
        refId: kind === 'SERVICE' ? serviceId || null : kind === 'LAB_TEST' ? s('refId') || null : null,
        name,
        priceKopecks,
        vat: s('vat') as VatRate,
        validFrom: s('validFrom'),
        validTo: s('validTo') || null,
      },
    });
    const p = r.data?.setPrice;
    if (p?.ok && p.priceItem) {
      setSaved(
        `Цена «${p.priceItem.name}» ${rubles(p.priceItem.priceKopecks)} действует с ${dateOnly(p.priceItem.validFrom)}`,
      );
      form.reset();
      refetch({ requestPolicy: 'network-only' });
      return;
    }
    setErrors(
      p?.inputErrors.length
        ? p.inputErrors.map((x) => billingErrorText(x.code, x.message))
        : [billingErrorText(errorCode(r.error), null, 'Цена не сохранена')],
    );
  }

  return (
    <>
      {fetching && !data ? <Loading label="Загружаем прейскурант…" /> : null}
      {error && !data ? (
        <ErrorBox>{billingErrorText(errorCode(error), null, 'Не удалось загрузить прейскурант')}</ErrorBox>
      ) : null}
      {data && !data.priceList.length ? <Empty>На эту дату цен нет.</Empty> : null}
      {data?.priceList.length ? (
        <ScrollRegion label="Прейскурант">
          <table className="grid" aria-label={`Прейскурант на ${dateOnly(on)}`}>
            <thead>
              <tr>
                <th scope="col">Код</th>
                <th scope="col">Наименование</th>
                <th scope="col">Вид</th>
                <th scope="col" className="num">
                  Цена
                </th>
                <th scope="col">НДС</th>
                <th scope="col">Действует</th>
              </tr>
            </thead>
            <tbody>
              {data.priceList.map((p) => (
                <tr key={p.id} data-price-code={p.code}>
                  <td>{p.code}</td>
                  <td>{p.name}</td>
                  <td>{PRICE_KIND_LABELS[p.kind] ?? p.kind}</td>
                  <td className="num">{rubles(p.priceKopecks)}</td>
                  <td>{VAT_LABELS[p.vat] ?? p.vat}</td>
                  <td>
                    с {dateOnly(p.validFrom)}
                    {p.validTo ? ` до ${dateOnly(p.validTo)}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      <form
        className="card stack"
        onSubmit={submit}
        aria-labelledby="set-price-title"
        style={{ marginTop: 12 }}
      >
        <h3 id="set-price-title" style={{ marginTop: 0 }}>
          Установить цену
        </h3>
        <div className="row">
          <div className="field">
            <label htmlFor="price-kind">Вид позиции</label>
            <select id="price-kind" value={kind} onChange={(e) => setKind(e.target.value as PriceKind)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {PRICE_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
          {kind === 'SERVICE' ? (
            <div className="field">
              <label htmlFor="price-service">Услуга расписания</label>
              <select id="price-service" name="serviceId" required defaultValue="">
                <option value="" disabled>
                  Выберите услугу
                </option>
                {(services?.services ?? []).map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {kind === 'LAB_TEST' ? (
            <div className="field">
              <label htmlFor="price-ref">Ценовой код анализа</label>
              <input id="price-ref" name="refId" type="text" required maxLength={100} />
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="price-code">Код в прейскуранте</label>
            <input
              id="price-code"
              name="code"
              type="text"
              required
              maxLength={60}
              pattern="[A-Za-z0-9._:\-]+"
            />
          </div>
          <div className="field" style={{ flex: '1 1 240px' }}>
            <label htmlFor="price-name">
              Наименование{kind === 'SERVICE' ? ' (по умолчанию — как у услуги)' : ''}
            </label>
            <input id="price-name" name="name" type="text" required={kind !== 'SERVICE'} maxLength={200} />
          </div>
        </div>
        <div className="row">
          <div className="field">
            <label htmlFor="price-value">Цена, ₽</label>
            <input id="price-value" name="price" type="text" inputMode="decimal" required />
          </div>
          <div className="field">
            <label htmlFor="price-vat">НДС</label>
            <select id="price-vat" name="vat" defaultValue="NONE">
              {VATS.map((v) => (
                <option key={v} value={v}>
                  {v === 'NONE' ? 'без НДС (медицинские услуги)' : VAT_LABELS[v]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <DateField
              key={on}
              id="price-from"
              name="validFrom"
              label="Действует с"
              defaultValue={on}
              required
            />
          </div>
          <div className="field">
            <DateField id="price-to" name="validTo" label="Действует до (не включая)" />
          </div>
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
        {saved ? <Notice>{saved}</Notice> : null}
        <button type="submit" disabled={saving}>
          Сохранить цену
        </button>
      </form>
    </>
  );
}
