import { createMatrix, issuerCallers, type RouteOutcome } from '@medikamente/runtime/testing';
import { loadPolicy } from '@medikamente/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjectFixtures } from '../src/testing';
import { type RecordHarness, startRecordSubgraph } from './harness';

// The generated authorization matrix of every subject type the record subgraph owns.
let h: RecordHarness;
const matrix = createMatrix({
  policy: loadPolicy(),
  surface: {
    graph: 'record',
    query: (q, variables, token) => h.query(q, variables, token),
    caller: issuerCallers((claims) => h.tokenFor(claims)),
    get services() {
      return { record: h.service };
    },
    fixtures: subjectFixtures,
  },
});

beforeAll(async () => {
  h = await startRecordSubgraph();
});
afterAll(async () => h?.stop());

describe('generated policy matrix on the record subgraph', () => {
  it('covers every role and every subject type the subgraph owns', () => {
    expect(new Set(matrix.cases.map((c) => c.role))).toEqual(new Set(Object.keys(matrix.model.policy.roles)));
    expect([...matrix.types].sort()).toEqual([
      'Attachment',
      'RecordExport',
      'Visit',
      'VisitAddendum',
      'VisitDraft',
      'VisitVersion',
    ]);
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
