import { describe, expect, it } from 'vitest';
import type { createMatrix, RouteOutcome } from './run';

/** What a suite states about its matrix: the subject types it covers and, optionally, their routes. */
export type MatrixExpectations = {
  types: string[];
  /** Route labels per type (`_entities(T)`, `Query.x`, `… › nested`); matchers allowed. */
  routes?: Record<string, unknown>;
};

/**
 * The body every generated-matrix suite shares: the matrix covers every role and the expected
 * types (and routes), every case shows no mismatch, and every type was compared field by field in
 * some case (a matrix that only ever saw refusals would prove nothing).
 */
export function describeMatrix(
  title: string,
  matrix: ReturnType<typeof createMatrix>,
  expected: MatrixExpectations,
): void {
  describe(title, () => {
    it('covers every role and every subject type the surface owns', () => {
      expect(new Set(matrix.cases.map((c) => c.role))).toEqual(
        new Set(Object.keys(matrix.model.policy.roles)),
      );
      expect([...matrix.types].sort()).toEqual([...expected.types].sort());
      if (expected.routes)
        expect(Object.fromEntries([...matrix.routes].map(([t, r]) => [t, r.map((x) => x.label)]))).toEqual(
          expected.routes,
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
}
