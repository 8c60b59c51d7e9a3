import { createMatrix, describeMatrix } from '@medikamente/runtime/testing';
import { loadPolicy } from '@medikamente/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityCaller, subjectFixtures } from '../src/testing';
import { type IdentityHarness, startIdentity } from './harness';

// The generated authorization matrix of Account on the identity subgraph: every role x every
// realisable condition (an account's own, staff included; another's) x every classified field,
// with real tokens of the identity service.
let h: IdentityHarness;
const matrix = createMatrix({
  policy: loadPolicy(),
  surface: {
    graph: 'identity',
    query: (q, variables, token) => h.query(q, variables, token),
    caller: (role) => identityCaller(h.service, role),
    get services() {
      return { identity: h.service };
    },
    fixtures: subjectFixtures,
  },
});

beforeAll(async () => {
  h = await startIdentity();
});
afterAll(async () => h?.stop());

describeMatrix('generated policy matrix on the identity subgraph', matrix, {
  types: ['Account'],
  routes: { Account: ['_entities(Account)', 'Query.me', 'Query.staffAccounts'] },
});

describe('the identity matrix', () => {
  it('includes staff self cases', () => {
    expect(matrix.cases.map((c) => c.label)).toEqual(
      expect.arrayContaining(['it_admin+self', 'doctor+self']),
    );
  });
});
