import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FieldDefinitionNode, Kind, type ObjectTypeDefinitionNode, parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';

// docs/adr/0012-expected-failures.md: every mutation answers expected failures in its payload's
// `inputErrors`, and `InputError` has one definition (the runtime's `inputErrorSdl`).
const root = fileURLToPath(new URL('../..', import.meta.url));
const supergraph = parse(readFileSync(join(root, 'schema/supergraph.graphql'), 'utf8'));
const objects = new Map(
  supergraph.definitions
    .filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION)
    .map((d) => [d.name.value, d]),
);

/** Mutations that predate the convention; their wire shape (Boolean!) is used by clients and tests. */
const LEGACY_BOOLEAN = new Set(['grantSchedulePermission', 'setSpecialistNotifyEmail']);

/** Every source file under a folder (skipping dependencies and generated code). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name === 'generated') return [];
    const path = join(dir, e.name);
    return e.isDirectory() ? sources(path) : /\.(ts|graphql)$/.test(e.name) ? [path] : [];
  });
}

describe('expected failures (ADR 0012)', () => {
  const mutations = (objects.get('Mutation')?.fields ?? []) as FieldDefinitionNode[];

  it('every mutation returns a non-null payload with inputErrors: [InputError!]!', () => {
    expect(mutations.length).toBeGreaterThan(0);
    const off: string[] = [];
    for (const m of mutations) {
      if (LEGACY_BOOLEAN.has(m.name.value)) continue;
      const type = print(m.type);
      const payload = objects.get(type.replace(/!$/, ''));
      const errors = payload?.fields?.find((f) => f.name.value === 'inputErrors');
      if (!type.endsWith('!') || !payload || !errors || print(errors.type) !== '[InputError!]!')
        off.push(`${m.name.value}: ${type}`);
    }
    expect(off).toEqual([]);
  });

  it('the legacy Boolean mutations are still exactly the listed ones (remove them here when migrated)', () => {
    const booleans = mutations.filter((m) => print(m.type) === 'Boolean!').map((m) => m.name.value);
    expect(new Set(booleans)).toEqual(LEGACY_BOOLEAN);
  });

  it('InputError is declared once, in the runtime (no other source declares its own)', () => {
    // Source folders only: a subgraph's generated schema.graphql prints the included fragment.
    const srcDirs = ['packages', 'subgraphs'].flatMap((d) =>
      readdirSync(join(root, d)).map((name) => join(root, d, name, 'src')),
    );
    const declaring = [...srcDirs, join(root, 'supergraph/src'), join(root, 'schema/src')]
      .filter((d) => existsSync(d))
      .flatMap((d) => sources(d))
      .filter((f) => /\btype InputError\b[^=,;}\n]*\{/.test(readFileSync(f, 'utf8')))
      .map((f) => f.slice(root.length));
    expect(declaring).toEqual(['packages/runtime/src/errors.ts']);
  });
});
