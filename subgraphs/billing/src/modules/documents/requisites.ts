import { z } from 'zod';

/**
 * Russian registration numbers and the shared zod pieces of the billing documents.
 * Check digits follow the published algorithms (ИНН: weighted sums mod 11 mod 10; ОГРН: the first
 * 12 digits mod 11, last digit of the remainder), so a mistyped digit is caught at save time.
 */

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits: string, weights: number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  return (sum % 11) % 10;
}

/** ИНН of an organisation: 10 digits, the last one a check digit. */
export function isValidOrganisationInn(value: string): boolean {
  return /^\d{10}$/.test(value) && checkDigit(value, INN10_WEIGHTS) === Number(value[9]);
}

/** ИНН of a person (or a sole trader): 12 digits, the last two check digits. */
export function isValidPersonInn(value: string): boolean {
  return (
    /^\d{12}$/.test(value) &&
    checkDigit(value, INN12_WEIGHTS_11) === Number(value[10]) &&
    checkDigit(value, INN12_WEIGHTS_12) === Number(value[11])
  );
}

/** ОГРН of an organisation: 13 digits; the 13th is (the first 12 as a number mod 11) mod 10. */
export function isValidOgrn(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false;
  let remainder = 0;
  for (const digit of value.slice(0, 12)) remainder = (remainder * 10 + Number(digit)) % 11;
  return remainder % 10 === Number(value[12]);
}

/** КПП: the tax office code (4 digits), the reason code (2 digits or capital Latin letters), 3 digits. */
export function isValidKpp(value: string): boolean {
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(value);
}

/** A calendar date `YYYY-MM-DD` that exists (no 31 April). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const text = (message: string) => z.string().trim().min(1, message);
export const calendarDate = (message: string) =>
  z.string().refine(isCalendarDate, `${message}: ожидается дата в формате ГГГГ-ММ-ДД`);
export const kopecks = (message: string) =>
  z
    .number()
    .int(`${message}: сумма в копейках должна быть целым числом`)
    .nonnegative(`${message}: сумма не может быть отрицательной`);

/** One validation problem, with a Russian message for the person who edits or issues the document. */
export type DocumentIssue = { path: string; message: string };

/** Russian messages for the generic zod failures (a field-specific message always wins over these). */
export function russianZodError(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Обязательное поле не заполнено' : 'Неверный тип значения';
    case 'unrecognized_keys':
      return `Неизвестные поля: ${issue.keys.join(', ')}`;
    case 'invalid_value':
      return 'Недопустимое значение';
    case 'too_small':
      return 'Значение слишком мало или пусто';
    case 'too_big':
      return 'Значение слишком велико или длинно';
    default:
      return 'Неверное значение';
  }
}

/** zod's issues as a flat list with dotted paths (`sections.2.paragraphs.0`). */
export function toDocumentIssues(error: z.ZodError): DocumentIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
