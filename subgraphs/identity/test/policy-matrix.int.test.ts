import { createMatrix, type RouteOutcome } from '@medikamente/runtime/testing';
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

describe('generated policy matrix on the identity subgraph', () => {
  it('covers every role, staff self included, on every route to Account', () => {
    expect(new Set(matrix.cases.map((c) => c.role))).toEqual(new Set(Object.keys(matrix.model.policy.roles)));
    expect(matrix.types).toEqual(['Account']);
    expect(matrix.routes.get('Account')!.map((r) => r.label)).toEqual([
      '_entities(Account)',
      'Query.me',
      'Query.staffAccounts',
    ]);
    expect(matrix.cases.map((c) => c.label)).toEqual(
      expect.arrayContaining(['it_admin+self', 'doctor+self']),
    );
  });

  const outcomes: RouteOutcome[] = [];
  it.each(matrix.cases.map((c) => [c.label, c] as const))('%s', async (_label, c) => {
    const report = await matrix.run(c);
    outcomes.push(...report.outcomes);
    expect(report.mismatches).toEqual([]);
  });

  it('compared every subject type field by field in some case', () => {
    const compared = new Set(outcomes.filter((o) => o.outcome === 'compared').map((o) => o.type));
    expect([...compared].sort()).toEqual([...matrix.types].sort());
  });
});
