/**
 * `pnpm new:subgraph <name> [--port N] [--skip-install]` — a new bounded context as a plug-in:
 * writes `subgraphs/<name>/` (a working example module, its policy fragment, migrations, fixtures
 * and generated-matrix tests), appends one line to `supergraph/subgraphs.yaml`, links the package
 * (`pnpm install`) and regenerates everything (`pnpm generate`: its SDL, the supergraph, error
 * codes, resolver types, the classification doc), and appends its scrape job to
 * `deploy/monitoring/prometheus.yml`. Nothing else in the workspace is edited.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSubgraphManifest, MANIFEST_PATH, REPO_ROOT } from '@medikamente/supergraph/manifest';
import { namesFor } from './names';
import { subgraphFiles } from './templates';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { port: { type: 'string' }, 'skip-install': { type: 'boolean', default: false } },
});
const [name] = positionals;
if (!name || positionals.length > 1) {
  console.error('usage: pnpm new:subgraph <name> [--port N] [--skip-install]');
  process.exit(2);
}

function fail(message: string): never {
  console.error(`new:subgraph: ${message}`);
  process.exit(1);
}

const existing = loadSubgraphManifest();
const port = values.port ? Number(values.port) : Math.max(...existing.map((s) => s.devPort)) + 1;
let names: ReturnType<typeof namesFor>;
try {
  names = namesFor(name, port);
} catch (e) {
  fail((e as Error).message);
}
if (!Number.isInteger(port) || port < 1024 || port > 65535) fail(`port ${values.port} is not a usable port`);
if (existing.some((s) => s.name === name))
  fail(`a subgraph "${name}" is already in supergraph/subgraphs.yaml`);
if (existing.some((s) => s.devPort === port)) fail(`port ${port} is taken by another subgraph`);
if (existing.some((s) => s.urlEnv === `${names.NAME}_URL`)) fail(`${names.NAME}_URL is taken`);
const dir = `subgraphs/${name}`;
if (existsSync(join(REPO_ROOT, dir))) fail(`${dir} already exists`);

const files = subgraphFiles(names);
for (const [path, content] of Object.entries(files)) {
  const target = join(REPO_ROOT, dir, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}
const manifest = readFileSync(MANIFEST_PATH, 'utf8');
appendFileSync(
  MANIFEST_PATH,
  `${manifest.endsWith('\n') ? '' : '\n'}  - name: ${name}
    dir: ${dir}
    package: "@medikamente/subgraph-${name}"
    urlEnv: ${names.NAME}_URL
    devPort: ${port}
`,
);
// Its scrape job for the monitoring stack, on the metrics port `npm start` gives the manifest's
// next subgraph (METRICS_BASE_PORT + n); scrape_configs is the last section of the file.
const PROMETHEUS = join(REPO_ROOT, 'deploy/monitoring/prometheus.yml');
if (existsSync(PROMETHEUS)) {
  const config = readFileSync(PROMETHEUS, 'utf8');
  appendFileSync(
    PROMETHEUS,
    `${config.endsWith('\n') ? '' : '\n'}  - job_name: ${name}
    static_configs:
      - targets: ['127.0.0.1:${9401 + existing.length}']
`,
  );
}
console.info(
  `new:subgraph: wrote ${Object.keys(files).length} files under ${dir}, its manifest entry and its scrape job`,
);

const run = (args: string[]) => {
  console.info(`new:subgraph: pnpm ${args.join(' ')}`);
  const r = spawnSync('pnpm', args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) fail(`pnpm ${args.join(' ')} failed (exit ${r.status}); fix and re-run it`);
};
if (!values['skip-install']) {
  run(['install', '--prefer-offline', '--no-frozen-lockfile']);
  run(['generate']);
  run(['biome', 'format', '--write', dir]);
}
console.info(`
new:subgraph: ${name} is ready.
  pnpm vitest run --project ${name}      its tests (entries, the generated policy matrix)
  pnpm start                             starts it with the platform (port ${port})
Next: rename the example module (src/modules/entry), declare your operations and subject types in
${dir}/policy.yaml, run \`pnpm generate\`, and read docs/architecture.md "Adding a subgraph".`);
