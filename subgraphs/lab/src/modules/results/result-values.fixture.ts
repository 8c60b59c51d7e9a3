/** Catalogue rules of realistic Russian lab tests, shared by the result-value tests. */
import type { CatalogueTestRules, CheckedValue, ReferenceRange } from './result-values';

export const any = (
  low: number | null,
  high: number | null,
  ageFrom: number | null = null,
  ageTo: number | null = null,
) => ({ sex: 'ANY', ageFrom, ageTo, low, high }) as ReferenceRange;
export const sexed = (
  sex: 'MALE' | 'FEMALE',
  low: number,
  high: number,
  ageFrom: number | null,
  ageTo: number | null,
) => ({ sex, ageFrom, ageTo, low, high }) as ReferenceRange;

/** Test titles (`it.each('%s')`) print the code instead of the whole object; non-enumerable, so equality ignores it. */
const titled = (rules: CatalogueTestRules): CatalogueTestRules =>
  Object.defineProperty(rules, 'toString', { value: () => rules.code, enumerable: false });

export const base = {
  unitAliases: [],
  referenceRanges: [],
  criticalLow: null,
  criticalHigh: null,
  plausibleLow: null,
  plausibleHigh: null,
  normalCodes: [],
} satisfies Partial<CatalogueTestRules>;

/** Гемоглобин: детские диапазоны без пола, взрослые по полу. */
export const HGB: CatalogueTestRules = titled({
  ...base,
  code: 'HGB',
  kind: 'NUMERIC',
  unit: 'г/л',
  unitAliases: ['g/L'],
  referenceRanges: [
    any(145, 225, 0, 1),
    any(110, 140, 1, 12),
    any(115, 160, 12, 18),
    sexed('MALE', 132, 173, 18, null),
    sexed('FEMALE', 117, 155, 18, null),
  ],
  criticalLow: 60,
  criticalHigh: 220,
  plausibleLow: 10,
  plausibleHigh: 300,
});
/** Креатинин: по полу у взрослых, общий у детей. */
export const CREA: CatalogueTestRules = titled({
  ...base,
  code: 'CREA',
  kind: 'NUMERIC',
  unit: 'мкмоль/л',
  unitAliases: ['µmol/L'],
  referenceRanges: [any(27, 88, 1, 18), sexed('FEMALE', 44, 80, 18, null), sexed('MALE', 62, 106, 18, null)],
  plausibleLow: 5,
  plausibleHigh: 3000,
});
export const K: CatalogueTestRules = titled({
  ...base,
  code: 'K',
  kind: 'NUMERIC',
  unit: 'ммоль/л',
  unitAliases: ['mmol/L', 'mEq/L'],
  referenceRanges: [any(3.5, 5.1)],
  criticalLow: 2.8,
  criticalHigh: 6.2,
  plausibleLow: 0.5,
  plausibleHigh: 15,
});
export const GLU: CatalogueTestRules = titled({
  ...base,
  code: 'GLU',
  kind: 'NUMERIC',
  unit: 'ммоль/л',
  unitAliases: ['mmol/L'],
  referenceRanges: [any(3.9, 6.1)],
  criticalLow: 2.2,
  criticalHigh: 25,
  plausibleLow: 0,
  plausibleHigh: 150,
});
export const WBC: CatalogueTestRules = titled({
  ...base,
  code: 'WBC',
  kind: 'NUMERIC',
  unit: '10^9/л',
  unitAliases: ['10^3/мкл'],
  referenceRanges: [any(4, 9)],
  plausibleLow: 0,
  plausibleHigh: 1000,
});
export const INR: CatalogueTestRules = titled({
  ...base,
  code: 'INR',
  kind: 'NUMERIC',
  unit: null,
  unitAliases: ['{INR}'],
});
export const ESR: CatalogueTestRules = titled({
  ...base,
  code: 'ESR',
  kind: 'NUMERIC',
  unit: 'мм/ч',
  unitAliases: ['mm/h'],
});
export const ALT: CatalogueTestRules = titled({
  ...base,
  code: 'ALT',
  kind: 'NUMERIC',
  unit: 'Ед/л',
  unitAliases: ['U/L'],
});
export const HBSAG: CatalogueTestRules = titled({
  ...base,
  code: 'HBSAG',
  kind: 'CODED',
  unit: null,
  normalCodes: ['NEGATIVE', 'отрицательно', 'не обнаружено'],
});
export const URINE_COLOR: CatalogueTestRules = titled({
  ...base,
  code: 'URINE-COLOR',
  kind: 'CODED',
  unit: null,
  normalCodes: ['соломенно-жёлтый', 'светло-жёлтый'],
});
export const SMEAR: CatalogueTestRules = titled({ ...base, code: 'SMEAR', kind: 'TEXT', unit: null });

export const numeric = (n: number, unit: string | null): CheckedValue => ({
  kind: 'NUMERIC',
  numeric: n,
  unit,
  coded: null,
  text: null,
});
