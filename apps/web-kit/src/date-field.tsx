'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { dateOnly, parseDate } from './format';

const FORMAT_HINT = 'ДД.ММ.ГГГГ';

/**
 * A date typed as ДД.ММ.ГГГГ — the app's own control, so the format is Russian whatever the
 * browser's locale (a native date input follows the browser: 02/12/2026 under en-US). The form
 * receives ISO "YYYY-MM-DD" in a hidden input named `name`; `onDate` gets it on every valid entry.
 * Also accepts ISO and 8 digits typed in a row.
 */
export function DateField({
  id,
  name,
  label,
  value,
  defaultValue,
  required,
  autoComplete,
  min,
  max,
  onDate,
}: {
  id: string;
  name?: string;
  label: string;
  /** Controlled ISO date (e.g. from the URL). */
  value?: string;
  defaultValue?: string;
  required?: boolean;
  autoComplete?: string;
  /** ISO bounds, inclusive. */
  min?: string;
  max?: string;
  onDate?: (iso: string) => void;
}) {
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const initial = value ?? defaultValue ?? '';
  const [text, setText] = useState(initial ? dateOnly(initial) : '');
  const [iso, setIso] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  // A new controlled value (another day chosen elsewhere) replaces what is shown.
  useEffect(() => {
    if (value !== undefined) {
      setText(value ? dateOnly(value) : '');
      setIso(value);
    }
  }, [value]);

  function check(raw: string): string | null {
    if (!raw.trim()) return null;
    const parsed = parseDate(raw);
    if (!parsed) return `Введите дату в формате ${FORMAT_HINT}, например 12.02.2026.`;
    if (min && parsed < min) return `Дата не раньше ${dateOnly(min)}.`;
    if (max && parsed > max) return `Дата не позже ${dateOnly(max)}.`;
    return null;
  }

  function update(raw: string) {
    setText(raw);
    const problem = check(raw);
    input.current?.setCustomValidity(problem ?? '');
    if (!problem) setError(null);
    const parsed = problem ? '' : (parseDate(raw) ?? '');
    setIso(parsed);
    if (parsed) onDate?.(parsed);
  }

  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete={autoComplete}
        placeholder={FORMAT_HINT}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error ? true : undefined}
        required={required}
        value={text}
        maxLength={10}
        onChange={(e) => update(e.target.value)}
        onBlur={() => {
          const parsed = parseDate(text);
          if (parsed && !check(text)) setText(dateOnly(parsed));
          setError(check(text));
        }}
      />
      <span id={hintId} className="sr-only">
        Формат: {FORMAT_HINT}
      </span>
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
      {name ? <input type="hidden" name={name} value={iso} /> : null}
    </>
  );
}
