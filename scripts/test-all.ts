/**
 * The one test command (`pnpm test`): the release check, type checking, lint, and every
 * vitest project (unit + integration against real Postgres, or PGlite when none answers).
 * Ends with one line `N passed, N failed` totalling every runner.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSubgraphManifest } from '@medikamente/supergraph/manifest';

const PACKAGES = [
  '.',
  'schema',
  'packages/runtime',
  'packages/notifications',
  // Every subgraph of supergraph/subgraphs.yaml.
  ...loadSubgraphManifest({ checkFiles: false }).map((s) => s.dir),
  'supergraph',
  'apps/web-kit',
  'apps/portal',
  'apps/reception',
  'e2e',
];

type Step = {
  name: string;
  cmd: string[];
  counts?: () => { passed: number; failed: number };
  /** Independent commands run concurrently (one result each); their output is printed per command. */
  parallel?: Array<{ name: string; cmd: string[] }>;
};

/** Runs commands `limit` at a time, buffering each one's output; resolves to their exit codes. */
async function runParallel(
  cmds: Array<{ name: string; cmd: string[] }>,
  env: NodeJS.ProcessEnv,
  limit: number,
) {
  const codes: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cmds.length) {
      const i = next++;
      const c = cmds[i]!;
      codes[i] = await new Promise<number>((resolve) => {
        const child = spawn(c.cmd[0]!, c.cmd.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
        });
        child.stderr.on('data', (d) => {
          out += d;
        });
        child.on('close', (code) => {
          process.stdout.write(`${out}=== ${c.name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`}\n`);
          resolve(code ?? 1);
        });
      });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
  return codes;
}

const reportFile = join(mkdtempSync(join(tmpdir(), 'mk-vitest-')), 'report.json');
const steps: Step[] = [
  {
    name: 'release check (classification, policy, generated files)',
    cmd: ['tsx', 'supergraph/src/generate.ts', '--check'],
  },
  {
    // Also fails when an app's operation no longer validates against schema/supergraph.graphql
    // (codegen validates every document) or its persisted-documents manifest is stale; and when a
    // subgraph's resolver types (subgraphs/*/src/generated) no longer match its SDL.
    name: 'codegen is current (schema/generated, apps/*/src/gql, subgraphs/*/src/generated)',
    cmd: [
      'bash',
      '-c',
      'G="schema/generated apps/portal/src/gql apps/reception/src/gql subgraphs/*/src/generated"; graphql-codegen --config codegen.yml >/dev/null && tsx scripts/generate-resolver-types.ts >/dev/null && test -z "$(git status --porcelain -- $G)" || { git status --short -- $G; exit 1; }',
    ],
  },
  // tsc per package directly (no package manager needed on PATH), as many at once as cores.
  {
    name: 'typecheck',
    cmd: [],
    parallel: PACKAGES.map((dir) => ({ name: `typecheck ${dir}`, cmd: ['tsc', '-p', dir] })),
  },
  { name: 'lint', cmd: ['biome', 'check', '.'] },
  {
    name: 'vitest (unit + integration)',
    cmd: ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`],
    counts: () => {
      const r = JSON.parse(readFileSync(reportFile, 'utf8')) as {
        numPassedTests: number;
        numFailedTests: number;
        numTotalTestSuites: number;
        numFailedTestSuites: number;
      };
      // A suite that failed to load has no failed tests of its own: count it as a failure.
      const brokenSuites = r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0;
      return { passed: r.numPassedTests, failed: r.numFailedTests + brokenSuites };
    },
  },
];

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const step of steps) {
  if (only.length && !only.some((o) => step.name.startsWith(o))) continue;
  console.log(`\n=== ${step.name}`);
  const bin = join(process.cwd(), 'node_modules/.bin');
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, FORCE_COLOR: process.env.CI ? '0' : '1' };
  if (step.parallel) {
    for (const code of await runParallel(step.parallel, env, availableParallelism())) {
      if (code === 0) passed += 1;
      else failed += 1;
    }
    continue;
  }
  const res = spawnSync(step.cmd[0]!, step.cmd.slice(1), { stdio: 'inherit', env });
  if (step.counts) {
    try {
      const c = step.counts();
      passed += c.passed;
      failed += c.failed;
      if (res.status !== 0 && c.failed === 0) failed += 1;
    } catch {
      failed += 1;
    }
  } else if (res.status === 0) passed += 1;
  else failed += 1;
  console.log(`=== ${step.name}: ${res.status === 0 ? 'ok' : `FAILED (exit ${res.status})`}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
