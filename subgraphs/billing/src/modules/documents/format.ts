import { DateTime } from 'luxon';

/** No-break space: an amount or a date is never split across lines on paper. */
export const NBSP = '\u00a0';
/** The clinic works in Moscow time; printed times say so («МСК»). */
export const CLINIC_TIME_ZONE = 'Europe/Moscow';

const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Rubles and kopecks without the currency sign, the Russian way: `1 500,00` (no-break spaces). */
export function formatAmount(kopecks: number): string {
  if (!Number.isSafeInteger(kopecks) || kopecks < 0) {
    throw new RangeError(`An amount must be a non-negative whole number of kopecks, got ${kopecks}`);
  }
  const rubles = Math.floor(kopecks / 100);
  const rest = kopecks % 100;
  return `${groupThousands(String(rubles), NBSP)},${String(rest).padStart(2, '0')}`;
}

/** An amount in rubles the Russian way: `1 500,00 ₽`. Integer arithmetic only. */
export function formatRubles(kopecks: number): string {
  return `${formatAmount(kopecks)}${NBSP}₽`;
}

/** An amount as FNS XML formats write money: rubles with a point and two decimals, `1500.00`. */
export function formatXmlAmount(kopecks: number): string {
  formatAmount(kopecks); // the same range check
  return `${Math.floor(kopecks / 100)}.${String(kopecks % 100).padStart(2, '0')}`;
}

function parseCalendarDate(isoDate: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Expected a calendar date YYYY-MM-DD, got "${isoDate}"`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** A calendar date `2026-12-07` as printed in Russian documents: `7 декабря 2026 г.` */
export function formatLongDate(isoDate: string): string {
  const { year, month, day } = parseCalendarDate(isoDate);
  return `${day}${NBSP}${MONTHS_GENITIVE[month - 1]} ${year}${NBSP}г.`;
}

/** A calendar date `2026-12-07` as `07.12.2026` (forms, FNS XML). */
export function formatShortDate(isoDate: string): string {
  const { year, month, day } = parseCalendarDate(isoDate);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}

/** The calendar date of an instant in Moscow, `YYYY-MM-DD`. */
export function moscowDate(at: Date): string {
  const date = DateTime.fromJSDate(at, { zone: CLINIC_TIME_ZONE }).toISODate();
  if (!date) throw new RangeError('Invalid instant');
  return date;
}

/** An instant in Moscow time: `7 декабря 2026 г. в 14:05 (МСК)`. */
export function formatMoscowDateTime(at: Date): string {
  const local = DateTime.fromJSDate(at, { zone: CLINIC_TIME_ZONE });
  if (!local.isValid) throw new RangeError('Invalid instant');
  return `${formatLongDate(local.toFormat('yyyy-MM-dd'))} в ${local.toFormat('HH:mm')} (МСК)`;
}

/** Surname, given name and patronymic (if any) from a full name written in that order. */
export function splitFullName(fullName: string): { surname: string; given: string; patronymic?: string } {
  const [surname = '', given = '', ...rest] = fullName.trim().split(/\s+/);
  const patronymic = rest.join(' ');
  return patronymic ? { surname, given, patronymic } : { surname, given };
}

/** `Иванова Мария Петровна` → `Иванова М. П.` (for signature lines). */
export function shortName(fullName: string): string {
  const { surname, given, patronymic } = splitFullName(fullName);
  const initials = [given, patronymic]
    .filter((part): part is string => Boolean(part))
    .map((part) => `${part[0]}.`)
    .join(NBSP);
  return initials ? `${surname} ${initials}` : surname;
}

/** The first letter in upper case (a position written inside a sentence, printed at a line start). */
export function capitalise(value: string): string {
  return value.charAt(0).toLocaleUpperCase('ru') + value.slice(1);
}
