/**
 * A partner lab's result as a FHIR R4 Bundle (collection, transaction or batch) holding one
 * DiagnosticReport, its Observations and optionally the Specimen, mapped onto the platform's
 * result input. Pure: no database, no catalogue — the caller matches test codes and checks values.
 *
 * Rules (the partner's contract):
 * - Entries may be DiagnosticReport (exactly one), Observation (1–200, each listed in
 *   DiagnosticReport.result) and Specimen; other resource types are refused (the partner never
 *   sends patient resources: it only knows the opaque specimen code).
 * - References resolve inside the bundle: by `fullUrl` (urn:uuid or absolute), "Type/id", or
 *   "#id" for a resource contained in the referencing one.
 * - Specimen code: the value of an identifier with system {@link SPECIMEN_SYSTEM}, wherever FHIR
 *   lets it stand — DiagnosticReport.identifier, a logical reference in DiagnosticReport.specimen
 *   or Observation.specimen (`{identifier}`), or the referenced Specimen's `identifier` or
 *   `accessionIdentifier`. There must be exactly one distinct value; an identifier without our
 *   system is never taken for the code.
 * - Partner result id: the first DiagnosticReport.identifier whose system is not ours.
 * - Report and observations must be final, amended or corrected. Interpretation and
 *   referenceRange are ignored: flags are computed by the platform.
 * - Strings over 2000 characters anywhere are refused. Messages are Russian and never repeat
 *   submitted values; `path` points at the offending element ("entry[2].resource.valueQuantity").
 */

import { parseInstant } from '../partner/partner.access';
import {
  asArray,
  BundleIndex,
  FhirErrors,
  type FhirInputError,
  identifierValues,
  isObject,
  type Json,
  type Located,
  nonBlank,
  scanLimits,
} from './fhir-bundle-index';
import { FINAL_STATUSES, mapObservation, type PartnerResultLine } from './fhir-observation';

export type { FhirInputError } from './fhir-bundle-index';
export {
  FSLI_SYSTEM,
  LOCAL_TEST_SYSTEM,
  LOINC_SYSTEM,
  observationCodes,
  type PartnerResultLine,
  TEST_CODE_SYSTEMS,
  type TestCode,
  type TestCodeSystem,
} from './fhir-observation';

/** Identifier system of our opaque specimen codes (the code printed on the tube's barcode). */
export const SPECIMEN_SYSTEM = 'urn:medikamente:specimen';
export const MAX_OBSERVATIONS = 200;
const BUNDLE_TYPES: ReadonlySet<unknown> = new Set(['collection', 'transaction', 'batch']);
const ENTRY_TYPES: ReadonlySet<unknown> = new Set(['DiagnosticReport', 'Observation', 'Specimen']);
/** FHIR `instant`: a date-time with seconds and a time zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export type PartnerResultInput = {
  specimenCode: string;
  partnerResultId: string;
  /** DiagnosticReport.issued, normalised to UTC ISO (`toISOString`). */
  issuedAt: string | null;
  conclusion: string | null;
  results: PartnerResultLine[];
};
export type FhirMapResult = { ok: true; input: PartnerResultInput } | { ok: false; errors: FhirInputError[] };

const refuse = (path: string, message: string): FhirMapResult => ({
  ok: false,
  errors: [{ path, code: 'FHIR_INVALID', message }],
});

/** Maps a partner's FHIR result Bundle; every problem found is reported with its path. */
export function mapFhirResultBundle(bundle: unknown): FhirMapResult {
  if (!isObject(bundle)) return refuse('', 'Ожидается ресурс FHIR Bundle (JSON-объект).');
  if (bundle.resourceType !== 'Bundle') return refuse('resourceType', 'Ожидается resourceType «Bundle».');
  if (!BUNDLE_TYPES.has(bundle.type)) {
    return refuse('type', 'Bundle.type должен быть collection, transaction или batch.');
  }
  const errors = new FhirErrors();
  scanLimits(bundle, '', errors);
  if (errors.any) return { ok: false, errors: errors.list };
  const entries = asArray(bundle.entry);
  if (entries.length === 0) return refuse('entry', 'Пакет не содержит ресурсов.');
  // Observations, one report and their specimens; a bigger bundle is refused before any work.
  if (entries.length > MAX_OBSERVATIONS * 2 + 1) {
    return refuse('entry', `Слишком много ресурсов в пакете (не более ${MAX_OBSERVATIONS} наблюдений).`);
  }

  const located: Located[] = [];
  entries.forEach((entry, i) => {
    const resource = isObject(entry) ? entry.resource : undefined;
    if (!isObject(resource)) errors.add(`entry[${i}]`, 'Запись пакета должна содержать ресурс (resource).');
    else if (!ENTRY_TYPES.has(resource.resourceType)) {
      errors.add(
        `entry[${i}].resource.resourceType`,
        'Принимаются только ресурсы DiagnosticReport, Observation и Specimen.',
      );
    } else located.push({ resource, path: `entry[${i}].resource`, fullUrl: (entry as Json).fullUrl });
  });
  const reports = located.filter((l) => l.resource.resourceType === 'DiagnosticReport');
  const observations = located.filter((l) => l.resource.resourceType === 'Observation');
  if (reports.length === 0) errors.add('entry', 'В пакете нет DiagnosticReport.');
  for (const extra of reports.slice(1))
    errors.add(extra.path, 'В пакете может быть только один DiagnosticReport.');
  if (observations.length > MAX_OBSERVATIONS) {
    errors.add('entry', `В пакете не может быть больше ${MAX_OBSERVATIONS} наблюдений (Observation).`);
  }
  if (errors.any) return { ok: false, errors: errors.list };

  const index = new BundleIndex(located, errors);
  const report = reports[0] as Located;
  const input = mapReport(report, index, errors);
  if (errors.any || !input) return { ok: false, errors: errors.list };
  return { ok: true, input };
}

