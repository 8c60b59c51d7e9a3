import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createTestIssuer, type TestIssuer } from '@medikamente/runtime/testing';
import { loadPolicy } from '@medikamente/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSupergraph, SUPERGRAPH_PATH } from '../src/compose';
import { createGateway } from '../src/gateway';
import { CLASSIFICATION_DOC_PATH } from '../src/generate';
import { releaseFacts } from '../src/release-metrics';

/**
 * The expected values read from the committed classification doc (the release check keeps it
 * current): fields per category, and the cells of its per-scenario field tables.
 */
function fromDoc() {
  const doc = readFileSync(CLASSIFICATION_DOC_PATH, 'utf8');
  const fields = doc.split('\n## Fields\n')[1]!.split('\n## ')[0]!;
  const byCategory: Record<string, number> = {};
  let cells = 0;
  for (const line of fields.split('\n')) {
    if (!line.startsWith('| ') || line.startsWith('| field | category |')) continue;
    const columns = line.split(' | ');
    const category = columns[1]!.trim();
    byCategory[category] = (byCategory[category] ?? 0) + 1;
    cells += columns.filter((c) => /^(✔ full|◐ masked|✖)( \|)?$/.test(c.trim())).length;
  }
  return { byCategory, cells };
}

let issuer: TestIssuer;
let metrics: string;
beforeAll(async () => {
  issuer = await createTestIssuer();
  const gateway = await createGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: {},
    verifier: issuer.verifier,
    limits: { maxDepth: 10, maxAliases: 15, maxCost: 20000 },
    production: false,
    logLevel: 'silent',
  });
  const served = await gateway.listenMetrics(0);
  try {
    metrics = await (await fetch(`${served.url}/metrics`)).text();
  } finally {
    await served.close();
    await gateway.apollo.stop();
  }
});
afterAll(() => issuer?.verifier.stop());

const sample = (name: string, labels = '') => {
  const line = metrics.split('\n').find((l) => l.startsWith(`${name}{${labels}`) || l === name);
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
};

describe('release metrics of the gateway', () => {
  it('publishes the fields per category of the served supergraph', () => {
    const { byCategory } = fromDoc();
    expect(Object.keys(byCategory).length).toBeGreaterThan(5);
    for (const [category, n] of Object.entries(byCategory))
      expect(metrics).toContain(
        `medikamente_release_fields{category="${category}",service="gateway"} ${n}\n`,
      );
    // Categories the policy knows and no field uses are published as 0, none unclassified.
    for (const category of Object.keys(loadPolicy().categories).filter((c) => !byCategory[c]))
      expect(metrics).toContain(`medikamente_release_fields{category="${category}",service="gateway"} 0\n`);
    expect(metrics).not.toContain('category="none"');
  });

  it('publishes the policy and supergraph digests, the matrix size and no findings', () => {
    const supergraph = createHash('sha256').update(readFileSync(SUPERGRAPH_PATH)).digest('hex');
    const info =
      /^medikamente_release_info\{policy_digest="([0-9a-f]{64})",supergraph_digest="([0-9a-f]{64})",service="gateway"\} 1$/m.exec(
        metrics,
      );
    expect(info?.[2]).toBe(supergraph);
    expect(info?.[1]).toBe(releaseFacts(loadPolicy(), readSupergraph()).policyDigest);
    const { cells } = fromDoc();
    expect(cells).toBeGreaterThan(1000);
    expect(sample('medikamente_release_matrix_cells')).toBe(cells);
    expect(sample('medikamente_release_findings')).toBe(0);
  });

  it('a changed policy has another digest; the order its entries were merged in does not matter', () => {
    const policy = loadPolicy();
    const sdl = readSupergraph();
    const digest = releaseFacts(policy, sdl).policyDigest;
    const reordered = { ...policy, roles: Object.fromEntries(Object.entries(policy.roles).reverse()) };
    expect(releaseFacts(reordered, sdl).policyDigest).toBe(digest);
    const changed = structuredClone(policy);
    delete changed.rules.HEALTH!.cashier;
    const facts = releaseFacts(changed, sdl);
    expect(facts.policyDigest).not.toBe(digest);
    expect(facts.findings).toBe(1);
  });
});
