import { createMatrix, describeMatrix, issuerCallers } from '@medikamente/runtime/testing';
import { loadPolicy } from '@medikamente/schema';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { subjectFixtures } from '../src/testing';
import { type SecurityHarness, startSecuritySubgraph } from './harness';

// The generated authorization matrix of every subject type the security subgraph owns.
let h: SecurityHarness;
const policy = loadPolicy();
const matrix = createMatrix({
  policy,
  surface: {
    graph: 'security',
    query: (q, variables, token) => h.query(q, variables, token),
    caller: issuerCallers((claims) => h.tokenFor(claims)),
    get services() {
      return { security: h.service };
    },
    fixtures: subjectFixtures,
  },
});
/** The subject types of subgraphs/security/policy.yaml (each needs a fixture in src/testing.ts). */
const owned = Object.entries(policy.owners.subjects)
  .filter(([, owner]) => owner === 'security')
  .map(([type]) => type);

beforeAll(async () => {
  h = await startSecuritySubgraph();
});
afterAll(async () => h?.stop());

describeMatrix('generated policy matrix on the security subgraph', matrix, { types: owned });
it('owns the subject types of its policy fragment', () =>
  expect(owned.sort()).toEqual(['AccessTrailEntry', 'AuditRecord', 'DataRequest', 'SecurityAlert']));
