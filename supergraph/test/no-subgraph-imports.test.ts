import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadSubgraphManifest, type Subgraph } from '../src/manifest';

/**
 * The gateway knows subgraphs by the manifest only (ADR 0010): no file of supergraph/src may
 * import a subgraph package (nor reach into a subgraph's folder by a relative path), and the
 * supergraph package may depend on subgraph packages only for its tests.
 */
const SRC = fileURLToPath(new URL('../src', import.meta.url));
const PACKAGE_JSON = fileURLToPath(new URL('../package.json', import.meta.url));
const subgraphs = loadSubgraphManifest();

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.(c|m)?(t|j)sx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );

/** Every import of a subgraph in `dir`: static, `export … from`, dynamic `import()` and `require()`. */
function subgraphImports(dir: string, list: Subgraph[]): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(dir)) {
    // preProcessFile reads the module specifiers the way the compiler does (strings in comments do not count).
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: spec } of importedFiles) {
      const target = spec.startsWith('.') ? resolve(dirname(file), spec) : undefined;
      const hit = list.find((s) =>
        target
          ? target === s.path || target.startsWith(`${s.path}/`)
          : spec === s.package || spec.startsWith(`${s.package}/`),
      );
      if (hit) found.push(`${relative(dir, file)} imports ${spec} (subgraph ${hit.name})`);
    }
  }
  return found;
}

describe('supergraph/src knows subgraphs by the manifest only', () => {
  it('reads the subgraphs of supergraph/subgraphs.yaml', () => {
    expect(subgraphs.map((s) => s.name)).toEqual(expect.arrayContaining(['identity', 'patient', 'schedule']));
  });

  it('imports no subgraph package and no file of a subgraph folder', () => {
    expect(sourceFiles(SRC).length).toBeGreaterThan(5);
    expect(subgraphImports(SRC, subgraphs)).toEqual([]);
  });

  it('depends on subgraph packages at most as devDependencies (for its tests)', () => {
    const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as Record<string, Record<string, string>>;
    const runtime = ['dependencies', 'peerDependencies', 'optionalDependencies'].flatMap((k) =>
      Object.keys(pkg[k] ?? {}).map((name) => `${k}: ${name}`),
    );
    expect(runtime.filter((d) => subgraphs.some((s) => d.endsWith(`: ${s.package}`)))).toEqual([]);
  });

  it('would catch an import that came back, in any of its forms', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mk-no-subgraph-imports-'));
    const patient = subgraphs.find((s) => s.name === 'patient')!;
    const schedule = subgraphs.find((s) => s.name === 'schedule')!;
    mkdirSync(join(dir, 'nested'));
    writeFileSync(join(dir, 'a.ts'), `import { patientTypeDefs } from '${patient.package}';\n`);
    writeFileSync(join(dir, 'nested', 'b.ts'), `export * from '${schedule.package}/testing';\n`);
    writeFileSync(join(dir, 'c.ts'), `const m = await import('${patient.package}');\n`);
    writeFileSync(join(dir, 'd.ts'), `import '${relative(dir, join(schedule.path, 'src/schema'))}';\n`);
    // Mentions that are not imports do not count.
    writeFileSync(join(dir, 'e.ts'), `// '${patient.package}'\nconst name = '${patient.package}';\n`);
    expect(subgraphImports(dir, subgraphs).sort()).toEqual([
      `a.ts imports ${patient.package} (subgraph patient)`,
      `c.ts imports ${patient.package} (subgraph patient)`,
      expect.stringMatching(/^d\.ts imports .*subgraphs\/schedule\/src\/schema \(subgraph schedule\)$/),
      `nested/b.ts imports ${schedule.package}/testing (subgraph schedule)`,
    ]);
  });
});
