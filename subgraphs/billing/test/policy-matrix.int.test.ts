import { createMatrix, describeMatrix, issuerCallers } from '@medikamente/runtime/testing';
import { loadPolicy } from '@medikamente/schema';
import { afterAll, beforeAll } from 'vitest';
import { subjectFixtures } from '../src/testing';
import { type BillingHarness, startBillingSubgraph } from './harness';

// The generated authorization matrix of every subject type the billing subgraph owns.
let h: BillingHarness;
const matrix = createMatrix({
  policy: loadPolicy(),
  surface: {
    graph: 'billing',
    query: (q, variables, token) => h.query(q, variables, token),
    caller: issuerCallers((claims) => h.tokenFor(claims)),
    get services() {
      return { billing: h.service };
    },
    fixtures: subjectFixtures,
  },
});

beforeAll(async () => {
  h = await startBillingSubgraph();
});
afterAll(async () => h?.stop());

describeMatrix('generated policy matrix on the billing subgraph', matrix, {
  types: ['Invoice', 'Payment', 'Refund', 'Receipt', 'Contract', 'TaxCertificate', 'UnbilledLabOrder'],
});
