import type { Bundle, DiagnosticReport, Observation, Specimen } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { type FhirInputError, MAX_OBSERVATIONS, mapFhirResultBundle, SPECIMEN_SYSTEM } from './fhir-input';
import { cbcBundle, observation, resourceAt, SPECIMEN_CODE, url } from './fhir-input.fixture';

function refused(bundle: unknown): FhirInputError[] {
  const result = mapFhirResultBundle(bundle);
  if (result.ok) throw new Error('accepted');
  for (const e of result.errors) expect(e.code).toBe('FHIR_INVALID');
  return result.errors;
}
const paths = (bundle: unknown) => refused(bundle).map((e) => e.path);

/** The CBC bundle after a change; `at` gives a resource by fullUrl. */
function changed(edit: (at: <T>(fullUrl: string) => T, bundle: Bundle) => void): Bundle {
  const bundle = cbcBundle();
  edit((fullUrl) => resourceAt(bundle, fullUrl), bundle);
  return bundle;
}
const entries = (bundle: Bundle) => bundle.entry ?? [];
// Entry positions in cbcBundle(): report, specimen, wbc, hgb, plt, k.
const K = 'entry[5].resource';
const DR = 'entry[0].resource';

describe('mapFhirResultBundle refuses the envelope', () => {
  it.each([null, undefined, 'Bundle', 42, [cbcBundle()]])('not an object: %j', (input) => {
    expect(paths(input)).toEqual(['']);
  });

  it.each([
    [{ ...cbcBundle(), resourceType: 'Observation' }, 'resourceType'],
    [{ ...cbcBundle(), resourceType: undefined }, 'resourceType'],
    [{ ...cbcBundle(), type: 'searchset' }, 'type'],
    [{ ...cbcBundle(), type: 'document' }, 'type'],
    [{ ...cbcBundle(), entry: [] }, 'entry'],
    [{ ...cbcBundle(), entry: undefined }, 'entry'],
  ])('%#: wrong %s', (bundle, path) => {
    expect(paths(bundle)).toEqual([path]);
  });

  it('refuses entries without a resource or of another type (no patient resources)', () => {
    const bundle = changed((_, b) => {
      entries(b).push({ resource: { resourceType: 'Patient', name: [{ family: 'Иванов' }] } }, {});
    });
    expect(paths(bundle)).toEqual(['entry[6].resource.resourceType', 'entry[7]']);
  });

  it('refuses a bundle without a DiagnosticReport', () => {
    expect(paths(changed((_, b) => entries(b).shift()))).toEqual(['entry']);
  });

  it('refuses a second DiagnosticReport', () => {
    const bundle = changed((at, b) => {
      entries(b).push({ fullUrl: 'urn:uuid:second', resource: at<DiagnosticReport>(url.report) });
    });
    expect(paths(bundle)).toEqual(['entry[6].resource']);
  });

  it(`refuses more than ${MAX_OBSERVATIONS} observations`, () => {
    const bundle = changed((at, b) => {
      const dr = at<DiagnosticReport>(url.report);
      for (let i = 0; entries(b).length < MAX_OBSERVATIONS + 3; i++) {
        const fullUrl = `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
        entries(b).push({ fullUrl, resource: observation('k') });
        dr.result?.push({ reference: fullUrl });
      }
    });
    expect(entries(bundle).filter((e) => e.resource?.resourceType === 'Observation')).toHaveLength(201);
    expect(paths(bundle)).toEqual(['entry']);
    expect(paths({ ...bundle, entry: Array.from({ length: 1000 }, () => ({})) })).toEqual(['entry']);
  });

  it('refuses strings over 2000 characters anywhere, and absurd nesting', () => {
    const long = 'а'.repeat(2001);
    const bundle = changed((at) => {
      at<DiagnosticReport>(url.report).conclusion = long;
      at<Observation>(url.k).note = [{ text: 'ok' }, { text: long }];
    });
    expect(paths(bundle)).toEqual([`${DR}.conclusion`, `${K}.note[1].text`]);
    const exact = changed((at) => {
      at<DiagnosticReport>(url.report).conclusion = 'а'.repeat(2000);
    });
    expect(mapFhirResultBundle(exact).ok).toBe(true);
    let deep: unknown = {};
    for (let i = 0; i < 40; i++) deep = { x: deep };
    expect(refused({ ...cbcBundle(), extension: [deep] })[0]?.message).toMatch(/вложенность/);
  });

  it('refuses duplicate fullUrls', () => {
    const bundle = changed((_, b) => {
      const plt = entries(b)[4];
      if (plt) plt.fullUrl = url.hgb;
    });
    expect(paths(bundle)).toContain('entry[4].fullUrl');
  });
});

describe('mapFhirResultBundle refuses the report', () => {
  it.each<[string, (dr: DiagnosticReport) => void, string[]]>([
    ['preliminary', (dr) => Object.assign(dr, { status: 'preliminary' }), [`${DR}.status`]],
    [
      'no results',
      (dr) => Object.assign(dr, { result: [] }),
      [`${DR}.result`, 'entry[2].resource', 'entry[3].resource', 'entry[4].resource', K],
    ],
    [
      'no partner id',
      (dr) => Object.assign(dr, { identifier: [{ system: SPECIMEN_SYSTEM, value: SPECIMEN_CODE }] }),
      [`${DR}.identifier`],
    ],
    [
      'issued without time zone',
      (dr) => Object.assign(dr, { issued: '2025-04-18T14:32:05' }),
      [`${DR}.issued`],
    ],
    ['issued not a date', (dr) => Object.assign(dr, { issued: '2025-02-30T25:00:00Z' }), [`${DR}.issued`]],
    ['conclusion not a string', (dr) => Object.assign(dr, { conclusion: 5 }), [`${DR}.conclusion`]],
    ['an unresolved result', (dr) => dr.result?.push({ reference: 'urn:uuid:missing' }), [`${DR}.result[4]`]],
    ['a result without reference', (dr) => dr.result?.push({ display: 'Калий' }), [`${DR}.result[4]`]],
    [
      'a result pointing at the Specimen',
      (dr) => dr.result?.push({ reference: url.specimen }),
      [`${DR}.result[4]`],
    ],
    ['the same observation twice', (dr) => dr.result?.push({ reference: url.k }), [`${DR}.result[4]`]],
    [
      'an unresolved specimen',
      (dr) => Object.assign(dr, { specimen: [{ reference: 'Specimen/nope' }] }),
      [`${DR}.specimen[0]`],
    ],
  ])('%s', (_, edit, expected) => {
    expect(paths(changed((at) => edit(at<DiagnosticReport>(url.report))))).toEqual(expected);
  });

  it('refuses an observation the report does not list', () => {
    const bundle = changed((at) => {
      at<DiagnosticReport>(url.report).result?.pop();
    });
    expect(paths(bundle)).toEqual([K]);
  });

  it('refuses a missing or conflicting specimen code', () => {
    const none = changed((at) => {
      at<Specimen>(url.specimen).identifier = [];
    });
    expect(refused(none)).toEqual([
      {
        path: `${DR}.specimen`,
        code: 'FHIR_INVALID',
        message: expect.stringMatching(/urn:medikamente:specimen/),
      },
    ]);
    const conflict = changed((at) => {
      at<Observation>(url.k).specimen = { identifier: { system: SPECIMEN_SYSTEM, value: 'OTHER1' } };
    });
    expect(refused(conflict)).toEqual([
      { path: `${DR}.specimen`, code: 'FHIR_INVALID', message: expect.stringMatching(/разные коды/) },
    ]);
  });
});

describe('mapFhirResultBundle refuses an observation', () => {
  it.each<[string, (obs: Observation) => void, string[]]>([
    ['preliminary', (o) => Object.assign(o, { status: 'preliminary' }), [`${K}.status`]],
    ['cancelled', (o) => Object.assign(o, { status: 'cancelled' }), [`${K}.status`]],
    ['no value', (o) => Object.assign(o, { valueQuantity: undefined }), [K]],
    [
      'data absent instead of a value',
      (o) => Object.assign(o, { valueQuantity: undefined, dataAbsentReason: { text: 'гемолиз' } }),
      [K],
    ],
    ['two values', (o) => Object.assign(o, { valueString: '6,8' }), [K]],
    [
      'a boolean value',
      (o) => Object.assign(o, { valueQuantity: undefined, valueBoolean: true }),
      [`${K}.valueBoolean`],
    ],
    [
      'a value as a string',
      (o) => Object.assign(o, { valueQuantity: { value: '6.8', unit: 'ммоль/л' } }),
      [`${K}.valueQuantity.value`],
    ],
    [
      'no numeric value',
      (o) => Object.assign(o, { valueQuantity: { unit: 'ммоль/л' } }),
      [`${K}.valueQuantity.value`],
    ],
    [
      'a quantity that is not an object',
      (o) => Object.assign(o, { valueQuantity: 6.8 }),
      [`${K}.valueQuantity`],
    ],
    ['NaN', (o) => Object.assign(o, { valueQuantity: { value: Number.NaN } }), [`${K}.valueQuantity.value`]],
    [
      'a comparator',
      (o) => Object.assign(o, { valueQuantity: { value: 0.1, comparator: '<' } }),
      [`${K}.valueQuantity.comparator`],
    ],
    [
      'a unit that is not a string',
      (o) => Object.assign(o, { valueQuantity: { value: 1, unit: 5 } }),
      [`${K}.valueQuantity.unit`],
    ],
    [
      'an empty coded value',
      (o) => Object.assign(o, { valueQuantity: undefined, valueCodeableConcept: { coding: [] } }),
      [`${K}.valueCodeableConcept`],
    ],
    [
      'a blank string value',
      (o) => Object.assign(o, { valueQuantity: undefined, valueString: '  ' }),
      [`${K}.valueString`],
    ],
    [
      'no known code system',
      (o) => Object.assign(o, { code: { coding: [{ system: 'http://snomed.info/sct', code: '88480006' }] } }),
      [`${K}.code`],
    ],
    ['no code at all', (o) => Object.assign(o, { code: { text: 'Калий' } }), [`${K}.code`]],
    [
      'an unresolved specimen',
      (o) => Object.assign(o, { specimen: { reference: 'urn:uuid:missing' } }),
      [`${K}.specimen`],
    ],
  ])('%s', (_, edit, expected) => {
    expect(paths(changed((at) => edit(at<Observation>(url.k))))).toEqual(expected);
  });

  it('refuses the same test twice', () => {
    const bundle = changed((at) => {
      at<Observation>(url.plt).code = at<Observation>(url.k).code;
    });
    expect(paths(bundle)).toEqual([`${K}.code`]);
  });

  it('reports every problem at once', () => {
    const bundle = changed((at) => {
      at<Observation>(url.wbc).status = 'preliminary';
      at<Observation>(url.k).valueQuantity = undefined;
      at<DiagnosticReport>(url.report).issued = 'вчера';
    });
    expect(paths(bundle)).toEqual([`${DR}.issued`, 'entry[2].resource.status', K]);
  });
});

describe('refusal messages', () => {
  it('are Russian and never repeat submitted values', () => {
    const secret = 'Иванов-СЕКРЕТ-12345';
    const bundles: unknown[] = [
      secret,
      { ...cbcBundle(), type: secret },
      changed((at, b) => {
        at<DiagnosticReport>(url.report).issued = secret;
        at<DiagnosticReport>(url.report).identifier = [];
        at<DiagnosticReport>(url.report).result?.push({ reference: secret });
        at<Observation>(url.k).valueQuantity = { value: secret as unknown as number, unit: secret };
        at<Observation>(url.hgb).code = { coding: [{ system: secret, code: secret }] };
        at<Specimen>(url.specimen).identifier = [{ system: secret, value: secret }];
        entries(b).push({
          fullUrl: secret,
          resource: { resourceType: 'Patient', name: [{ family: secret }] },
        });
      }),
      { ...cbcBundle(), [secret]: secret.repeat(200) },
    ];
    for (const bundle of bundles) {
      for (const error of refused(bundle)) {
        expect(error.message).toMatch(/[а-яё]/i);
        expect(error.message).not.toContain('СЕКРЕТ');
        expect(error.path).not.toContain('СЕКРЕТ');
      }
    }
  });
});
