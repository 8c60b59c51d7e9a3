import type { Bundle, DiagnosticReport, Observation, Specimen } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import {
  FSLI_SYSTEM,
  LOCAL_TEST_SYSTEM,
  LOINC_SYSTEM,
  mapFhirResultBundle,
  observationCodes,
  type PartnerResultInput,
  SPECIMEN_SYSTEM,
} from './fhir-input';
import {
  cbcBundle,
  observation,
  PARTNER_REPORT_ID,
  report,
  resourceAt,
  SPECIMEN_CODE,
  specimen,
  url,
} from './fhir-input.fixture';

function accepted(bundle: unknown): PartnerResultInput {
  const result = mapFhirResultBundle(bundle);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result.input;
}

describe('mapFhirResultBundle: a CBC + potassium report', () => {
  it('maps the report and every observation in DiagnosticReport.result order', () => {
    expect(accepted(cbcBundle())).toEqual({
      specimenCode: SPECIMEN_CODE,
      partnerResultId: PARTNER_REPORT_ID,
      issuedAt: '2025-04-18T11:32:05.000Z',
      conclusion: 'Гиперкалиемия. Рекомендована повторная сдача.',
      results: [
        {
          testCode: 'WBC',
          testSystem: LOCAL_TEST_SYSTEM,
          codes: [
            { system: LOCAL_TEST_SYSTEM, code: 'WBC' },
            { system: LOINC_SYSTEM, code: '6690-2' },
          ],
          numeric: 6.4,
          unit: '10*9/L',
          coded: null,
          text: null,
          comment: null,
        },
        {
          testCode: '1000109',
          testSystem: FSLI_SYSTEM,
          codes: [
            { system: FSLI_SYSTEM, code: '1000109' },
            { system: LOINC_SYSTEM, code: '718-7' },
          ],
          numeric: 142,
          unit: 'г/л', // the human-readable unit wins over the UCUM code
          coded: null,
          text: null,
          comment: null,
        },
        {
          testCode: '777-3',
          testSystem: LOINC_SYSTEM,
          codes: [{ system: LOINC_SYSTEM, code: '777-3' }],
          numeric: 251,
          unit: '10*9/L', // no `unit`: the UCUM code
          coded: null,
          text: null,
          comment: null,
        },
        {
          testCode: '2823-3',
          testSystem: LOINC_SYSTEM,
          codes: [{ system: LOINC_SYSTEM, code: '2823-3' }],
          numeric: 6.8,
          unit: 'ммоль/л',
          coded: null,
          text: null,
          comment: 'Гемолиз не выявлен.\nРезультат подтверждён повторным измерением.',
        },
      ],
    });
  });

  it.each(['transaction', 'batch'] as const)('accepts a %s bundle the same way', (type) => {
    expect(accepted(cbcBundle(type))).toEqual(accepted(cbcBundle()));
  });

  it('ignores the partner interpretation and reference range (flags are ours)', () => {
    const plain = cbcBundle();
    const hgb = resourceAt<Observation>(plain, url.hgb);
    delete hgb.interpretation;
    delete hgb.referenceRange;
    expect(accepted(cbcBundle())).toEqual(accepted(plain));
    expect(Object.keys(accepted(cbcBundle()).results[1] ?? {})).not.toContain('interpretation');
  });

  it('leaves issued and conclusion null when absent', () => {
    const bundle = cbcBundle();
    const dr = resourceAt<DiagnosticReport>(bundle, url.report);
    delete dr.issued;
    delete dr.conclusion;
    expect(accepted(bundle)).toMatchObject({ issuedAt: null, conclusion: null });
  });
});

