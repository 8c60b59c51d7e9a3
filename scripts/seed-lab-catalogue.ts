/**
 * The demo laboratory catalogue: common tests performed by the demo partner laboratory, with
 * adult reference intervals as Russian laboratories print them. LOINC where the code's property
 * matches the unit (molar glucose and creatinine: 14749-6 and 14682-9, not the mass codes 2345-7
 * and 2160-0); LOCAL codes for the qualitative tests.
 */
import type { ReferenceRange } from '../subgraphs/lab/src/modules/results/result-values';

type Range = Omit<ReferenceRange, 'ageFrom' | 'ageTo' | 'decimals'> & { ageFrom?: number };

export type DemoLabTest = {
  code: string;
  codeSystem: 'LOINC' | 'LOCAL';
  name: string;
  specimenType: string;
  kind: 'NUMERIC' | 'CODED';
  unit: string | null;
  unitAliases: string[];
  ranges: Range[];
  critical?: [low: number | null, high: number | null];
  plausible?: [low: number, high: number];
  normalCodes?: string[];
  turnaroundHours: number;
  priceReference: string;
};

const BLOOD = 'цельная кровь (ЭДТА)';
const SERUM = 'сыворотка крови';
const URINE = 'моча (утренняя порция)';
const adult = 18;

export const DEMO_LAB_TESTS: DemoLabTest[] = [
  {
    code: '718-7',
    codeSystem: 'LOINC',
    name: 'Гемоглобин (HGB)',
    specimenType: BLOOD,
    kind: 'NUMERIC',
    unit: 'г/л',
    unitAliases: ['g/L'],
    ranges: [
      { sex: 'MALE', ageFrom: adult, low: 130, high: 170 },
      { sex: 'FEMALE', ageFrom: adult, low: 120, high: 150 },
    ],
    critical: [60, 200],
    plausible: [10, 300],
    turnaroundHours: 24,
    priceReference: 'LAB-HGB',
  },
  {
    code: '6690-2',
    codeSystem: 'LOINC',
    name: 'Лейкоциты (WBC)',
    specimenType: BLOOD,
    kind: 'NUMERIC',
    unit: '10^9/л',
    unitAliases: ['10^9/L', '10*9/L', '10*3/uL'],
    ranges: [{ sex: 'ANY', low: 4, high: 9 }],
    critical: [1.5, 30],
    plausible: [0, 500],
    turnaroundHours: 24,
    priceReference: 'LAB-WBC',
  },
  {
    code: '777-3',
    codeSystem: 'LOINC',
    name: 'Тромбоциты (PLT)',
    specimenType: BLOOD,
    kind: 'NUMERIC',
    unit: '10^9/л',
    unitAliases: ['10^9/L', '10*9/L', '10*3/uL'],
    ranges: [{ sex: 'ANY', low: 150, high: 400 }],
    critical: [20, 1000],
    plausible: [0, 3000],
    turnaroundHours: 24,
    priceReference: 'LAB-PLT',
  },
  {
    code: '14749-6',
    codeSystem: 'LOINC',
    name: 'Глюкоза в сыворотке',
    specimenType: SERUM,
    kind: 'NUMERIC',
    unit: 'ммоль/л',
    unitAliases: ['mmol/L'],
    ranges: [{ sex: 'ANY', low: 3.9, high: 6.1 }],
    critical: [2.5, 25],
    plausible: [0.5, 100],
    turnaroundHours: 24,
    priceReference: 'LAB-GLU',
  },
  {
    code: '2823-3',
    codeSystem: 'LOINC',
    name: 'Калий (K+) в сыворотке',
    specimenType: SERUM,
    kind: 'NUMERIC',
    unit: 'ммоль/л',
    unitAliases: ['mmol/L'],
    ranges: [{ sex: 'ANY', low: 3.5, high: 5.1 }],
    critical: [2.5, 6.5],
    plausible: [0.5, 15],
    turnaroundHours: 24,
    priceReference: 'LAB-K',
  },
  {
    code: '2951-2',
    codeSystem: 'LOINC',
    name: 'Натрий (Na+) в сыворотке',
    specimenType: SERUM,
    kind: 'NUMERIC',
    unit: 'ммоль/л',
    unitAliases: ['mmol/L'],
    ranges: [{ sex: 'ANY', low: 136, high: 145 }],
    critical: [120, 160],
    plausible: [80, 200],
    turnaroundHours: 24,
    priceReference: 'LAB-NA',
  },
  {
    code: '14682-9',
    codeSystem: 'LOINC',
    name: 'Креатинин в сыворотке',
    specimenType: SERUM,
    kind: 'NUMERIC',
    unit: 'мкмоль/л',
    unitAliases: ['umol/L', 'µmol/L'],
    ranges: [
      { sex: 'MALE', ageFrom: adult, low: 62, high: 106 },
      { sex: 'FEMALE', ageFrom: adult, low: 44, high: 80 },
    ],
    plausible: [5, 3000],
    turnaroundHours: 24,
    priceReference: 'LAB-CREA',
  },
  {
    code: '1742-6',
    codeSystem: 'LOINC',
    name: 'Аланинаминотрансфераза (АЛТ)',
    specimenType: SERUM,
    kind: 'NUMERIC',
    unit: 'Ед/л',
    unitAliases: ['U/L', 'ЕД/л'],
    ranges: [
      { sex: 'MALE', ageFrom: adult, low: null, high: 41 },
      { sex: 'FEMALE', ageFrom: adult, low: null, high: 33 },
    ],
    plausible: [0, 20000],
    turnaroundHours: 24,
    priceReference: 'LAB-ALT',
  },
  {
    code: '3016-3',
    codeSystem: 'LOINC',
    name: 'Тиреотропный гормон (ТТГ)',
    specimenType: SERUM,
    kind: 'NUMERIC',
    unit: 'мЕд/л',
    unitAliases: ['mIU/L', 'мМЕ/л'],
    ranges: [{ sex: 'ANY', low: 0.4, high: 4 }],
    plausible: [0, 500],
    turnaroundHours: 48,
    priceReference: 'LAB-TSH',
  },
  {
    code: '1988-5',
    codeSystem: 'LOINC',
    name: 'С-реактивный белок (СРБ)',
    specimenType: SERUM,
    kind: 'NUMERIC',
    unit: 'мг/л',
    unitAliases: ['mg/L'],
    ranges: [{ sex: 'ANY', low: null, high: 5 }],
    plausible: [0, 1000],
    turnaroundHours: 24,
    priceReference: 'LAB-CRP',
  },
  {
    code: 'HBSAG',
    codeSystem: 'LOCAL',
    name: 'HBsAg (поверхностный антиген вируса гепатита B)',
    specimenType: SERUM,
    kind: 'CODED',
    unit: null,
    unitAliases: [],
    ranges: [],
    normalCodes: ['отрицательно', 'NEGATIVE'],
    turnaroundHours: 72,
    priceReference: 'LAB-HBSAG',
  },
  {
    code: 'UA-COLOR',
    codeSystem: 'LOCAL',
    name: 'Общий анализ мочи: цвет',
    specimenType: URINE,
    kind: 'CODED',
    unit: null,
    unitAliases: [],
    ranges: [],
    normalCodes: ['соломенно-жёлтый', 'светло-жёлтый', 'жёлтый'],
    turnaroundHours: 24,
    priceReference: 'LAB-UA',
  },
];

/** The code of the test with the demo patient's history (the portal's chart). */
export const HISTORY_TEST = '14749-6';

/**
 * Соколова's fasting glucose over the last year, ordered by Иванова: days ago and the value
 * (one above the range, reviewed with a comment).
 */
export const GLUCOSE_HISTORY: Array<{ daysAgo: number; value: number; comment?: string }> = [
  { daysAgo: 330, value: 5.1 },
  { daysAgo: 240, value: 5.6 },
  {
    daysAgo: 150,
    value: 6.4,
    comment: 'Глюкоза немного выше нормы. Повторите анализ натощак через 2–3 месяца.',
  },
  { daysAgo: 75, value: 5.9 },
  { daysAgo: 20, value: 5.4, comment: 'Показатель в норме, контроль через полгода.' },
];
