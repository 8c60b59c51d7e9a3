import { createMatrix, describeMatrix, issuerCallers } from '@medikamente/runtime/testing';
import { loadPolicy } from '@medikamente/schema';
import { afterAll, beforeAll } from 'vitest';
import { subjectFixtures } from '../src/testing';
import { type SecurityHarness, startSecuritySubgraph } from './harness';

// The generated authorization matrix of every subject type the security subgraph owns.
let h: SecurityHarness;
const matrix = createMatrix({
  policy: loadPolicy(),
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

beforeAll(async () => {
  h = await startSecuritySubgraph();
});
afterAll(async () => h?.stop());

describeMatrix('generated policy matrix on the security subgraph', matrix, {
  types: ['SecurityEntry', 'DataRequest'],
});
