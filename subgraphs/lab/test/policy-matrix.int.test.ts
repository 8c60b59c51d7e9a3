import { createMatrix, describeMatrix, issuerCallers } from '@medikamente/runtime/testing';
import { loadPolicy } from '@medikamente/schema';
import { afterAll, beforeAll } from 'vitest';
import { PARTNER_SCOPES, subjectFixtures } from '../src/testing';
import { type LabHarness, startLabSubgraph } from './harness';

// The generated authorization matrix of every subject type the lab subgraph owns.
let h: LabHarness;
const matrix = createMatrix({
  policy: loadPolicy(),
  surface: {
    graph: 'lab',
    query: (q, variables, token) => h.query(q, variables, token),
    caller: issuerCallers((claims) => h.tokenFor(claims), { lab_partner: PARTNER_SCOPES }),
    get services() {
      return { lab: h.service };
    },
    fixtures: subjectFixtures,
  },
});

beforeAll(async () => {
  h = await startLabSubgraph();
});
afterAll(async () => h?.stop());

describeMatrix('generated policy matrix on the lab subgraph', matrix, {
  types: ['LabOrder', 'LabResult', 'LabAlert', 'PartnerLabOrder'],
});
