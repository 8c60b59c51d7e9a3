import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadPolicy } from '@medikamente/schema';
import { renderClassificationDoc } from './classification-doc';
import { composeSupergraph, SUPERGRAPH_PATH } from './compose';
import { checkPolicy, supergraphSchema } from './policy-model';

export const CLASSIFICATION_DOC_PATH = fileURLToPath(
  new URL('../../docs/data-classification.md', import.meta.url),
);

/** Everything generated from the subgraphs and the policy, in memory. */
export function generateArtifacts() {
  const policy = loadPolicy();
  const sdl = composeSupergraph();
  const schema = supergraphSchema(sdl);
  return {
    policy,
    sdl,
    schema,
    doc: renderClassificationDoc(policy, schema),
    findings: checkPolicy(policy, schema),
  };
}

const read = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : '');

/**
 * `tsx src/generate.ts` writes the supergraph and the classification doc;
 * `--check` (the release check) fails on any policy finding or a stale generated file.
 */
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { sdl, doc, findings } = generateArtifacts();
  if (process.argv.includes('--check')) {
    const problems = findings.map((f) => `${f.rule}: ${f.where}: ${f.message}`);
    if (read(SUPERGRAPH_PATH) !== sdl)
      problems.push('stale: schema/supergraph.graphql (run `pnpm generate`)');
    if (read(CLASSIFICATION_DOC_PATH) !== doc)
      problems.push('stale: docs/data-classification.md (run `pnpm generate`)');
    if (problems.length) {
      console.error(
        `Release check failed (${problems.length}):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      );
      process.exit(1);
    }
    console.log(
      'release check: every field classified, every category ruled for every role, generated files current',
    );
  } else {
    writeFileSync(SUPERGRAPH_PATH, sdl);
    writeFileSync(CLASSIFICATION_DOC_PATH, doc);
    if (findings.length)
      console.warn(
        `policy findings:\n${findings.map((f) => `  - ${f.rule}: ${f.where}: ${f.message}`).join('\n')}`,
      );
    console.log('wrote schema/supergraph.graphql and docs/data-classification.md');
  }
}
