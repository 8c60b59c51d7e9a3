import { ErrorCode, type InputError, inputError } from '@medikamente/runtime';

/**
 * The largest single amount the API takes, in kopecks (10 million rubles: far beyond a clinic bill):
 * a price, a line, an invoice, a payment, a refund, a contract. The `Kopecks` scalar itself carries
 * any safe integer, so sums over many of them (a year, a day of a branch) stay readable.
 */
export const MAX_KOPECKS = 1_000_000_000;

/** BAD_USER_INPUT unless a whole number of kopecks in [min, MAX_KOPECKS]. */
export function kopecksError(field: string, value: number, min = 1): InputError | null {
  return Number.isSafeInteger(value) && value >= min && value <= MAX_KOPECKS
    ? null
    : inputError(
        field,
        ErrorCode.BAD_USER_INPUT,
        min > 0 ? 'Сумма — целое число копеек больше нуля' : 'Сумма — целое число копеек',
      );
}

/** Lower-case enum of the API (VAT22) → the fiscal name (vat22). */
export const vatOf = (v: string) =>
  v.toLowerCase() as 'none' | 'vat0' | 'vat5' | 'vat7' | 'vat10' | 'vat20' | 'vat22';
/** The fiscal name → the API's enum. */
export const vatEnum = (v: string) =>
  v.toUpperCase() as 'NONE' | 'VAT0' | 'VAT5' | 'VAT7' | 'VAT10' | 'VAT20' | 'VAT22';
