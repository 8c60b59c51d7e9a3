import { ErrorCode, type InputError, textError } from '@medikamente/runtime';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { codes } from '../../error-codes.generated';

/** Normalises a Russian (or international) phone number to E.164, or returns null. */
export function normalizePhone(input: string): string | null {
  const p = parsePhoneNumberFromString(input.trim(), 'RU');
  return p?.isValid() ? p.number : null;
}

/** Checks a SNILS number (11 digits, with or without separators) by its control sum. */
export function isValidSnils(input: string): boolean {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{11}$/.test(digits)) return false;
  const body = digits.slice(0, 9);
  const control = Number(digits.slice(9));
  // Numbers up to 001-001-998 were issued before the control sum existed.
  if (Number(body) <= 1001998) return true;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (9 - i);
  let expected = sum;
  if (sum > 101) expected = sum % 101;
  if (expected === 100 || expected === 101) expected = 0;
  return expected === control;
}

/** Formats SNILS as 123-456-789 01. */
export const formatSnils = (s: string) => {
  const d = s.replace(/\D/g, '');
  return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 9)} ${d.slice(9)}`;
};

/** Parses YYYY-MM-DD as a real calendar date. */
export function parseIsoDate(s: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const d = new Date(`${s}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? null : d;
}

const NAME = /^[\p{L}][\p{L}\s'’.-]*$/u;

export type PatientFields = {
  lastName?: string | null;
  firstName?: string | null;
  middleName?: string | null;
  birthDate?: string | null;
  sex?: 'MALE' | 'FEMALE' | null;
  phone?: string | null;
  email?: string | null;
  passport?: string | null;
  passportIssuedBy?: string | null;
  passportIssuedOn?: string | null;
  snils?: string | null;
  insurancePolicy?: string | null;
  registrationAddress?: string | null;
  homeAddress?: string | null;
  workplace?: string | null;
  chronicConditions?: string[] | null;
};

const emailSchema = z.email();

/**
 * Validates and normalises patient fields. `required` lists fields that must be present
 * (registration); on update only the given fields are checked. Returns normalised values
 * or the list of typed input errors — never both.
 */
export function validatePatientFields(
  input: PatientFields,
  required: (keyof PatientFields)[],
  today = new Date(),
): { ok: true; value: PatientFields } | { ok: false; errors: InputError[] } {
  const errors: InputError[] = [];
  const out: PatientFields = {};
  const err = (field: string, code: InputError['code'], message: string) =>
    errors.push({ field, code, message });
  const text = (v: string | null | undefined) =>
    v === undefined ? undefined : v === null ? null : v.trim() || null;

  for (const f of required) {
    if (
      input[f] === undefined ||
      input[f] === null ||
      (typeof input[f] === 'string' && !(input[f] as string).trim())
    ) {
      err(f, ErrorCode.REQUIRED, 'Обязательное поле');
    }
  }
  for (const f of ['lastName', 'firstName', 'middleName'] as const) {
    const v = text(input[f]);
    if (v === undefined) continue;
    if (v !== null && (v.length > 100 || !NAME.test(v)))
      err(f, ErrorCode.BAD_USER_INPUT, 'Допустимы только буквы, пробел, дефис и апостроф');
    else out[f] = v;
  }
  for (const f of ['birthDate', 'passportIssuedOn'] as const) {
    const v = text(input[f]);
    if (v === undefined) continue;
    if (v === null) {
      out[f] = null;
      continue;
    }
    const d = parseIsoDate(v);
    if (!d || d.getUTCFullYear() < 1900)
      err(f, ErrorCode.INVALID_DATE, 'Дата должна быть в формате ГГГГ-ММ-ДД');
    else if (d.getTime() > today.getTime()) err(f, codes.DATE_IN_FUTURE, 'Дата не может быть в будущем');
    else out[f] = v;
  }
  if (input.sex !== undefined) {
    if (input.sex !== null && input.sex !== 'MALE' && input.sex !== 'FEMALE')
      err('sex', ErrorCode.BAD_USER_INPUT, 'Неизвестное значение');
    else out.sex = input.sex;
  }
  const phone = text(input.phone);
  if (phone !== undefined) {
    const n = phone === null ? null : normalizePhone(phone);
    if (phone !== null && !n) err('phone', ErrorCode.INVALID_PHONE, 'Неверный номер телефона');
    else out.phone = n;
  }
  const email = text(input.email);
  if (email !== undefined) {
    if (email !== null && (email.length > 254 || !emailSchema.safeParse(email).success))
      err('email', ErrorCode.INVALID_EMAIL, 'Неверный адрес электронной почты');
    else out.email = email?.toLowerCase() ?? null;
  }
  const passport = text(input.passport);
  if (passport !== undefined) {
    const d = passport?.replace(/\s/g, '') ?? null;
    if (d !== null && !/^\d{10}$/.test(d))
      err('passport', ErrorCode.BAD_USER_INPUT, 'Серия и номер паспорта: 10 цифр');
    else out.passport = d === null ? null : `${d.slice(0, 4)} ${d.slice(4)}`;
  }
  const snils = text(input.snils);
  if (snils !== undefined) {
    if (snils !== null && !isValidSnils(snils))
      err('snils', codes.INVALID_SNILS, 'Неверный СНИЛС (контрольная сумма не сходится)');
    else out.snils = snils === null ? null : formatSnils(snils);
  }
  const policy = text(input.insurancePolicy);
  if (policy !== undefined) {
    const d = policy?.replace(/\s/g, '') ?? null;
    if (d !== null && !/^\d{16}$/.test(d))
      err('insurancePolicy', ErrorCode.BAD_USER_INPUT, 'Номер полиса ОМС: 16 цифр');
    else out.insurancePolicy = d;
  }
  for (const f of ['passportIssuedBy', 'registrationAddress', 'homeAddress', 'workplace'] as const) {
    const v = text(input[f]);
    if (v === undefined) continue;
    const e = textError(f, v, { max: 300 });
    if (e) errors.push(e);
    else out[f] = v;
  }
  if (input.chronicConditions !== undefined) {
    // Blank entries (an empty row of the form) are dropped; the others are free text.
    const list = (input.chronicConditions ?? []).map((c) => c.trim()).filter(Boolean);
    const e = list.map((c) => textError('chronicConditions', c, { max: 200 })).find(Boolean);
    if (list.length > 50) err('chronicConditions', ErrorCode.TOO_LONG, 'Слишком длинный список');
    else if (e) errors.push(e);
    else out.chronicConditions = list;
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}
