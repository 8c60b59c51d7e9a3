import { describe, expect, it } from 'vitest';
import {
  ageInYears,
  type CatalogueTestRules,
  checkValue,
  computeFlag,
  type Flag,
  isCritical,
  pickRange,
  type ReferenceRange,
  type Sex,
} from './result-values';
import {
  ALT,
  any,
  CREA,
  GLU,
  HBSAG,
  HGB,
  K,
  numeric,
  SMEAR,
  sexed,
  URINE_COLOR,
} from './result-values.fixture';

/** Pick the range for the patient, check the value, flag it — the path the result pipeline takes. */
function flagFor(rules: CatalogueTestRules, sex: Sex, age: number | null, n: number): Flag | null {
  const checked = checkValue(rules, { numeric: n, unit: rules.unit });
  if (!checked.ok) throw new Error(checked.error.code);
  return computeFlag(rules, checked.value, pickRange(rules, sex, age));
}

describe('ageInYears', () => {
  it.each([
    ['1990-05-15', '2024-05-14', 33, 'the day before the birthday'],
    ['1990-05-15', '2024-05-15', 34, 'on the birthday'],
    ['1990-05-15', '2024-12-31', 34, 'later that year'],
    ['2024-01-10', '2024-01-10', 0, 'on the day of birth'],
    ['2023-12-31', '2024-12-30', 0, 'a newborn a day short of a year'],
    ['2016-02-29', '2017-02-27', 0, 'leap-day birth, before 28 Feb of a common year'],
    ['2016-02-29', '2017-02-28', 1, 'leap-day birth, 28 Feb of a common year (CC RF art. 192)'],
    ['2016-02-29', '2020-02-28', 3, 'leap-day birth, 28 Feb of a leap year'],
    ['2016-02-29', '2020-02-29', 4, 'leap-day birth, 29 Feb of a leap year'],
    ['2000-03-01', '2024-02-29', 23, 'born 1 March, on 29 Feb'],
    ['2000-03-01', '2024-03-01', 24, 'born 1 March, on 1 March'],
    ['1985-07-20', '2025-07-20T00:05:00+03:00', 40, 'a timestamp: its written date counts'],
  ])('%s at %s -> %i (%s)', (birth, at, age) => {
    expect(ageInYears(birth, at)).toBe(age);
  });

  it.each([
    ['2023-02-29', '2024-01-01'],
    ['15.05.1990', '2024-01-01'],
    ['1990-13-01', '2024-01-01'],
    ['2024-05-02', '2024-05-01'],
  ])('throws on %s at %s', (birth, at) => {
    expect(() => ageInYears(birth, at)).toThrow(RangeError);
  });
});

describe('pickRange', () => {
  it.each<[string, CatalogueTestRules, Sex, number | null, ReferenceRange | null]>([
    ['HGB infant', HGB, 'MALE', 0, any(145, 225, 0, 1)],
    ['HGB child 5 y (sex irrelevant)', HGB, 'FEMALE', 5, any(110, 140, 1, 12)],
    ['HGB child at the upper age bound goes to the next band', HGB, 'MALE', 12, any(115, 160, 12, 18)],
    ['HGB teenager 17', HGB, 'FEMALE', 17, any(115, 160, 12, 18)],
    ['HGB adult man on his 18th birthday', HGB, 'MALE', 18, sexed('MALE', 132, 173, 18, null)],
    ['HGB adult woman', HGB, 'FEMALE', 45, sexed('FEMALE', 117, 155, 18, null)],
    ['HGB adult of unknown sex: no ANY adult range', HGB, 'UNKNOWN', 45, null],
    ['HGB child of unknown sex: ANY band', HGB, 'UNKNOWN', 5, any(110, 140, 1, 12)],
    ['HGB unknown age: no open range', HGB, 'MALE', null, null],
    ['CREA man', CREA, 'MALE', 60, sexed('MALE', 62, 106, 18, null)],
    ['CREA woman', CREA, 'FEMALE', 60, sexed('FEMALE', 44, 80, 18, null)],
    ['CREA child', CREA, 'MALE', 10, any(27, 88, 1, 18)],
    ['K open range, unknown sex and age', K, 'UNKNOWN', null, any(3.5, 5.1)],
    ['K open range, NaN age counts as unknown', K, 'FEMALE', Number.NaN, any(3.5, 5.1)],
    ['no ranges at all', ALT, 'MALE', 30, null],
  ])('%s', (_, rules, sex, age, expected) => {
    expect(pickRange(rules, sex, age)).toEqual(expected);
  });

  it('prefers sex-specific over ANY, then a bounded age band over an open one, then the narrower', () => {
    const rules: CatalogueTestRules = {
      ...K,
      referenceRanges: [any(1, 2), any(3, 4, 0, 100), any(5, 6, 60, 70), sexed('MALE', 7, 8, null, null)],
    };
    expect(pickRange(rules, 'MALE', 65)?.low).toBe(7);
    expect(pickRange(rules, 'FEMALE', 65)?.low).toBe(5);
    expect(pickRange(rules, 'FEMALE', 30)?.low).toBe(3);
    expect(pickRange(rules, 'FEMALE', 120)?.low).toBe(1);
  });

  it('keeps catalogue order on a tie', () => {
    const rules: CatalogueTestRules = { ...K, referenceRanges: [any(1, 2, 18, null), any(3, 4, null, 65)] };
    expect(pickRange(rules, 'MALE', 40)?.low).toBe(1);
  });
});

