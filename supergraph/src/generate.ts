import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadPolicy } from '@medikamente/schema';
import { renderClassificationDoc, renderSubgraphsSection } from './classification-doc';
import { composeSupergraph, SUPERGRAPH_PATH } from './compose';
import { loadSubgraphManifest, REPO_ROOT, type Subgraph } from './manifest';
import { checkMatrixCoverage } from './matrix-coverage';
import { checkPolicy, supergraphSchema } from './policy-model';
import {
  checkTrustedDocuments,
  DOCUMENTS_FILE,
  loadTrustedDocuments,
  renderDocumentsJson,
  TRUSTED_DOCUMENTS_DIR,
} from './trusted-documents';

export const CLASSIFICATION_DOC_PATH = fileURLToPath(
  new URL('../../docs/data-classification.md', import.meta.url),
);

/**
 * Everything generated from the subgraphs' SDL files and the policy, in memory, with the findings
 * of the policy, the matrix coverage and the partners' trusted documents (`trustedDocumentsDir`).
 */
export function generateArtifacts(
  subgraphs: Subgraph[] = loadSubgraphManifest(),
  trustedDocumentsDir: string = TRUSTED_DOCUMENTS_DIR,
) {
  const policy = loadPolicy();
  const sdl = composeSupergraph(subgraphs);
  const schema = supergraphSchema(sdl);
  return {
    policy,
    sdl,
    schema,
    doc: renderClassificationDoc(policy, schema) + renderSubgraphsSection(policy, subgraphs),
    findings: [
      ...checkPolicy(policy, schema),
      ...checkMatrixCoverage(policy, sdl, subgraphs),
      ...checkTrustedDocuments(policy, schema, trustedDocumentsDir),
    ],
  };
}

const read = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : '');
const run = promisify(execFile);

/**
 * Runs a subgraph's SDL script in its own folder (its typeDefs are its code: the supergraph
 * never imports a subgraph package). No package manager is needed on PATH.
 */
async function sdlScript(s: Subgraph, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', s.sdlScript, ...args], {
      cwd: s.path,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
    });
    return stdout;
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr?.trim();
    throw new Error(`${relative(REPO_ROOT, s.sdlScript)} failed${stderr ? `:\n${stderr}` : ''}`);
  }
}

/** Writes every subgraph's `schema.graphql` from its typeDefs. */
export async function writeSubgraphSdl(subgraphs: Subgraph[]): Promise<void> {
  await Promise.all(subgraphs.map((s) => sdlScript(s, [])));
}

/** One `stale: …` problem per subgraph whose `schema.graphql` differs from what its typeDefs print. */
export async function staleSubgraphSdl(subgraphs: Subgraph[]): Promise<string[]> {
  const printed = await Promise.all(subgraphs.map((s) => sdlScript(s, ['--print'])));
  return subgraphs
    .filter((s, i) => read(s.sdlFile) !== printed[i])
    .map((s) => `stale: ${relative(REPO_ROOT, s.sdlFile)} (run \`pnpm generate\`)`);
}

/** Writes each trusted-document manifest's `documents.json` (id → name, body, scope). */
export function writeDocumentsJson(dir: string = TRUSTED_DOCUMENTS_DIR): string[] {
  const registry = loadTrustedDocuments(dir);
  return [...registry.manifests.values()].map((m) => {
    const path = join(m.dir, DOCUMENTS_FILE);
    writeFileSync(path, renderDocumentsJson(m));
    return relative(REPO_ROOT, path);
  });
}

/**
 * `tsx src/generate.ts` writes each subgraph's SDL (the subgraphs of supergraph/subgraphs.yaml),
 * the supergraph composed from them and the classification doc; `--check` (the release check)
 * fails on any policy finding or a stale generated file.
 */
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  // Generating may create a new subgraph's first SDL file; the check needs every one.
  const subgraphs = loadSubgraphManifest({ requireSdl: check });
  if (check) {
    const stale = await staleSubgraphSdl(subgraphs);
    const { sdl, doc, findings } = generateArtifacts(subgraphs);
    const problems = [...findings.map((f) => `${f.rule}: ${f.where}: ${f.message}`), ...stale];
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
      'release check: every field classified, every category ruled for every role, every subject in the generated matrix, every partner document allowed, generated files current',
    );
  } else {
    await writeSubgraphSdl(subgraphs);
    const documents = writeDocumentsJson();
    const { sdl, doc, findings } = generateArtifacts(subgraphs);
    writeFileSync(SUPERGRAPH_PATH, sdl);
    writeFileSync(CLASSIFICATION_DOC_PATH, doc);
    if (findings.length)
      console.warn(
        `policy findings:\n${findings.map((f) => `  - ${f.rule}: ${f.where}: ${f.message}`).join('\n')}`,
      );
    console.log(
      `wrote ${[...subgraphs.map((s) => `${s.dir}/schema.graphql`), ...documents].join(', ')}, schema/supergraph.graphql and docs/data-classification.md`,
    );
  }
}
