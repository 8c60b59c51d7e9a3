/**
 * Pure rules for one lab result value: check what a partner reported against the catalogue test,
 * pick the reference interval for the patient's sex and age, and compute the flag. Flags are
 * always computed here, never taken from the partner.
 */
import { unitMatches } from './units';

export type Sex = 'MALE' | 'FEMALE' | 'UNKNOWN';
export type Flag = 'N' | 'L' | 'H' | 'LL' | 'HH' | 'A';
export type ValueKind = 'NUMERIC' | 'CODED' | 'TEXT';
/** One reference interval of a catalogue test; ages in whole years, [ageFrom, ageTo) with null = open. */
export type ReferenceRange = {
  sex: 'MALE' | 'FEMALE' | 'ANY';
  ageFrom: number | null;
  ageTo: number | null;
  low: number | null;
  high: number | null;
  /** Decimals to print in {@link formatRange} (e.g. 1 for "5,0"); default: as many as the bounds need. */
  decimals?: number | null;
};
export type CatalogueTestRules = {
  code: string;
  kind: ValueKind;
  /** Canonical unit as the catalogue shows it (Russian, e.g. "ммоль/л", "10^9/л", "г/л", "%"). */
  unit: string | null;
  /** Other spellings accepted for the same unit (e.g. "mmol/L"). */
  unitAliases: string[];
  referenceRanges: ReferenceRange[];
  criticalLow: number | null;
  criticalHigh: number | null;
  /** Outside [plausibleLow, plausibleHigh]: physically implausible, refused. */
  plausibleLow: number | null;
  plausibleHigh: number | null;
  /** CODED: values that are normal (e.g. "NEGATIVE", "отрицательно"); anything else flags A. */
  normalCodes: string[];
};
export type ReportedValue = {
  numeric?: number | null;
  unit?: string | null;
  coded?: string | null;
  text?: string | null;
};
export type CheckedValue = {
  kind: ValueKind;
  numeric: number | null;
  unit: string | null;
  coded: string | null;
  text: string | null;
};
/** `message` is Russian, names at most the test code and units, never the reported value. */
export type ValueError = {
  code: 'UNIT_MISMATCH' | 'VALUE_IMPLAUSIBLE' | 'VALUE_KIND_MISMATCH' | 'VALUE_REQUIRED';
  message: string;
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function parseDate(iso: string, name: string): { y: number; m: number; d: number } {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`${name}: expected an ISO date`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new RangeError(`${name}: not a calendar date`);
  }
  return { y, m, d };
}

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Whole years of age on the calendar date of `atIso` (its first 10 characters: the date as
 * written, no time-zone shift). Someone born on 29 February becomes a year older on 28 February
 * of a common year (Civil Code of the RF art. 192 p. 3: a term ending on a missing day ends on
 * the last day of that month). Throws RangeError on a malformed date or `at` before birth.
 */
export function ageInYears(birthDateIso: string, atIso: string): number {
  const birth = parseDate(birthDateIso, 'birthDate');
  const at = parseDate(atIso, 'at');
  const birthdayDay = birth.m === 2 && birth.d === 29 && !isLeapYear(at.y) ? 28 : birth.d;
  const hadBirthday = at.m > birth.m || (at.m === birth.m && at.d >= birthdayDay);
  const age = at.y - birth.y - (hadBirthday ? 0 : 1);
  if (age < 0) throw new RangeError('at: before the birth date');
  return age;
}

function ageMatches(range: ReferenceRange, ageYears: number | null): boolean {
  if (ageYears === null) return range.ageFrom === null && range.ageTo === null;
  return (
    (range.ageFrom === null || ageYears >= range.ageFrom) && (range.ageTo === null || ageYears < range.ageTo)
  );
}

/** Higher is more specific: a sex-specific range beats ANY, then a bounded age band beats an open one. */
function specificity(range: ReferenceRange): [number, number, number] {
  const sex = range.sex === 'ANY' ? 0 : 1;
  const bounds = (range.ageFrom === null ? 0 : 1) + (range.ageTo === null ? 0 : 1);
  const width =
    range.ageFrom !== null && range.ageTo !== null
      ? -(range.ageTo - range.ageFrom)
      : -Number.MAX_SAFE_INTEGER;
  return [sex, bounds, width];
}

