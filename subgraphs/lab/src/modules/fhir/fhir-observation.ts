/** One FHIR Observation of a partner's report mapped onto a result line (value as reported, no flag). */
import type { Observation } from '@medplum/fhirtypes';
import { asArray, type FhirErrors, isObject, type Json, type Located, nonBlank } from './fhir-bundle-index';

/** Our own lab-test directory (the catalogue's local codes). */
export const LOCAL_TEST_SYSTEM = 'urn:medikamente:lab-test';
/** ФСЛИ — Федеральный справочник лабораторных исследований (НСИ Минздрава 1.2.643.5.1.13.13.11.1080). */
export const FSLI_SYSTEM = 'urn:oid:1.2.643.5.1.13.13.11.1080';
export const LOINC_SYSTEM = 'http://loinc.org';
/** Code systems a test code may come from, most preferred first. */
export const TEST_CODE_SYSTEMS = [LOCAL_TEST_SYSTEM, FSLI_SYSTEM, LOINC_SYSTEM] as const;
export type TestCodeSystem = (typeof TEST_CODE_SYSTEMS)[number];
export type TestCode = { system: TestCodeSystem; code: string };

export type PartnerResultLine = {
  /** The preferred candidate: local, then ФСЛИ, then LOINC. */
  testCode: string;
  testSystem: TestCodeSystem;
  /** Every candidate code in preference order, to match whichever one the catalogue stores. */
  codes: TestCode[];
  numeric: number | null;
  unit: string | null;
  coded: string | null;
  text: string | null;
  /** Observation.note[].text joined with newlines. */
  comment: string | null;
};

/** Statuses of a result a partner may send; preliminary or cancelled results are refused. */
export const FINAL_STATUSES: ReadonlySet<unknown> = new Set(['final', 'amended', 'corrected']);

/**
 * Candidate test codes of an Observation: the codings of `code` whose system is our local
 * directory, ФСЛИ or LOINC, ordered local, ФСЛИ, LOINC (codings of one system keep their order),
 * duplicates removed. Other systems are ignored. Safe on untrusted input.
 */
export function observationCodes(obs: Observation): TestCode[] {
  const codings = isObject(obs?.code) ? asArray((obs.code as Json).coding) : [];
  const seen = new Set<string>();
  const found: TestCode[] = [];
  for (const system of TEST_CODE_SYSTEMS) {
    for (const coding of codings) {
      if (!isObject(coding) || coding.system !== system || !nonBlank(coding.code)) continue;
      const code = coding.code.trim();
      if (seen.has(`${system}|${code}`)) continue;
      seen.add(`${system}|${code}`);
      found.push({ system, code });
    }
  }
  return found;
}

const VALUE_KEYS = [
  'valueQuantity',
  'valueCodeableConcept',
  'valueString',
  'valueBoolean',
  'valueInteger',
  'valueRange',
  'valueRatio',
  'valueSampledData',
  'valueTime',
  'valueDateTime',
  'valuePeriod',
] as const;

type Value = Pick<PartnerResultLine, 'numeric' | 'unit' | 'coded' | 'text'>;
const noValue: Value = { numeric: null, unit: null, coded: null, text: null };

function mapValue(obs: Json, path: string, errors: FhirErrors): Value | null {
  const present = VALUE_KEYS.filter((k) => obs[k] !== undefined);
  if (present.length === 0) {
    errors.add(path, 'У наблюдения нет значения (value[x]); dataAbsentReason не принимается.');
    return null;
  }
  if (present.length > 1) {
    errors.add(path, 'У наблюдения может быть только одно значение value[x].');
    return null;
  }
  const key = present[0] as (typeof VALUE_KEYS)[number];
  const value = obs[key];
  const at = `${path}.${key}`;
  if (key === 'valueQuantity') {
    if (!isObject(value) || typeof value.value !== 'number' || !Number.isFinite(value.value)) {
      errors.add(isObject(value) ? `${at}.value` : at, 'valueQuantity.value должно быть конечным числом.');
      return null;
    }
    if (value.comparator !== undefined) {
      errors.add(`${at}.comparator`, 'Значения со знаком сравнения (<, >) не принимаются.');
      return null;
    }
    for (const field of ['unit', 'code'] as const) {
      if (value[field] !== undefined && typeof value[field] !== 'string') {
        errors.add(`${at}.${field}`, 'Единица должна быть строкой.');
        return null;
      }
    }
    const unit = [value.unit, value.code].find(nonBlank);
    return { ...noValue, numeric: value.value, unit: unit?.trim() ?? null };
  }
  if (key === 'valueCodeableConcept') {
    const coding = isObject(value)
      ? asArray(value.coding).find((c) => isObject(c) && nonBlank(c.code))
      : undefined;
    const coded = isObject(coding) ? coding.code : isObject(value) ? value.text : undefined;
    if (!nonBlank(coded)) {
      errors.add(at, 'valueCodeableConcept должно содержать coding.code или text.');
      return null;
    }
    return { ...noValue, coded: coded.trim() };
  }
  if (key === 'valueString') {
    if (!nonBlank(value)) {
      errors.add(at, 'valueString не должно быть пустым.');
      return null;
    }
    return { ...noValue, text: value.trim() };
  }
  errors.add(
    at,
    'Тип значения не поддерживается: ожидается valueQuantity, valueCodeableConcept или valueString.',
  );
  return null;
}

function mapComment(obs: Json): string | null {
  const texts = asArray(obs.note)
    .map((n) => (isObject(n) && nonBlank(n.text) ? n.text.trim() : null))
    .filter((t) => t !== null);
  return texts.length ? texts.join('\n') : null;
}

/**
 * Maps one Observation (already resolved from DiagnosticReport.result). Interpretation and
 * referenceRange are ignored on purpose: the platform computes flags from its own catalogue.
 * Returns null after recording errors.
 */
export function mapObservation(located: Located, errors: FhirErrors): PartnerResultLine | null {
  const { resource: obs, path } = located;
  const before = errors.list.length;
  if (!FINAL_STATUSES.has(obs.status)) {
    errors.add(
      `${path}.status`,
      'Принимаются только окончательные результаты (status final, amended или corrected).',
    );
  }
  const codes = observationCodes(obs as unknown as Observation);
  if (codes.length === 0) {
    errors.add(`${path}.code`, 'Нет кода теста из справочника клиники, ФСЛИ или LOINC (code.coding).');
  }
  const value = mapValue(obs, path, errors);
  const first = codes[0];
  if (errors.list.length > before || !value || !first) return null;
  return { testCode: first.code, testSystem: first.system, codes, ...value, comment: mapComment(obs) };
}