function mapReport(report: Located, index: BundleIndex, errors: FhirErrors): PartnerResultInput | null {
  const dr = report.resource;
  const at = (field: string) => `${report.path}.${field}`;
  if (!FINAL_STATUSES.has(dr.status)) {
    errors.add(
      at('status'),
      'Принимаются только окончательные результаты (status final, amended или corrected).',
    );
  }
  const partnerResultId = asArray(dr.identifier)
    .filter((i): i is Json => isObject(i) && i.system !== SPECIMEN_SYSTEM && nonBlank(i.value))
    .map((i) => (i.value as string).trim())[0];
  if (!partnerResultId) {
    errors.add(
      at('identifier'),
      'Нет идентификатора результата в системе лаборатории (DiagnosticReport.identifier).',
    );
  }
  let issuedAt: string | null = null;
  if (dr.issued !== undefined) {
    const issued = typeof dr.issued === 'string' && INSTANT.test(dr.issued) ? parseInstant(dr.issued) : null;
    if (issued) issuedAt = issued.toISOString();
    else errors.add(at('issued'), 'issued должен быть моментом времени с часовым поясом (FHIR instant).');
  }
  if (dr.conclusion !== undefined && typeof dr.conclusion !== 'string') {
    errors.add(at('conclusion'), 'conclusion должен быть строкой.');
  }
  const conclusion = nonBlank(dr.conclusion) ? dr.conclusion.trim() : null;

  const specimenCodes = new Set(identifierValues(dr.identifier, SPECIMEN_SYSTEM));
  collectSpecimenCodes(report, 'specimen', index, errors, specimenCodes);

  const results: PartnerResultLine[] = [];
  const referenced = new Set<Json>();
  const seenCodes = new Set<string>();
  const refs = asArray(dr.result);
  if (refs.length === 0) errors.add(at('result'), 'DiagnosticReport не содержит результатов (result).');
  if (refs.length > MAX_OBSERVATIONS) {
    errors.add(at('result'), `Не больше ${MAX_OBSERVATIONS} результатов в одном отчёте.`);
    return null;
  }
  for (const [j, ref] of refs.entries()) {
    const found = index.resolve(ref, report, 'Observation');
    if ('error' in found) {
      errors.add(at(`result[${j}]`), found.error);
      continue;
    }
    if (referenced.has(found.resource)) {
      errors.add(at(`result[${j}]`), 'Наблюдение указано в отчёте дважды.');
      continue;
    }
    referenced.add(found.resource);
    collectSpecimenCodes(found, 'specimen', index, errors, specimenCodes);
    const line = mapObservation(found, errors);
    if (!line) continue;
    const key = `${line.testSystem}|${line.testCode}`;
    if (seenCodes.has(key)) errors.add(`${found.path}.code`, 'Этот тест уже есть в отчёте.');
    seenCodes.add(key);
    results.push(line);
  }
  for (const obs of index.entries) {
    if (obs.resource.resourceType === 'Observation' && !referenced.has(obs.resource)) {
      errors.add(obs.path, 'Наблюдение не указано в DiagnosticReport.result.');
    }
  }

  if (specimenCodes.size === 0) {
    errors.add(at('specimen'), `Не найден код образца: нужен идентификатор с system «${SPECIMEN_SYSTEM}».`);
  } else if (specimenCodes.size > 1) {
    errors.add(at('specimen'), 'В пакете указаны разные коды образца.');
  }
  const [specimenCode] = specimenCodes;
  if (errors.any || !specimenCode || !partnerResultId) return null;
  return { specimenCode, partnerResultId, issuedAt, conclusion, results };
}

/** Adds our specimen codes reachable from `from[field]` (references or logical identifiers). */
function collectSpecimenCodes(
  from: Located,
  field: string,
  index: BundleIndex,
  errors: FhirErrors,
  codes: Set<string>,
): void {
  const value = from.resource[field];
  const refs = Array.isArray(value) ? value : value === undefined ? [] : [value];
  for (const [k, ref] of refs.entries()) {
    const path = Array.isArray(value) ? `${from.path}.${field}[${k}]` : `${from.path}.${field}`;
    if (isObject(ref) && ref.reference === undefined && ref.identifier !== undefined) {
      for (const code of identifierValues(ref.identifier, SPECIMEN_SYSTEM)) codes.add(code);
      continue;
    }
    const found = index.resolve(ref, from, 'Specimen');
    if ('error' in found) {
      errors.add(path, found.error);
      continue;
    }
    for (const code of identifierValues(found.resource.identifier, SPECIMEN_SYSTEM)) codes.add(code);
    for (const code of identifierValues(found.resource.accessionIdentifier, SPECIMEN_SYSTEM)) codes.add(code);
  }
}
