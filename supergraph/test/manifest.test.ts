import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGatewayEnv } from '../src/env';
import { loadSubgraphManifest, parseSubgraphManifest } from '../src/manifest';

/** A repository root with one folder per name, each with its package.json (and SDL unless `noSdl`). */
function repo(names: string[], noSdl: string[] = []): string {
  const root = mkdtempSync(join(tmpdir(), 'mk-manifest-'));
  for (const name of names) {
    mkdirSync(join(root, 'subgraphs', name), { recursive: true });
    writeFileSync(
      join(root, 'subgraphs', name, 'package.json'),
      JSON.stringify({ name: `@medikamente/subgraph-${name}` }),
    );
    if (!noSdl.includes(name))
      writeFileSync(join(root, 'subgraphs', name, 'schema.graphql'), 'type Query { a: Int }\n');
  }
  return root;
}

const entry = (name: string, port: number, over: Record<string, string | number> = {}) =>
  Object.entries({
    name,
    dir: `subgraphs/${name}`,
    package: `"@medikamente/subgraph-${name}"`,
    urlEnv: `${name.toUpperCase()}_URL`,
    devPort: port,
    ...over,
  })
    .map(([k, v], i) => `${i ? '    ' : '  - '}${k}: ${v}`)
    .join('\n');
const manifest = (...entries: string[]) => `subgraphs:\n${entries.join('\n')}\n`;

describe('subgraph manifest', () => {
  it('lists identity, patient, schedule, record, lab, billing and security with their folders, SDL files and development URLs', () => {
    const subgraphs = loadSubgraphManifest();
    expect(subgraphs.map((s) => [s.name, s.dir, s.package, s.urlEnv, s.defaultUrl])).toEqual([
      [
        'identity',
        'subgraphs/identity',
        '@medikamente/subgraph-identity',
        'IDENTITY_URL',
        'http://127.0.0.1:4001/graphql',
      ],
      [
        'patient',
        'subgraphs/patient',
        '@medikamente/subgraph-patient',
        'PATIENT_URL',
        'http://127.0.0.1:4002/graphql',
      ],
      [
        'schedule',
        'subgraphs/schedule',
        '@medikamente/subgraph-schedule',
        'SCHEDULE_URL',
        'http://127.0.0.1:4003/graphql',
      ],
      [
        'record',
        'subgraphs/record',
        '@medikamente/subgraph-record',
        'RECORD_URL',
        'http://127.0.0.1:4004/graphql',
      ],
      ['lab', 'subgraphs/lab', '@medikamente/subgraph-lab', 'LAB_URL', 'http://127.0.0.1:4005/graphql'],
      [
        'billing',
        'subgraphs/billing',
        '@medikamente/subgraph-billing',
        'BILLING_URL',
        'http://127.0.0.1:4006/graphql',
      ],
      [
        'security',
        'subgraphs/security',
        '@medikamente/subgraph-security',
        'SECURITY_URL',
        'http://127.0.0.1:4007/graphql',
      ],
    ]);
    expect(subgraphs.every((s) => s.sdlFile.endsWith(`${s.dir}/schema.graphql`))).toBe(true);
  });

  it('accepts a valid manifest', () => {
    const root = repo(['lab', 'record']);
    const subgraphs = parseSubgraphManifest(manifest(entry('lab', 4005), entry('record', 4004)), 'm', {
      root,
    });
    expect(subgraphs.map((s) => [s.name, s.devPort, s.envPrefix])).toEqual([
      ['lab', 4005, 'LAB'],
      ['record', 4004, 'RECORD'],
    ]);
  });

  it('refuses a name, folder, package, URL setting or port declared twice', () => {
    const root = repo(['lab', 'record']);
    const twice = (over: Record<string, string | number>) => () =>
      parseSubgraphManifest(manifest(entry('lab', 4005), entry('record', 4004, over)), 'm', { root });
    expect(twice({ name: 'lab', urlEnv: 'X_URL' })).toThrow('name lab is declared more than once');
    expect(twice({ dir: 'subgraphs/lab' })).toThrow('dir subgraphs/lab is declared more than once');
    expect(twice({ devPort: 4005 })).toThrow('devPort 4005 is declared more than once');
    expect(twice({ urlEnv: 'LAB_URL' })).toThrow('urlEnv LAB_URL is declared more than once');
    expect(twice({ package: '"@medikamente/subgraph-lab"' })).toThrow(
      'package @medikamente/subgraph-lab is declared more than once',
    );
  });

  it('refuses a missing folder, a folder holding another package, and a missing SDL file', () => {
    const root = repo(['lab', 'record'], ['record']);
    const parse =
      (text: string, requireSdl = true) =>
      () =>
        parseSubgraphManifest(text, 'm', { root, requireSdl });
    expect(parse(manifest(entry('billing', 4006)))).toThrow(
      'billing: subgraphs/billing/package.json is missing',
    );
    expect(parse(manifest(entry('lab', 4005, { package: '"@medikamente/subgraph-labs"' })))).toThrow(
      'lab: subgraphs/lab holds package @medikamente/subgraph-lab, not @medikamente/subgraph-labs',
    );
    expect(parse(manifest(entry('record', 4004)))).toThrow(
      'record: subgraphs/record/schema.graphql is missing (run `pnpm generate`)',
    );
    // `pnpm generate` writes a new subgraph's first SDL file.
    expect(parse(manifest(entry('record', 4004)), false)()).toHaveLength(1);
  });

  it('refuses malformed entries with the field at fault', () => {
    const root = repo(['lab']);
    const parse = (text: string) => () => parseSubgraphManifest(text, 'm', { root });
    expect(parse(manifest(entry('lab', 70000)))).toThrow('subgraphs.0.devPort');
    expect(parse(manifest(entry('lab', 4005, { urlEnv: 'lab-url' })))).toThrow('subgraphs.0.urlEnv');
    expect(parse(manifest(entry('lab', 4005, { dir: '../elsewhere' })))).toThrow('subgraphs.0.dir');
    expect(parse(manifest(entry('Lab', 4005)))).toThrow('subgraphs.0.name');
    expect(parse(manifest(entry('lab', 4005, { port: 1 })))).toThrow('subgraphs.0');
    expect(parse('subgraphs: []\n')).toThrow('subgraphs');
  });

  it("gives the gateway each subgraph's URL setting, by default its development port", () => {
    const env = loadGatewayEnv({ PATIENT_URL: 'http://patient.internal:8080/graphql' });
    expect(env.subgraphUrls).toEqual({
      identity: 'http://127.0.0.1:4001/graphql',
      patient: 'http://patient.internal:8080/graphql',
      schedule: 'http://127.0.0.1:4003/graphql',
      record: 'http://127.0.0.1:4004/graphql',
      lab: 'http://127.0.0.1:4005/graphql',
      billing: 'http://127.0.0.1:4006/graphql',
      security: 'http://127.0.0.1:4007/graphql',
    });
    expect(() => loadGatewayEnv({ SCHEDULE_URL: 'not a url' })).toThrow('SCHEDULE_URL');
  });
});
