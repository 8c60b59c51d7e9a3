import { createHash } from 'node:crypto';
import { ErrorCode, hasControlCharacters, type InputError, inputError } from '@medikamente/runtime';
import { codes } from '../../error-codes.generated';

export const DIAGNOSIS_KINDS = ['PRIMARY', 'SECONDARY', 'COMPLICATION'] as const;
export const DIAGNOSIS_CERTAINTIES = ['PROVISIONAL', 'CONFIRMED'] as const;
export const REFERRAL_KINDS = ['SPECIALIST', 'LAB'] as const;

export type Diagnosis = {
  code: string;
  /** The ICD-10 title at signing (the signed document is self-contained). */
  title: string;
  kind: (typeof DIAGNOSIS_KINDS)[number];
  certainty: (typeof DIAGNOSIS_CERTAINTIES)[number];
};
export type Prescription = {
  drug: string;
  form: string | null;
  dose: string | null;
  route: string | null;
  frequency: string | null;
  duration: string | null;
  instructions: string | null;
};
export type Referral = { kind: (typeof REFERRAL_KINDS)[number]; target: string; note: string | null };

/** The clinical content of a visit note: what a draft holds and a version freezes. */
export type VisitContent = {
  complaints: string | null;
  anamnesis: string | null;
  examination: string | null;
  diagnoses: Diagnosis[];
  conclusion: string | null;
  recommendations: string | null;
  prescriptions: Prescription[];
  referrals: Referral[];
};

export const EMPTY_CONTENT: VisitContent = {
  complaints: null,
  anamnesis: null,
  examination: null,
  diagnoses: [],
  conclusion: null,
  recommendations: null,
  prescriptions: [],
  referrals: [],
};

/** The GraphQL input as it arrives (every field optional). */
export type VisitContentInput = {
  complaints?: string | null;
  anamnesis?: string | null;
  examination?: string | null;
  diagnoses?: Array<{ code: string; kind: string; certainty: string }> | null;
  conclusion?: string | null;
  recommendations?: string | null;
  prescriptions?: Array<Partial<Record<keyof Prescription, string | null>>> | null;
  referrals?: Array<{ kind: string; target: string; note?: string | null }> | null;
};

const LIMITS = { longText: 10_000, shortText: 200, instructions: 2000, items: 50 };
const ICD10 = /^[A-Z]\d\d(\.\d{1,2})?$/;

/**
 * Validates and normalises a content input (trimmed texts, upper-case codes). Diagnosis titles are
 * filled in from the ICD-10 directory by the caller (`titles`); unknown codes are input errors.
 */
