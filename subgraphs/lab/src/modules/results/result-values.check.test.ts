import { describe, expect, it } from 'vitest';
import { type CatalogueTestRules, checkValue, formatRange, type ReportedValue } from './result-values';
import { ALT, any, CREA, ESR, GLU, HBSAG, HGB, INR, K, SMEAR, WBC } from './result-values.fixture';
import { unitKey } from './units';

describe('checkValue: units', () => {
  it.each<[CatalogueTestRules, string]>([
    [GLU, 'ммоль/л'],
    [GLU, 'ММОЛЬ/Л'],
    [GLU, ' ммоль / л '],
    [GLU, 'mmol/L'],
    [GLU, 'mmol/l'],
    [GLU, 'ммоль/L'], // Cyrillic and Latin mixed
    [K, 'mEq/L'], // an alias of the catalogue
    [WBC, '10^9/л'],
    [WBC, '10*9/L'],
    [WBC, '10**9/l'],
    [WBC, '10⁹/л'],
    [WBC, '×10⁹/л'],
    [WBC, 'х10^9/л'], // Cyrillic "х"
    [WBC, 'x10E9/L'],
    [WBC, '10 ^ 9 / л'],
    [WBC, '10^3/мкл'],
    [WBC, '10^3/µL'],
    [WBC, '10*3/uL'],
    [CREA, 'мкмоль/л'],
    [CREA, 'µmol/L'], // micro sign U+00B5
    [CREA, 'μmol/L'], // Greek mu U+03BC
    [CREA, 'umol/l'],
    [CREA, 'mcmol/L'],
    [HGB, 'g/l'],
    [HGB, 'Г/Л'],
    [ESR, 'mm/h'],
    [ESR, 'мм/час'],
    [ALT, 'ЕД/л'],
    [ALT, 'U/L'],
    [INR, '{INR}'],
  ])('%s accepts %s', (rules, unit) => {
    const n = rules.plausibleLow ?? 5;
    expect(checkValue(rules, { numeric: n, unit })).toEqual({
      ok: true,
      value: { kind: 'NUMERIC', numeric: n, unit: rules.unit, coded: null, text: null },
    });
  });

  it.each<[CatalogueTestRules, string | null | undefined, RegExp]>([
    [GLU, 'мг/дл', /ожидается «ммоль\/л»/],
    [GLU, 'mg/dL', /ожидается «ммоль\/л»/],
    [GLU, 'mmol', /ожидается/],
    [GLU, 'мкмоль/л', /ожидается/],
    [WBC, '10^12/л', /ожидается «10\^9\/л»/],
    [WBC, '10^9/мл', /ожидается/],
    [HGB, 'г/дл', /ожидается «г\/л»/],
    [CREA, 'ммоль/л', /ожидается «мкмоль\/л»/],
    [ESR, 'мм', /ожидается/],
    [ALT, 'МЕ/л', /ожидается/], // international units are not the catalogue's units
    [GLU, null, /не указана единица, ожидается «ммоль\/л»/],
    [GLU, undefined, /не указана единица/],
    [GLU, '  ', /не указана единица/],
    [INR, '%', /без единиц/],
  ])('%s refuses %s', (rules, unit, message) => {
    const result = checkValue(rules, { numeric: 5, unit });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNIT_MISMATCH' } });
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it('accepts no unit for a unitless test', () => {
    expect(checkValue(INR, { numeric: 1.1 })).toMatchObject({
      ok: true,
      value: { numeric: 1.1, unit: null },
    });
    expect(checkValue(INR, { numeric: 1.1, unit: '' })).toMatchObject({ ok: true });
  });

  it('normalises spellings to one key', () => {
    expect(unitKey('×10⁹/л')).toBe('10^9/l');
    expect(unitKey('мкмоль/л')).toBe(unitKey('µmol/L'));
    expect(unitKey('мЕд/л')).toBe('mu/l');
    expect(unitKey('мкМЕ/мл')).toBe(unitKey('µIU/mL'));
    expect(unitKey('%')).toBe('%');
    expect(unitKey('')).toBe('');
  });
});

describe('checkValue: implausible and missing values', () => {
  it.each<[CatalogueTestRules, number]>([
    [K, Number.NaN],
    [K, Number.POSITIVE_INFINITY],
    [K, Number.NEGATIVE_INFINITY],
    [K, 0.4],
    [K, 15.1],
    [K, -1],
    [GLU, -0.1],
    [HGB, 1500], // g/dL would be 15; g/L cannot be 1500
    [CREA, 4],
  ])('%s refuses %d as implausible', (rules, n) => {
    const result = checkValue(rules, { numeric: n, unit: rules.unit });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALUE_IMPLAUSIBLE' } });
  });

  it.each<[CatalogueTestRules, number]>([
    [K, 0.5],
    [K, 15],
    [GLU, 0],
    [GLU, 150],
  ])('%s accepts %d at a plausible limit', (rules, n) => {
    expect(checkValue(rules, { numeric: n, unit: rules.unit }).ok).toBe(true);
  });

  it('reports the wrong unit before plausibility (glucose in mg/dL)', () => {
    expect(checkValue(GLU, { numeric: 180, unit: 'mg/dL' })).toMatchObject({
      error: { code: 'UNIT_MISMATCH' },
    });
  });

  it('does not trust a non-number smuggled past the types', () => {
    const reported = { numeric: '5.1', unit: 'ммоль/л' } as unknown as ReportedValue;
    expect(checkValue(K, reported)).toMatchObject({ ok: false, error: { code: 'VALUE_IMPLAUSIBLE' } });
  });

  it.each<[CatalogueTestRules, ReportedValue, string]>([
    [K, {}, 'VALUE_REQUIRED'],
    [K, { numeric: null, unit: 'ммоль/л' }, 'VALUE_REQUIRED'],
    [K, { text: '   ' }, 'VALUE_REQUIRED'],
    [K, { coded: 'гемолиз' }, 'VALUE_KIND_MISMATCH'],
    [K, { text: '< 0,5' }, 'VALUE_KIND_MISMATCH'],
    [HBSAG, {}, 'VALUE_REQUIRED'],
    [HBSAG, { coded: '' }, 'VALUE_REQUIRED'],
    [HBSAG, { numeric: 0.2, unit: 'COI' }, 'VALUE_KIND_MISMATCH'],
    [HBSAG, { text: 'отрицательно' }, 'VALUE_KIND_MISMATCH'],
    [SMEAR, { coded: 'NEGATIVE' }, 'VALUE_KIND_MISMATCH'],
    [SMEAR, { text: '' }, 'VALUE_REQUIRED'],
  ])('%s %j -> %s', (rules, reported, code) => {
    const result = checkValue(rules, reported);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message).toContain(rules.code);
  });

  it('never echoes the reported value in a message', () => {
    const probes: Array<[CatalogueTestRules, ReportedValue]> = [
      [K, { numeric: 987.654, unit: 'ммоль/л' }],
      [K, { numeric: 4.321, unit: 'furlong/fortnight' }],
      [HBSAG, { numeric: 987.654 }],
      [SMEAR, { coded: 'Иванов Иван' }],
    ];
    for (const [rules, reported] of probes) {
      const result = checkValue(rules, reported);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).not.toMatch(/987|654|4[.,]321|furlong|Иванов/);
    }
  });

  it('trims coded and text values and drops fields of another kind', () => {
    expect(checkValue(HBSAG, { coded: ' NEGATIVE ', numeric: 0.1, text: 'x' })).toEqual({
      ok: true,
      value: { kind: 'CODED', numeric: null, unit: null, coded: 'NEGATIVE', text: null },
    });
    expect(checkValue(SMEAR, { text: '\nКокки в большом количестве.\n' })).toEqual({
      ok: true,
      value: { kind: 'TEXT', numeric: null, unit: null, coded: null, text: 'Кокки в большом количестве.' },
    });
  });
});