/**
 * The reference interval for a patient: among the ranges matching sex and age, the most specific
 * (sex-specific over ANY; then a bounded age band over an open one, the narrower band first; ties
 * keep catalogue order). Unknown sex matches only ANY ranges; unknown age (null or not finite)
 * matches only ranges open at both ends. Null when nothing matches.
 */
export function pickRange(
  rules: CatalogueTestRules,
  sex: Sex,
  ageYears: number | null,
): ReferenceRange | null {
  const age = ageYears !== null && Number.isFinite(ageYears) ? ageYears : null;
  let best: ReferenceRange | null = null;
  let bestScore: [number, number, number] | null = null;
  for (const range of rules.referenceRanges) {
    const sexOk = range.sex === 'ANY' || (sex !== 'UNKNOWN' && range.sex === sex);
    if (!sexOk || !ageMatches(range, age)) continue;
    const score = specificity(range);
    if (bestScore === null || compareScore(score, bestScore) > 0) {
      best = range;
      bestScore = score;
    }
  }
  return best;
}

function compareScore(a: [number, number, number], b: [number, number, number]): number {
  for (let i = 0; i < a.length; i++) {
    const diff = (a[i] as number) - (b[i] as number);
    if (diff !== 0) return diff;
  }
  return 0;
}

const blank = (s: string | null | undefined): boolean => s === null || s === undefined || s.trim() === '';
const KIND_RU: Record<ValueKind, string> = { NUMERIC: 'числовое', CODED: 'кодированное', TEXT: 'текстовое' };

function missing(rules: CatalogueTestRules, reported: ReportedValue): ValueError {
  const hasOther =
    (reported.numeric !== null && reported.numeric !== undefined) ||
    !blank(reported.coded) ||
    !blank(reported.text);
  return hasOther
    ? {
        code: 'VALUE_KIND_MISMATCH',
        message: `Для теста ${rules.code} ожидается ${KIND_RU[rules.kind]} значение.`,
      }
    : { code: 'VALUE_REQUIRED', message: `Для теста ${rules.code} не передано значение.` };
}

function checkUnit(rules: CatalogueTestRules, unit: string | null | undefined): ValueError | null {
  const reported = blank(unit) ? null : (unit as string);
  if (rules.unit === null) {
    if (reported === null || rules.unitAliases.some((a) => unitMatches(reported, a, []))) return null;
    return { code: 'UNIT_MISMATCH', message: `Тест ${rules.code} измеряется без единиц.` };
  }
  if (reported === null) {
    return {
      code: 'UNIT_MISMATCH',
      message: `Для теста ${rules.code} не указана единица, ожидается «${rules.unit}».`,
    };
  }
  if (unitMatches(reported, rules.unit, rules.unitAliases)) return null;
  return {
    code: 'UNIT_MISMATCH',
    message: `Единица не совпадает с единицей теста ${rules.code}: ожидается «${rules.unit}».`,
  };
}

/**
 * Checks a reported value against the catalogue test. NUMERIC needs a finite number, the test's
 * unit (canonical or alias, spelling-normalised; a unitless test accepts no unit or an alias) and
 * then a value inside the plausible limits (inclusive); the checked value carries the canonical unit.
 * CODED and TEXT need a non-blank string (trimmed). Fields of another kind are dropped.
 */