export function parseContent(
  input: VisitContentInput,
  titles: ReadonlyMap<string, string>,
  field = 'input.content',
): { content: VisitContent; errors: InputError[] } {
  const errors: InputError[] = [];
  const text = (name: string, v: unknown, max: number, required = false): string | null => {
    const s = typeof v === 'string' ? v.trim() : '';
    if (!s) {
      if (required) errors.push(inputError(`${field}.${name}`, ErrorCode.REQUIRED, 'Обязательное поле'));
      return null;
    }
    if (hasControlCharacters(s))
      errors.push(inputError(`${field}.${name}`, ErrorCode.BAD_USER_INPUT, 'Недопустимые символы'));
    else if (s.length > max)
      errors.push(inputError(`${field}.${name}`, ErrorCode.TOO_LONG, `Не длиннее ${max} символов`));
    return s;
  };
  const list = <T>(name: string, v: T[] | null | undefined): T[] => {
    const items = v ?? [];
    if (items.length > LIMITS.items)
      errors.push(inputError(`${field}.${name}`, ErrorCode.TOO_LONG, `Не больше ${LIMITS.items} записей`));
    return items.slice(0, LIMITS.items);
  };
  const diagnoses: Diagnosis[] = [];
  const seen = new Set<string>();
  list('diagnoses', input.diagnoses).forEach((d, i) => {
    const at = `diagnoses.${i}`;
    const code = normaliseIcd10(d.code);
    const title = code ? titles.get(code) : undefined;
    if (!code || !title) {
      errors.push(inputError(`${field}.${at}.code`, codes.UNKNOWN_ICD10_CODE, 'Нет такого кода МКБ-10'));
      return;
    }
    if (seen.has(code))
      errors.push(inputError(`${field}.${at}.code`, ErrorCode.DUPLICATE, 'Диагноз указан дважды'));
    seen.add(code);
    if (!(DIAGNOSIS_KINDS as readonly string[]).includes(d.kind))
      errors.push(inputError(`${field}.${at}.kind`, ErrorCode.BAD_USER_INPUT, 'Неизвестный вид диагноза'));
    if (!(DIAGNOSIS_CERTAINTIES as readonly string[]).includes(d.certainty))
      errors.push(
        inputError(`${field}.${at}.certainty`, ErrorCode.BAD_USER_INPUT, 'Неизвестный статус диагноза'),
      );
    diagnoses.push({
      code,
      title,
      kind: d.kind as Diagnosis['kind'],
      certainty: d.certainty as Diagnosis['certainty'],
    });
  });
  if (diagnoses.filter((d) => d.kind === 'PRIMARY').length > 1)
    errors.push(
      inputError(`${field}.diagnoses`, ErrorCode.BAD_USER_INPUT, 'Основной диагноз может быть только один'),
    );
  const prescriptions = list('prescriptions', input.prescriptions).map((p, i) => ({
    drug: text(`prescriptions.${i}.drug`, p.drug, LIMITS.shortText, true) ?? '',
    form: text(`prescriptions.${i}.form`, p.form, LIMITS.shortText),
    dose: text(`prescriptions.${i}.dose`, p.dose, LIMITS.shortText),
    route: text(`prescriptions.${i}.route`, p.route, LIMITS.shortText),
    frequency: text(`prescriptions.${i}.frequency`, p.frequency, LIMITS.shortText),
    duration: text(`prescriptions.${i}.duration`, p.duration, LIMITS.shortText),
    instructions: text(`prescriptions.${i}.instructions`, p.instructions, LIMITS.instructions),
  }));
  const referrals = list('referrals', input.referrals).map((r, i) => {
    if (!(REFERRAL_KINDS as readonly string[]).includes(r.kind))
      errors.push(
        inputError(`${field}.referrals.${i}.kind`, ErrorCode.BAD_USER_INPUT, 'Неизвестный вид направления'),
      );
    return {
      kind: r.kind as Referral['kind'],
      target: text(`referrals.${i}.target`, r.target, LIMITS.shortText, true) ?? '',
      note: text(`referrals.${i}.note`, r.note, LIMITS.instructions),
    };
  });
  const content: VisitContent = {
    complaints: text('complaints', input.complaints, LIMITS.longText),
    anamnesis: text('anamnesis', input.anamnesis, LIMITS.longText),
    examination: text('examination', input.examination, LIMITS.longText),
    diagnoses,
    conclusion: text('conclusion', input.conclusion, LIMITS.longText),
    recommendations: text('recommendations', input.recommendations, LIMITS.longText),
    prescriptions,
    referrals,
  };
  return { content, errors };
}

/** Codes as the directory keys them: upper case, Latin letter, trimmed; null when not a code. */
export function normaliseIcd10(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  // A Cyrillic letter typed on a Russian layout where the code's Latin one was meant.
  const lookalike: Record<string, string> = {
    А: 'A',
    В: 'B',
    Е: 'E',
    К: 'K',
    М: 'M',
    Н: 'H',
    О: 'O',
    Р: 'P',
    С: 'C',
    Т: 'T',
    Х: 'X',
  };
  const s = raw
    .trim()
    .toUpperCase()
    .replace(/^./, (c) => lookalike[c] ?? c)
    .replace(',', '.');
  return ICD10.test(s) ? s : null;
}

/** Codes a content input names (normalised), for one directory look-up. */
export const codesOf = (input: VisitContentInput): string[] =>
  (input.diagnoses ?? []).map((d) => normaliseIcd10(d.code)).filter((c): c is string => c !== null);

/** Deterministic JSON: keys sorted at every level (what the content hash is computed over). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 (hex) of the canonical form of what is signed. */
export const contentHash = (signed: unknown): string =>
  createHash('sha256').update(canonicalJson(signed), 'utf8').digest('hex');

/** Whether a draft holds nothing worth signing. */
export const isEmptyContent = (c: VisitContent): boolean =>
  !c.complaints &&
  !c.anamnesis &&
  !c.examination &&
  !c.conclusion &&
  !c.recommendations &&
  c.diagnoses.length === 0 &&
  c.prescriptions.length === 0 &&
  c.referrals.length === 0;
