/**
 * Realistic partner result bundles (CBC + potassium, as a Russian commercial lab would send them),
 * valid FHIR R4 (checked by fhir-input.valid.test.ts), built fresh per call so tests can mutate them.
 */
import type { Bundle, BundleEntry, DiagnosticReport, Observation, Specimen } from '@medplum/fhirtypes';
import { FSLI_SYSTEM, LOCAL_TEST_SYSTEM, LOINC_SYSTEM, SPECIMEN_SYSTEM } from './fhir-input';

export const SPECIMEN_CODE = 'LB7K3Q9M2';
export const PARTNER_REPORT_SYSTEM = 'https://lis.partner-lab.example/report';
export const PARTNER_REPORT_ID = 'R-2025-0418-00731';
const UCUM = 'http://unitsofmeasure.org';

export const url = {
  report: 'urn:uuid:4f0c2a5e-8f55-4c1e-9a57-1f3c0e0b7a01',
  specimen: 'urn:uuid:4f0c2a5e-8f55-4c1e-9a57-1f3c0e0b7a02',
  wbc: 'urn:uuid:4f0c2a5e-8f55-4c1e-9a57-1f3c0e0b7a10',
  hgb: 'urn:uuid:4f0c2a5e-8f55-4c1e-9a57-1f3c0e0b7a11',
  plt: 'urn:uuid:4f0c2a5e-8f55-4c1e-9a57-1f3c0e0b7a12',
  k: 'urn:uuid:4f0c2a5e-8f55-4c1e-9a57-1f3c0e0b7a13',
} as const;

const loinc = (code: string, display: string) => ({ system: LOINC_SYSTEM, code, display });

export function specimen(): Specimen {
  return {
    resourceType: 'Specimen',
    identifier: [{ system: SPECIMEN_SYSTEM, value: SPECIMEN_CODE }],
    accessionIdentifier: { system: 'https://lis.partner-lab.example/accession', value: '2504-118734' },
    status: 'available',
    type: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0487', code: 'BLD' }],
      text: 'Кровь',
    },
    receivedTime: '2025-04-18T09:12:00+03:00',
  };
}

const quantity = (value: number, unit: string, code: string) => ({ value, unit, system: UCUM, code });

export function observation(
  kind: 'wbc' | 'hgb' | 'plt' | 'k',
  extra: Partial<Observation> = {},
): Observation & { id?: string } {
  const common = { resourceType: 'Observation' as const, status: 'final' as const };
  const category = [
    {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }],
    },
  ];
  const byKind: Record<typeof kind, Observation> = {
    wbc: {
      ...common,
      category,
      // Our local code and LOINC: the local one is preferred.
      code: {
        coding: [
          loinc('6690-2', 'Leukocytes [#/volume] in Blood by Automated count'),
          { system: LOCAL_TEST_SYSTEM, code: 'WBC' },
        ],
        text: 'Лейкоциты',
      },
      valueQuantity: quantity(6.4, '10*9/L', '10*9/L'),
    },
    hgb: {
      ...common,
      category,
      // ФСЛИ and LOINC (the ФСЛИ code here is illustrative).
      code: {
        coding: [
          loinc('718-7', 'Hemoglobin [Mass/volume] in Blood'),
          { system: FSLI_SYSTEM, code: '1000109' },
        ],
        text: 'Гемоглобин',
      },
      valueQuantity: quantity(142, 'г/л', 'g/L'),
      // The partner's own flag and range: ignored, the platform computes its own.
      interpretation: [
        {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'N' },
          ],
        },
      ],
      referenceRange: [{ low: { value: 130, unit: 'г/л' }, high: { value: 160, unit: 'г/л' } }],
    },
    plt: {
      ...common,
      category,
      code: {
        coding: [loinc('777-3', 'Platelets [#/volume] in Blood by Automated count')],
        text: 'Тромбоциты',
      },
      valueQuantity: { value: 251, code: '10*9/L', system: UCUM },
    },
    k: {
      ...common,
      category,
      code: {
        coding: [loinc('2823-3', 'Potassium [Moles/volume] in Serum or Plasma')],
        text: 'Калий',
      },
      valueQuantity: quantity(6.8, 'ммоль/л', 'mmol/L'),
      interpretation: [
        {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'HH' },
          ],
        },
      ],
      note: [{ text: 'Гемолиз не выявлен.' }, { text: 'Результат подтверждён повторным измерением.' }],
    },
  };
  return { ...byKind[kind], specimen: { reference: url.specimen }, ...extra };
}

export function report(extra: Partial<DiagnosticReport> = {}): DiagnosticReport {
  return {
    resourceType: 'DiagnosticReport',
    identifier: [{ system: PARTNER_REPORT_SYSTEM, value: PARTNER_REPORT_ID }],
    status: 'final',
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB', display: 'Laboratory' },
        ],
      },
    ],
    code: {
      coding: [loinc('58410-2', 'CBC panel - Blood by Automated count')],
      text: 'Общий анализ крови, калий',
    },
    specimen: [{ reference: url.specimen }],
    issued: '2025-04-18T14:32:05+03:00',
    conclusion: 'Гиперкалиемия. Рекомендована повторная сдача.',
    result: [{ reference: url.wbc }, { reference: url.hgb }, { reference: url.plt }, { reference: url.k }],
    ...extra,
  };
}

/** CBC (WBC, HGB, PLT) + potassium with the specimen, as a `collection` bundle. */
export function cbcBundle(type: 'collection' | 'transaction' | 'batch' = 'collection'): Bundle {
  const entries: BundleEntry[] = [
    { fullUrl: url.report, resource: report() },
    { fullUrl: url.specimen, resource: specimen() },
    { fullUrl: url.wbc, resource: observation('wbc') },
    { fullUrl: url.hgb, resource: observation('hgb') },
    { fullUrl: url.plt, resource: observation('plt') },
    { fullUrl: url.k, resource: observation('k') },
  ];
  const entry =
    type === 'collection'
      ? entries
      : entries.map((e) => ({
          ...e,
          request: { method: 'POST' as const, url: e.resource?.resourceType ?? '' },
        }));
  return { resourceType: 'Bundle', type, entry };
}

/** The resource of the entry with this fullUrl, typed for mutation in tests. */
export function resourceAt<T>(bundle: Bundle, fullUrl: string): T {
  const found = bundle.entry?.find((e) => e.fullUrl === fullUrl)?.resource;
  if (!found) throw new Error(`no entry ${fullUrl}`);
  return found as T;
}