export function checkValue(
  rules: CatalogueTestRules,
  reported: ReportedValue,
): { ok: true; value: CheckedValue } | { ok: false; error: ValueError } {
  const empty: CheckedValue = { kind: rules.kind, numeric: null, unit: null, coded: null, text: null };
  if (rules.kind === 'NUMERIC') {
    const n = reported.numeric;
    if (n === null || n === undefined) return { ok: false, error: missing(rules, reported) };
    const implausible: ValueError = {
      code: 'VALUE_IMPLAUSIBLE',
      message: `Значение теста ${rules.code} вне физически возможных пределов.`,
    };
    if (typeof n !== 'number' || !Number.isFinite(n)) return { ok: false, error: implausible };
    // The unit first: a value in another unit (glucose in mg/dL) would look implausible for the wrong reason.
    const unitError = checkUnit(rules, reported.unit);
    if (unitError) return { ok: false, error: unitError };
    if (outside(n, rules.plausibleLow, rules.plausibleHigh)) return { ok: false, error: implausible };
    return { ok: true, value: { ...empty, numeric: n, unit: rules.unit } };
  }
  const field = rules.kind === 'CODED' ? reported.coded : reported.text;
  if (typeof field !== 'string' || blank(field)) return { ok: false, error: missing(rules, reported) };
  const trimmed = field.trim();
  return {
    ok: true,
    value: rules.kind === 'CODED' ? { ...empty, coded: trimmed } : { ...empty, text: trimmed },
  };
}

const outside = (n: number, low: number | null, high: number | null) =>
  (low !== null && n < low) || (high !== null && n > high);

/** Case-, ё- and whitespace-insensitive form of a coded value ("Отрицательно " = "отрицательно"). */
export function normalizeCode(code: string): string {
  return code.normalize('NFC').trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}

/**
 * The platform's flag for a checked value. NUMERIC: critical limits first and inclusive
 * (value <= criticalLow -> LL, value >= criticalHigh -> HH: a value exactly at a critical limit
 * alerts the doctor), then the reference range, whose bounds are normal (low <= value <= high -> N,
 * below -> L, above -> H). A value that is not critical but has no range gets null (nothing to
 * compare with; we do not call it normal). CODED: N when in `normalCodes`, else A. TEXT: null.
 */
export function computeFlag(
  rules: CatalogueTestRules,
  value: CheckedValue,
  range: ReferenceRange | null,
): Flag | null {
  if (value.kind === 'TEXT') return null;
  if (value.kind === 'CODED') {
    if (value.coded === null) return null;
    const code = normalizeCode(value.coded);
    return rules.normalCodes.some((c) => normalizeCode(c) === code) ? 'N' : 'A';
  }
  const n = value.numeric;
  if (n === null || !Number.isFinite(n)) return null;
  if (rules.criticalLow !== null && n <= rules.criticalLow) return 'LL';
  if (rules.criticalHigh !== null && n >= rules.criticalHigh) return 'HH';
  if (range === null) return null;
  if (range.low !== null && n < range.low) return 'L';
  if (range.high !== null && n > range.high) return 'H';
  return 'N';
}

/** HH and LL are critical: the ordering doctor is alerted at once. */
export function isCritical(flag: Flag | null): boolean {
  return flag === 'HH' || flag === 'LL';
}

const decimalsOf = (n: number): number => {
  const s = String(n);
  if (s.includes('e')) return 0;
  return s.split('.')[1]?.length ?? 0;
};

/** Russian number: decimal comma, typographic minus, no digit grouping. */
function formatNumber(n: number, decimals: number): string {
  const s = Math.abs(n).toFixed(decimals).replace('.', ',');
  return n < 0 ? `\u2212${s}` : s;
}

/**
 * The range as a Russian lab form prints it: "3,9–6,1 ммоль/л", "< 5,2 ммоль/л" (upper bound
 * only), "> 1,0 ммоль/л" (lower bound only). The printed bounds are the normal limits themselves
 * (a value equal to them is N), as Russian forms conventionally write them. Decimals: the range's
 * `decimals`, else as many as the bounds need. Null without a range or bounds.
 */
export function formatRange(range: ReferenceRange | null, unit: string | null): string | null {
  if (range === null || (range.low === null && range.high === null)) return null;
  const decimals =
    range.decimals ??
    Math.max(...[range.low, range.high].filter((n) => n !== null).map((n) => decimalsOf(n)));
  const fmt = (n: number) => formatNumber(n, decimals);
  let text: string;
  if (range.low !== null && range.high !== null) text = `${fmt(range.low)}–${fmt(range.high)}`;
  else if (range.high !== null) text = `< ${fmt(range.high)}`;
  else text = `> ${fmt(range.low as number)}`;
  return unit === null || unit.trim() === '' ? text : `${text} ${unit.trim()}`;
}
