/**
 * Unit spelling normalisation for lab results. Partners write the same unit many ways
 * ("10^9/л", "10*9/L", "×10⁹/л", "мкмоль/л", "µmol/L", "umol/l"); we compare a canonical key,
 * never convert values: a unit that does not normalise to the catalogue's unit (or an alias)
 * is refused, because a silently wrong unit is worse than a rejected result.
 */

const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁻': '-',
};

/**
 * Whole alphabetic words mapped to one spelling (Latin, UCUM-like). Whole words only, so "мм"
 * (millimetre) and "м" never collide with prefixes of "ммоль".
 */
const WORDS: Record<string, string> = {
  // amount of substance
  моль: 'mol',
  ммоль: 'mmol',
  мкмоль: 'umol',
  mcmol: 'umol',
  нмоль: 'nmol',
  пмоль: 'pmol',
  // mass
  г: 'g',
  мг: 'mg',
  мкг: 'ug',
  mcg: 'ug',
  нг: 'ng',
  пг: 'pg',
  // volume
  л: 'l',
  дл: 'dl',
  мл: 'ml',
  мкл: 'ul',
  mcl: 'ul',
  фл: 'fl',
  // activity
  ед: 'u',
  мед: 'mu',
  ме: 'iu',
  мме: 'miu',
  мкме: 'uiu',
  // length and time (ESR "мм/ч")
  мм: 'mm',
  ч: 'h',
  час: 'h',
  hr: 'h',
  мин: 'min',
  сек: 's',
  с: 's',
  sec: 's',
};

/**
 * Canonical comparison key of a unit: case-insensitive, whitespace-free, one spelling of
 * powers of ten ("10^9"), of micro ("u") and of Russian/Latin unit words. Returns "" for a
 * blank unit.
 */
export function unitKey(unit: string): string {
  let s = unit.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, '');
  // Superscript exponents first: NFKC would turn "10⁹" into "109".
  s = s.replace(/10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)/g, (_, exp: string) => {
    const digits = [...exp].map((c) => SUPERSCRIPT_DIGITS[c] ?? c).join('');
    return `10^${digits}`;
  });
  // "10*9", "10**9", "10^9", "10e9" -> "10^9"
  s = s.replace(/10(?:\*\*|\*|\^|e)(-?\d+)/g, '10^$1');
  // A leading multiplication sign before the power of ten: "×10^9/л", "x10^9/l", "х10^9/л", "*10^9/л".
  s = s.replace(/^[×xх*·]10\^/, '10^');
  // Micro: the micro sign, Greek mu and "mc" spellings.
  s = s.replace(/[µμ]/g, 'u');
  s = s.replace(/[a-zа-я]+/g, (word) => WORDS[word] ?? word);
  return s;
}

/** True when the reported unit is the canonical unit or one of its aliases after normalisation. */
export function unitMatches(reported: string, canonical: string, aliases: readonly string[]): boolean {
  const key = unitKey(reported);
  if (key === '') return false;
  return [canonical, ...aliases].some((u) => unitKey(u) === key);
}
