import { appError, ErrorCode, type InputError, inputError } from './errors';

/**
 * Characters no text field of the platform stores: C0 controls other than tab and line breaks,
 * DEL, C1 controls, and unpaired surrogates. PostgreSQL refuses NUL in text outright, so without
 * this check a `\u0000` in any argument surfaced as INTERNAL.
 */
const UNSTORABLE = /(?![\t\n\r])\p{Cc}|\p{Cs}/u;

/** Whether a string holds control characters (tab and line breaks excepted) or broken UTF-16. */
export const hasControlCharacters = (s: string): boolean => UNSTORABLE.test(s);

export type TextRule = {
  /** Longest accepted value, in characters, after trimming. */
  max: number;
  /** Empty (or only spaces) is REQUIRED instead of "not given". */
  required?: boolean;
};

const TEXT_MESSAGES = {
  required: 'Обязательное поле',
  control: 'Недопустимые символы',
  tooLong: (max: number) => `Не длиннее ${max} символов`,
};

/**
 * Checks one free-text value as the platform stores it (trimmed): REQUIRED when empty and
 * required, BAD_USER_INPUT for control characters, TOO_LONG beyond `rule.max`. Null when fine.
 */
export function textError(field: string, value: unknown, rule: TextRule): InputError | null {
  const v = typeof value === 'string' ? value.trim() : '';
  if (!v) return rule.required ? inputError(field, ErrorCode.REQUIRED, TEXT_MESSAGES.required) : null;
  if (hasControlCharacters(v)) return inputError(field, ErrorCode.BAD_USER_INPUT, TEXT_MESSAGES.control);
  if (v.length > rule.max) return inputError(field, ErrorCode.TOO_LONG, TEXT_MESSAGES.tooLong(rule.max));
  return null;
}

/**
 * The trimmed text (null when empty and optional), or a coded GraphQLError — for queries and
 * mutations whose result has no `inputErrors`.
 */
export function requireText(value: unknown, field: string, rule: TextRule): string | null {
  const error = textError(field, value, rule);
  if (error) throw appError(error.code, error.message, { field });
  return typeof value === 'string' ? value.trim() || null : null;
}

/** The calendar dates the platform accepts: a birth in 1900 to a schedule in 2100. */
export const DATE_RANGE = { min: '1900-01-01', max: '2100-12-31' } as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a value is a real calendar date `YYYY-MM-DD` inside DATE_RANGE (no 30 February, no year 9999). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  if (value < DATE_RANGE.min || value > DATE_RANGE.max) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const DATE_MESSAGE = `Дата ГГГГ-ММ-ДД между ${DATE_RANGE.min.slice(0, 4)} и ${DATE_RANGE.max.slice(0, 4)} годом`;

/** INVALID_DATE for a value that is not a calendar date in range; null when fine. */
export const dateError = (field: string, value: unknown): InputError | null =>
  isCalendarDate(value) ? null : inputError(field, ErrorCode.INVALID_DATE, DATE_MESSAGE);

/** The date, or a coded INVALID_DATE GraphQLError (before it reaches SQL or date arithmetic). */
export function requireDate(value: unknown, field: string): string {
  if (!isCalendarDate(value)) throw appError(ErrorCode.INVALID_DATE, DATE_MESSAGE, { field });
  return value;
}

/**
 * An inclusive period of calendar dates: both valid, `to` not before `from`, at most `maxDays`
 * apart. Throws coded GraphQLErrors (INVALID_DATE, BAD_USER_INPUT) naming the field.
 */
export function requireDateRange(
  from: unknown,
  to: unknown,
  maxDays: number,
  fields: { from: string; to: string } = { from: 'from', to: 'to' },
): { from: string; to: string } {
  const f = requireDate(from, fields.from);
  const t = requireDate(to, fields.to);
  const days = (Date.parse(`${t}T00:00:00Z`) - Date.parse(`${f}T00:00:00Z`)) / 86_400_000;
  if (days < 0) throw appError(ErrorCode.BAD_USER_INPUT, 'Дата «по» раньше даты «с»', { field: fields.to });
  if (days > maxDays)
    throw appError(ErrorCode.BAD_USER_INPUT, `Не больше ${maxDays} дней за запрос`, { field: fields.to });
  return { from: f, to: t };
}
