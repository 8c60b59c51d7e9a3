'use client';

import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useQuery } from 'urql';
import { Icd10SearchQuery } from '@/operations/record';

export type Icd10 = { code: string; title: string };

const plural = new Intl.PluralRules('ru-RU');
const FOUND: Record<string, string> = { one: 'код', few: 'кода', many: 'кодов', other: 'кода' };

/** The value after the user stopped typing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

/**
 * ICD-10 (МКБ-10) search as an ARIA combobox: type a code (J06) or words of the title, arrows move
 * through the matches, Enter picks, Escape closes. Results come from icd10Search, debounced.
 */
export function Icd10Picker({ onPick, exclude }: { onPick: (c: Icd10) => void; exclude: readonly string[] }) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebounced(text.trim(), 250);
  const [{ data, fetching }] = useQuery({
    query: Icd10SearchQuery,
    variables: { query },
    pause: query.length < 2,
  });
  const options = query.length >= 2 ? (data?.icd10Search ?? []).filter((c) => !exclude.includes(c.code)) : [];
  const shown = open && options.length > 0;
  const optionId = (i: number) => `${id}-opt-${i}`;

  useEffect(() => setActive(0), [query]);

  function pick(c: Icd10) {
    onPick(c);
    setText('');
    setOpen(false);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, Math.max(options.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      // Enter never submits the surrounding form from here.
      e.preventDefault();
      const c = shown ? options[active] : undefined;
      if (c) pick(c);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  }

  const status =
    query.length < 2
      ? 'Введите код или слова из названия, не меньше двух символов'
      : fetching && !data
        ? 'Ищем…'
        : options.length
          ? `Найдено: ${options.length} ${FOUND[plural.select(options.length)]}. Стрелки — выбор, Enter — добавить`
          : 'Ничего не найдено';

  return (
    <div className="combobox">
      <label htmlFor={`${id}-input`}>Диагноз по МКБ-10</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        placeholder="Например, J06 или «бронхит»"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown ? optionId(active) : undefined}
        aria-describedby={`${id}-status`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
      />
      <div id={listId} role="listbox" aria-label="Коды МКБ-10" hidden={!shown}>
        {options.map((c, i) => (
          // Options are not tab stops: the focus stays in the input (aria-activedescendant).
          <div
            key={c.code}
            id={optionId(i)}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            data-code={c.code}
            // mousedown, not click: the input keeps the focus (blur would close the list first).
            onMouseDown={(e) => {
              e.preventDefault();
              pick(c);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <span className="code">{c.code}</span>
            {c.title}
          </div>
        ))}
      </div>
      <div id={`${id}-status`} className="muted" aria-live="polite">
        {status}
      </div>
    </div>
  );
}
