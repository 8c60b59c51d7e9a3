/**
 * `pnpm new:subgraph` in a temporary copy of the workspace: the new subgraph builds, composes into
 * the supergraph, passes the release check (its subject type has a fixture and a generated matrix
 * suite) and its own tests — the generated policy matrix among them — without any other edit.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/manifest';

const copy = mkdtempSync(join(tmpdir(), 'mk-scaffold-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const sh = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { cwd: copy, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { ok: r.status === 0, out: `${r.stdout}\n${r.stderr}` };
};

describe('pnpm new:subgraph', () => {
  it('creates a subgraph that builds, composes, passes the release check and its generated matrix', () => {
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
    expect(sh('pnpm', ['install', '--prefer-offline', '--frozen-lockfile']).ok).toBe(true);
    const created = sh('pnpm', ['new:subgraph', 'referrals']);
    expect(created.ok, created.out).toBe(true);

    const manifest = readFileSync(join(copy, 'supergraph/subgraphs.yaml'), 'utf8');
    expect(manifest).toMatch(/- name: referrals\n {4}dir: subgraphs\/referrals\n/);
    const supergraph = readFileSync(join(copy, 'schema/supergraph.graphql'), 'utf8');
    expect(supergraph).toMatch(/REFERRALS @join__graph\(name: "referrals"/);
    expect(supergraph).toContain('referralsEntries(patientId: ID!): [ReferralsEntry!]!');

    const release = sh('pnpm', ['check:release']);
    expect(release.ok, release.out).toBe(true);
    const types = sh('pnpm', ['--filter', '@medikamente/subgraph-referrals', 'typecheck']);
    expect(types.ok, types.out).toBe(true);
    const tests = sh('pnpm', ['vitest', 'run', '--project', 'referrals']);
    expect(tests.ok, tests.out).toBe(true);
    expect(tests.out).toMatch(/generated policy matrix on the referrals subgraph/);

    // A second run refuses to overwrite it.
    const again = sh('pnpm', ['new:subgraph', 'referrals', '--skip-install']);
    expect(again.ok).toBe(false);
    expect(again.out).toContain('already in supergraph/subgraphs.yaml');
  }, 600_000);
});
