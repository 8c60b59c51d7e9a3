/**
 * `pnpm new:subgraph` in a temporary copy of the workspace: the new subgraph builds, composes into
 * the supergraph, passes the release check (its subject type has a fixture and a generated matrix
 * suite) and its own tests — the generated policy matrix among them — without any other edit.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/manifest';

const copy = mkdtempSync(join(tmpdir(), 'mk-scaffold-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/**
 * Runs a command in the copy without blocking this worker: a synchronous child of a minute or more
 * (install, generate, the copy's own tests) starves vitest's worker RPC ("Timeout calling onTaskUpdate").
 */
const sh = (cmd: string, args: string[]) =>
  new Promise<{ ok: boolean; out: string }>((resolve) => {
    const child = spawn(cmd, args, {
      cwd: copy,
      env: { ...process.env, CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.once('error', (e) => resolve({ ok: false, out: `${out}\n${e.message}` }));
    child.once('close', (code) => resolve({ ok: code === 0, out }));
  });

/** Runs `src/main.ts` of a subgraph on a free port and a fresh data dir; true once /readyz answers 200. */
async function startsAndIsReady(dir: string): Promise<boolean> {
  const data = mkdtempSync(join(tmpdir(), 'mk-scaffold-data-'));
  const child = spawn('node', ['--import', 'tsx', 'src/main.ts'], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'development', PORT: '0', DATA_DIR: data, LOG_LEVEL: 'info' },
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /"url":"(http:[^"]+)\/graphql"/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
    });
    const r = await fetch(`${url}/readyz`);
    return r.status === 200;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(data, { recursive: true, force: true });
  }
}

describe('pnpm new:subgraph', () => {
  it('creates a subgraph that builds, composes, starts, passes the release check and its generated matrix', async () => {
    // The workspace as committed (tracked and new files, no build output or dependencies).
    const files = spawnSync('git', ['ls-files', '-co', '--exclude-standard'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    })
      .stdout.split('\n')
      .filter(Boolean);
    for (const f of files) {
      mkdirSync(dirname(join(copy, f)), { recursive: true });
      try {
        cpSync(join(REPO_ROOT, f), join(copy, f));
      } catch {
        // a file deleted in the working tree but still tracked
      }
    }
    // The copy's dependencies (from the local store), as after a clone.
    expect((await sh('pnpm', ['install', '--prefer-offline', '--frozen-lockfile'])).ok).toBe(true);
    const created = await sh('pnpm', ['new:subgraph', 'referrals']);
    expect(created.ok, created.out).toBe(true);

    const manifest = readFileSync(join(copy, 'supergraph/subgraphs.yaml'), 'utf8');
    expect(manifest).toMatch(/- name: referrals\n {4}dir: subgraphs\/referrals\n/);
    // Its scrape job, on the metrics port `npm start` gives it (the manifest's eighth subgraph).
    expect(readFileSync(join(copy, 'deploy/monitoring/prometheus.yml'), 'utf8')).toMatch(
      /\n {2}- job_name: referrals\n {4}static_configs:\n {6}- targets: \['127\.0\.0\.1:9408'\]\n$/,
    );
    const supergraph = readFileSync(join(copy, 'schema/supergraph.graphql'), 'utf8');
    expect(supergraph).toMatch(/REFERRALS @join__graph\(name: "referrals"/);
    expect(supergraph).toContain('referralsEntries(patientId: ID!): [ReferralsEntry!]!');

    const release = await sh('pnpm', ['check:release']);
    expect(release.ok, release.out).toBe(true);
    const types = await sh('pnpm', ['--filter', '@medikamente/subgraph-referrals', 'typecheck']);
    expect(types.ok, types.out).toBe(true);
    const tests = await sh('pnpm', ['vitest', 'run', '--project', 'referrals']);
    expect(tests.ok, tests.out).toBe(true);
    expect(tests.out).toMatch(/policy-matrix\.int\.test\.ts \(\d+ tests\)/);

    // The deployable starts on the embedded database (as `pnpm start` runs it) and is ready.
    expect(await startsAndIsReady(join(copy, 'subgraphs/referrals'))).toBe(true);

    // A second run refuses to overwrite it.
    const again = await sh('pnpm', ['new:subgraph', 'referrals', '--skip-install']);
    expect(again.ok).toBe(false);
    expect(again.out).toContain('already in supergraph/subgraphs.yaml');
  }, 600_000);
});
