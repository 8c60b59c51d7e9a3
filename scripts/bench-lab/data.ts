/**
 * The data of `pnpm bench:lab`: a partner's catalogue of three serum chemistry tests and its result
 * messages — one per specimen, three numeric values each, realistic and deterministic by the
 * message's number (the same values whichever path sends them), about one value in seven outside
 * the reference range and none critical (see docs/benchmarks.md, "Lab").
 */
import { potassiumTest } from '@medikamente/subgraph-lab/testing';

/** The catalogue entries (LOINC codes), each with reference, critical and plausible ranges. */
export function labPanel(partnerClientId: string) {
  const potassium = { ...potassiumTest(partnerClientId, '2823-3'), codeSystem: 'LOINC' as const };
  const sodium = {
    ...potassium,
    code: '2951-2',
    name: 'Натрий (Na+) в сыворотке',
    referenceRanges: [{ sex: 'ANY' as const, ageFrom: 18, ageTo: null, low: 136, high: 145 }],
    criticalLow: 120,
    criticalHigh: 160,
    plausibleLow: 80,
    plausibleHigh: 200,
    priceReference: 'LAB-NA',
  };
  const glucose = {
    ...potassium,
    code: '2345-7',
    name: 'Глюкоза в сыворотке',
    referenceRanges: [{ sex: 'ANY' as const, ageFrom: 18, ageTo: null, low: 3.9, high: 6.1 }],
    criticalLow: 2.2,
    criticalHigh: 25,
    plausibleLow: 0.5,
    plausibleHigh: 60,
    priceReference: 'LAB-GLU',
  };
  return [potassium, sodium, glucose];
}

/** Per test: the usual range, a low band and a high band outside the reference range but not critical. */
const VALUES = [
  { code: '2823-3', normal: [3.6, 5.0], low: [3.0, 3.4], high: [5.2, 6.0], digits: 1 },
  { code: '2951-2', normal: [137, 144], low: [128, 135], high: [146, 152], digits: 0 },
  { code: '2345-7', normal: [4.0, 6.0], low: [3.2, 3.8], high: [6.3, 11.5], digits: 1 },
] as const;

/** mulberry32: a small deterministic generator, so every run and every path sends the same values. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type ResultValue = { testCode: string; numeric: number; unit: string; comment?: string };

/** The three values of message `n`: within range mostly, ~1 in 7 low or high (never critical). */
export function valuesFor(n: number): ResultValue[] {
  const next = random(n * 7919 + 17);
  return VALUES.map((v) => {
    const r = next();
    const band = r < 0.07 ? v.low : r < 0.14 ? v.high : v.normal;
    const raw = band[0] + next() * (band[1] - band[0]);
    const numeric = Number(raw.toFixed(v.digits));
    // Partners' systems send the international spelling of the unit (a catalogue alias).
    return {
      testCode: v.code,
      numeric,
      unit: 'mmol/L',
      ...(band === v.normal ? {} : { comment: 'Повторено' }),
    };
  });
}

/** The variables of a PostResults message for one specimen. */
export function postResultsInput(n: number, specimenCode: string, partnerResultId: string) {
  return {
    input: {
      specimenCode,
      partnerResultId,
      issuedAt: new Date(Date.UTC(2026, 11, 8, 6, 0, 0) + n * 1000).toISOString(),
      results: valuesFor(n),
    },
  };
}

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';

/**
 * The same message as a FHIR R4 collection bundle: a DiagnosticReport with the partner's result
 * id and our specimen code, and one Observation per value (LOINC code, UCUM quantity) — the shape
 * the sample partner laboratory sends (scripts/partner-lab.ts).
 */
export function fhirBundleInput(n: number, specimenCode: string, partnerResultId: string) {
  const observations = valuesFor(n).map((v, i) => ({
    fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    resource: {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: LOINC, code: v.testCode }] },
      valueQuantity: { value: v.numeric, unit: v.unit, system: UCUM, code: 'mmol/L' },
      ...(v.comment ? { note: [{ text: v.comment }] } : {}),
    },
  }));
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        fullUrl: 'urn:uuid:00000000-0000-4000-8000-100000000000',
        resource: {
          resourceType: 'DiagnosticReport',
          status: 'final',
          identifier: [
            { system: 'urn:partner-lab:result', value: partnerResultId },
            { system: 'urn:medikamente:specimen', value: specimenCode },
          ],
          code: { text: 'Биохимия: K, Na, глюкоза' },
          issued: new Date(Date.UTC(2026, 11, 8, 6, 0, 0) + n * 1000).toISOString(),
          result: observations.map((o) => ({ reference: o.fullUrl })),
        },
      },
      ...observations,
    ],
  };
  return { input: { bundle: JSON.stringify(bundle) } };
}