describe('formatRange', () => {
  it.each<[ReturnType<typeof any> | null, string | null, string | null]>([
    [any(3.9, 6.1), 'ммоль/л', '3,9–6,1 ммоль/л'],
    [any(3.5, 5.1), 'ммоль/л', '3,5–5,1 ммоль/л'],
    [any(132, 173), 'г/л', '132–173 г/л'],
    [any(4, 9), '10^9/л', '4–9 10^9/л'],
    [{ ...any(4, 9), decimals: 1 }, '10^9/л', '4,0–9,0 10^9/л'],
    [any(0.5, 1.25), null, '0,50–1,25'],
    [any(null, 5.2), 'ммоль/л', '< 5,2 ммоль/л'],
    [{ ...any(null, 5), decimals: 1 }, 'ммоль/л', '< 5,0 ммоль/л'],
    [{ ...any(1, null), decimals: 1 }, 'ммоль/л', '> 1,0 ммоль/л'],
    [any(1500, 10000), 'пг/мл', '1500–10000 пг/мл'],
    [any(-2, 2), 'ммоль/л', '−2–2 ммоль/л'],
    [any(0, 20), '%', '0–20 %'],
    [any(null, null), 'ммоль/л', null],
    [null, 'ммоль/л', null],
  ])('%j %s -> %s', (range, unit, text) => {
    expect(formatRange(range, unit)).toBe(text);
  });
});