describe('computeFlag: numeric, by sex and age', () => {
  it.each<[CatalogueTestRules, Sex, number | null, number, Flag | null]>([
    [HGB, 'MALE', 40, 150, 'N'],
    [HGB, 'FEMALE', 40, 125, 'N'],
    [HGB, 'MALE', 40, 125, 'L'], // the same value is low for a man, normal for a woman
    [HGB, 'FEMALE', 40, 160, 'H'],
    [HGB, 'MALE', 40, 160, 'N'],
    [HGB, 'MALE', 6, 150, 'H'], // the adult man's normal is high for a child
    [HGB, 'FEMALE', 6, 105, 'L'],
    [HGB, 'MALE', 0, 200, 'N'],
    [HGB, 'FEMALE', 30, 60, 'LL'],
    [HGB, 'MALE', 30, 59, 'LL'],
    [HGB, 'MALE', 30, 61, 'L'],
    [HGB, 'UNKNOWN', 30, 130, null], // no range for an adult of unknown sex
    [HGB, 'UNKNOWN', 30, 55, 'LL'], // critical limits do not depend on the range
    [CREA, 'MALE', 55, 95, 'N'],
    [CREA, 'FEMALE', 55, 95, 'H'],
    [CREA, 'FEMALE', 55, 40, 'L'],
    [CREA, 'MALE', 8, 95, 'H'],
    [K, 'MALE', 70, 6.8, 'HH'],
    [K, 'FEMALE', 50, 4.4, 'N'],
    [K, 'FEMALE', 50, 5.5, 'H'],
    [K, 'MALE', 50, 2.5, 'LL'],
    [GLU, 'FEMALE', 34, 1.9, 'LL'],
    [GLU, 'MALE', 58, 7.8, 'H'],
    [GLU, 'MALE', 58, 3.2, 'L'],
    [GLU, 'MALE', 58, 30.1, 'HH'],
    [ALT, 'MALE', 30, 25, null], // no range and no critical limits
  ])('%#: %s %s %s y, %d -> %s', (rules, sex, age, n, flag) => {
    expect(flagFor(rules, sex, age, n)).toBe(flag);
  });

  it.each<[number, Flag]>([
    [3.5, 'N'], // == low
    [5.1, 'N'], // == high
    [3.49, 'L'],
    [5.11, 'H'],
    [2.8, 'LL'], // == criticalLow
    [2.81, 'L'],
    [6.2, 'HH'], // == criticalHigh
    [6.19, 'H'],
  ])('potassium boundary %d -> %s', (n, flag) => {
    expect(computeFlag(K, numeric(n, 'ммоль/л'), any(3.5, 5.1))).toBe(flag);
  });

  it('handles one-sided ranges', () => {
    expect(computeFlag(ALT, numeric(41, 'Ед/л'), any(null, 41))).toBe('N');
    expect(computeFlag(ALT, numeric(42, 'Ед/л'), any(null, 41))).toBe('H');
    expect(computeFlag(ALT, numeric(0, 'Ед/л'), any(null, 41))).toBe('N');
    expect(computeFlag(ALT, numeric(0.9, 'ммоль/л'), any(1, null))).toBe('L');
  });
});

describe('computeFlag: coded and text', () => {
  it.each<[CatalogueTestRules, string, Flag]>([
    [HBSAG, 'NEGATIVE', 'N'],
    [HBSAG, 'negative', 'N'],
    [HBSAG, '  Отрицательно ', 'N'],
    [HBSAG, 'Не  обнаружено', 'N'],
    [HBSAG, 'POSITIVE', 'A'],
    [HBSAG, 'положительно', 'A'],
    [HBSAG, 'сомнительно', 'A'],
    [URINE_COLOR, 'Соломенно-желтый', 'N'], // ё-insensitive
    [URINE_COLOR, 'СВЕТЛО-ЖЁЛТЫЙ', 'N'],
    [URINE_COLOR, 'красный', 'A'],
  ])('%s %s -> %s', (rules, value, flag) => {
    const checked = checkValue(rules, { coded: value });
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(computeFlag(rules, checked.value, null)).toBe(flag);
  });

  it('gives no flag to text results', () => {
    const checked = checkValue(SMEAR, { text: 'Эритроциты единичные в поле зрения, лейкоциты 2–3 в п/з.' });
    expect(checked).toMatchObject({ ok: true, value: { kind: 'TEXT' } });
    if (checked.ok) expect(computeFlag(SMEAR, checked.value, any(1, 2))).toBeNull();
  });

  it('is critical only for HH and LL', () => {
    expect((['N', 'L', 'H', 'LL', 'HH', 'A', null] as const).map(isCritical)).toEqual([
      false,
      false,
      false,
      true,
      true,
      false,
      false,
    ]);
  });
});