describe('mapFhirResultBundle: references and the specimen code', () => {
  /** A report with one potassium observation; the specimen is wired by the caller. */
  function single(drExtra: Partial<DiagnosticReport>, entries: Bundle['entry'] = [], obsExtra = {}): Bundle {
    return {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: url.report, resource: report({ result: [{ reference: url.k }], ...drExtra }) },
        { fullUrl: url.k, resource: observation('k', { specimen: undefined, ...obsExtra }) },
        ...entries,
      ],
    };
  }

  it('resolves relative "Type/id" references', () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          resource: report({
            result: [{ reference: 'Observation/k1' }],
            specimen: [{ reference: 'Specimen/s1' }],
          }),
        },
        { resource: { ...observation('k'), id: 'k1', specimen: { reference: 'Specimen/s1' } } },
        { resource: { ...specimen(), id: 's1' } },
      ],
    };
    expect(accepted(bundle)).toMatchObject({
      specimenCode: SPECIMEN_CODE,
      results: [{ testCode: '2823-3' }],
    });
  });

  it('resolves a Specimen contained in the report ("#id")', () => {
    const bundle = single({ contained: [{ ...specimen(), id: 'sp' }], specimen: [{ reference: '#sp' }] });
    expect(accepted(bundle).specimenCode).toBe(SPECIMEN_CODE);
  });

  it('takes the code from Specimen.accessionIdentifier when it carries our system', () => {
    const sp: Specimen = {
      ...specimen(),
      identifier: [],
      accessionIdentifier: { system: SPECIMEN_SYSTEM, value: 'Z9' },
    };
    const bundle = single({}, [{ fullUrl: url.specimen, resource: sp }]);
    expect(accepted(bundle).specimenCode).toBe('Z9');
  });

  it('takes the code from a logical reference or from DiagnosticReport.identifier', () => {
    const logical = single({ specimen: [{ identifier: { system: SPECIMEN_SYSTEM, value: ' LB7K3Q9M2 ' } }] });
    expect(accepted(logical).specimenCode).toBe(SPECIMEN_CODE);
    const onReport = single({
      specimen: undefined,
      identifier: [
        { system: SPECIMEN_SYSTEM, value: SPECIMEN_CODE },
        { system: 'https://lis.partner-lab.example/report', value: 'R-1' },
      ],
    });
    expect(accepted(onReport)).toMatchObject({ specimenCode: SPECIMEN_CODE, partnerResultId: 'R-1' });
  });

  it('accepts the same code found in several places', () => {
    const bundle = single(
      { identifier: [...(report().identifier ?? []), { system: SPECIMEN_SYSTEM, value: SPECIMEN_CODE }] },
      [{ fullUrl: url.specimen, resource: specimen() }],
      { specimen: { reference: url.specimen } },
    );
    expect(accepted(bundle).specimenCode).toBe(SPECIMEN_CODE);
  });

  it('ignores a Specimen identifier of another system', () => {
    const bundle = single({
      specimen: [{ identifier: { system: 'https://lis.partner-lab.example/tube', value: 'T1' } }],
    });
    expect(mapFhirResultBundle(bundle)).toMatchObject({
      ok: false,
      errors: [{ path: 'entry[0].resource.specimen' }],
    });
  });
});

describe('mapFhirResultBundle: value kinds and codes', () => {
  const withObs = (obs: Partial<Observation>) => {
    const bundle = cbcBundle();
    const k = resourceAt<Observation>(bundle, url.k);
    delete k.valueQuantity;
    Object.assign(k, obs);
    return accepted(bundle).results[3];
  };

  it('maps valueCodeableConcept to its first coding code, else its text', () => {
    const snomed = 'http://snomed.info/sct';
    expect(
      withObs({ valueCodeableConcept: { coding: [{ system: snomed, code: '260385009' }], text: 'Отриц.' } }),
    ).toMatchObject({ numeric: null, unit: null, coded: '260385009', text: null });
    expect(
      withObs({
        valueCodeableConcept: { coding: [{ system: snomed, display: 'x' }], text: ' отрицательно ' },
      }),
    ).toMatchObject({ coded: 'отрицательно' });
  });

  it('maps valueString to text', () => {
    expect(withObs({ valueString: 'Гемолиз сыворотки, результат недостоверен.' })).toMatchObject({
      numeric: null,
      coded: null,
      text: 'Гемолиз сыворотки, результат недостоверен.',
    });
  });

  it('keeps a numeric zero and a quantity without unit', () => {
    expect(withObs({ valueQuantity: { value: 0 } })).toMatchObject({ numeric: 0, unit: null });
  });

  it('accepts amended and corrected results', () => {
    const bundle = cbcBundle();
    resourceAt<DiagnosticReport>(bundle, url.report).status = 'corrected';
    resourceAt<Observation>(bundle, url.k).status = 'amended';
    expect(accepted(bundle).results).toHaveLength(4);
  });

  it('observationCodes lists local, ФСЛИ, LOINC candidates in that order and skips other systems', () => {
    const obs: Observation = {
      resourceType: 'Observation',
      status: 'final',
      code: {
        coding: [
          { system: LOINC_SYSTEM, code: '2823-3' },
          { system: 'http://snomed.info/sct', code: '88480006' },
          { system: FSLI_SYSTEM, code: '1012345' },
          { system: LOCAL_TEST_SYSTEM, code: ' K ' },
          { system: LOINC_SYSTEM, code: '2823-3' },
          { system: LOINC_SYSTEM },
        ],
      },
    };
    expect(observationCodes(obs)).toEqual([
      { system: LOCAL_TEST_SYSTEM, code: 'K' },
      { system: FSLI_SYSTEM, code: '1012345' },
      { system: LOINC_SYSTEM, code: '2823-3' },
    ]);
    expect(observationCodes({ resourceType: 'Observation', status: 'final', code: {} })).toEqual([]);
    expect(observationCodes({ code: 'x' } as unknown as Observation)).toEqual([]);
  });
});
