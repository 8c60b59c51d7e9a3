import { createHash } from 'node:crypto';
import type { Policy } from '@medikamente/schema';
import { Gauge, type Registry } from 'prom-client';
import { classificationMatrix } from './classification-doc';
import { checkPolicy, supergraphFields, supergraphSchema } from './policy-model';

/** What the release check finds in the policy and the supergraph a gateway serves. */
export type ReleaseFacts = {
  /** Classified fields per category (every category of the policy, 0 when unused; `none`: unclassified). */
  fieldsByCategory: Record<string, number>;
  /** SHA-256 of the merged policy (canonical JSON: central file and every subgraph's fragment). */
  policyDigest: string;
  /** SHA-256 of the supergraph SDL as served (`sha256sum schema/supergraph.graphql`). */
  supergraphDigest: string;
  /** Cells of the generated matrix (classification doc): subject fields x roles with their conditions. */
  matrixCells: number;
  /** Policy findings of the release check (0 for a released supergraph). */
  findings: number;
};

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** JSON with object keys sorted, so the digest does not depend on the order files were merged in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** The release check's results for a policy and a supergraph SDL (the same code as `pnpm check:release`). */
export function releaseFacts(policy: Policy, supergraphSdl: string): ReleaseFacts {
  const schema = supergraphSchema(supergraphSdl);
  const fieldsByCategory: Record<string, number> = Object.fromEntries(
    Object.keys(policy.categories).map((c) => [c, 0]),
  );
  for (const f of supergraphFields(schema)) {
    const category = f.category || 'none';
    fieldsByCategory[category] = (fieldsByCategory[category] ?? 0) + 1;
  }
  return {
    fieldsByCategory,
    policyDigest: sha256(canonical(policy)),
    supergraphDigest: sha256(supergraphSdl),
    matrixCells: classificationMatrix(policy, schema).cells,
    findings: checkPolicy(policy, schema).length,
  };
}

/**
 * Publishes the release facts on a registry (the gateway's, at start): which policy and
 * supergraph a replica serves, so dashboards show a rollout and alerts catch replicas that differ.
 */
export function registerReleaseMetrics(registry: Registry, facts: ReleaseFacts): void {
  const fields = new Gauge({
    name: 'medikamente_release_fields',
    help: 'Classified fields of the served supergraph by category',
    labelNames: ['category'],
    registers: [registry],
  });
  for (const [category, n] of Object.entries(facts.fieldsByCategory)) fields.set({ category }, n);
  new Gauge({
    name: 'medikamente_release_info',
    help: 'The policy and supergraph this gateway serves (SHA-256 digests), always 1',
    labelNames: ['policy_digest', 'supergraph_digest'],
    registers: [registry],
  }).set({ policy_digest: facts.policyDigest, supergraph_digest: facts.supergraphDigest }, 1);
  new Gauge({
    name: 'medikamente_release_matrix_cells',
    help: 'Cells of the generated authorization matrix (subject fields x roles with conditions)',
    registers: [registry],
  }).set(facts.matrixCells);
  new Gauge({
    name: 'medikamente_release_findings',
    help: 'Policy findings of the release check on the served supergraph (0 when released)',
    registers: [registry],
  }).set(facts.findings);
}
