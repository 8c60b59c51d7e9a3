'use client';

import { useDeferredValue, useId, useState } from 'react';
import { useQuery } from 'urql';
import type { LabTestsQuery as LabTestsResult } from '@/gql/graphql';
import { LabTestsQuery } from '@/operations/lab';

export type PickedTest = Pick<LabTestsResult['labTests'][number], 'id' | 'name' | 'code' | 'specimenType'>;

/**
 * Tests from the catalogue, several at once: a search field filters the catalogue (by code or
 * words of the name), each found test is a checkbox; the chosen ones stay listed with a button
 * to remove each, whatever the search shows now.
 */
export function LabTestPicker({
  chosen,
  onChange,
}: {
  chosen: readonly PickedTest[];
  onChange: (next: PickedTest[]) => void;
}) {
  const id = useId();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  // The catalogue can be long: it is searched from two characters on, never listed whole.
  const short = deferred.length < 2;
  const [{ data, fetching, error }] = useQuery({
    query: LabTestsQuery,
    variables: { search: deferred },
    pause: short,
  });
  const found = short ? [] : (data?.labTests ?? []);
  const picked = new Set(chosen.map((t) => t.id));
  const toggle = (t: PickedTest, on: boolean) =>
    onChange(on ? [...chosen, t] : chosen.filter((c) => c.id !== t.id));

  return (
    <div className="lab-picker" data-testid="lab-test-picker">
      <label htmlFor={`${id}-search`}>Найти в справочнике</label>
      <input
        id={`${id}-search`}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder="Название или код, например «глюкоза»"
        aria-describedby={`${id}-status`}
        autoComplete="off"
      />
      <div id={`${id}-status`} className="muted" aria-live="polite">
        {short
          ? 'Введите не меньше двух символов названия или кода'
          : fetching && !data
            ? 'Ищем…'
            : error
              ? 'Справочник недоступен'
              : found.length
                ? `Найдено: ${found.length}`
                : 'Ничего не найдено'}
      </div>
      {found.length ? (
        <fieldset className="options">
          <legend className="sr-only">Результаты поиска по справочнику</legend>
          {found.map((t) => (
            <label key={t.id} data-lab-test={t.code}>
              <input
                type="checkbox"
                checked={picked.has(t.id)}
                onChange={(e) => toggle(t, e.target.checked)}
              />
              <span>
                {t.name}{' '}
                <span className="muted">
                  · {t.code} · {t.specimenType}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <h3 id={`${id}-chosen`}>Выбрано: {chosen.length}</h3>
      {chosen.length ? (
        <ul className="chosen" aria-labelledby={`${id}-chosen`} data-testid="lab-chosen">
          {chosen.map((t) => (
            <li key={t.id} className="badge" data-lab-test={t.code}>
              {t.name}{' '}
              <button
                type="button"
                className="link"
                onClick={() => toggle(t, false)}
                aria-label={`Убрать: ${t.name}`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
