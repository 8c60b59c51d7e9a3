import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matrixModel } from '@medikamente/runtime/matrix-model';
import type { Policy } from '@medikamente/schema';
import ts from 'typescript';
import { loadSubgraphManifest, REPO_ROOT, type Subgraph } from './manifest';
import type { Finding } from './policy-model';

/** Reads a file of the repository, or null when it does not exist. */
export type RepoReader = (path: string) => string | null;
const readRepoFile: RepoReader = (path) => {
  const full = join(REPO_ROOT, path);
  return existsSync(full) ? readFileSync(full, 'utf8') : null;
};

export const FIXTURES_FILE = 'src/testing.ts';
export const MATRIX_SUITE = 'test/policy-matrix.int.test.ts';
export const GATEWAY_MATRIX_SUITE = 'supergraph/test/gateway-matrix.int.test.ts';

/**
 * The subject types a subgraph's testing entry gives fixtures for: the property names of its
 * exported `subjectFixtures` object literal, read statically (the release check imports no
 * subgraph code).
 */
export function declaredFixtures(source: string): string[] {
  const file = ts.createSourceFile(FIXTURES_FILE, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  for (const stmt of file.statements) {
    if (!ts.isVariableStatement(stmt)) continue;
    if (!stmt.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const d of stmt.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || d.name.text !== 'subjectFixtures' || !d.initializer) continue;
      let init: ts.Expression = d.initializer;
      while (ts.isSatisfiesExpression(init) || ts.isAsExpression(init) || ts.isParenthesizedExpression(init))
        init = init.expression;
      if (!ts.isObjectLiteralExpression(init)) return [];
      return init.properties.flatMap((p) =>
        p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? [p.name.text] : [],
      );
    }
  }
  return [];
}

/**
 * The release check of the generated authorization matrix: every subject type of the policy has
 * a fixture in the testing entry of the subgraph that owns it (per the composed supergraph; its
 * folder from the manifest), that subgraph runs the generated matrix suite, and the gateway suite
 * runs it for all subjects.
 */
export function checkMatrixCoverage(
  policy: Policy,
  supergraphSdl: string,
  subgraphs: Pick<Subgraph, 'name' | 'dir'>[] = loadSubgraphManifest(),
  read = readRepoFile,
): Finding[] {
  const findings: Finding[] = [];
  const model = matrixModel(policy, supergraphSdl);
  const owners = new Map<string, string[]>();
  for (const s of model.subjects.values()) owners.set(s.owner, [...(owners.get(s.owner) ?? []), s.name]);
  const generated = (source: string | null) => source?.includes('createMatrix(') ?? false;
  for (const [graph, types] of owners) {
    const dir = subgraphs.find((s) => s.name === graph)?.dir ?? `subgraphs/${graph}`;
    const fixtures = new Set(declaredFixtures(read(`${dir}/${FIXTURES_FILE}`) ?? ''));
    for (const t of types)
      if (!fixtures.has(t))
        findings.push({
          rule: 'matrix-fixture-missing',
          where: t,
          message: `no fixture for this subject type in ${dir}/${FIXTURES_FILE} (export subjectFixtures.${t})`,
        });
    if (!generated(read(`${dir}/${MATRIX_SUITE}`)))
      findings.push({
        rule: 'matrix-suite-missing',
        where: graph,
        message: `${dir}/${MATRIX_SUITE} must run the generated matrix (createMatrix) for ${types.join(', ')}`,
      });
  }
  if (!generated(read(GATEWAY_MATRIX_SUITE)))
    findings.push({
      rule: 'matrix-suite-missing',
      where: 'gateway',
      message: `${GATEWAY_MATRIX_SUITE} must run the generated matrix (createMatrix) through the gateway`,
    });
  return findings;
}
