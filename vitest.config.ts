import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
const { parse: parseYaml } = require(require.resolve('yaml', { paths: [`${process.cwd()}/schema`] })) as {
  parse: (text: string) => { subgraphs: Array<{ name: string; dir: string }> };
};

// graphql ships both ESM (.mjs) and CJS builds; Apollo's packages load the CJS one, so
// everything must use it or graphql-js refuses types "from another module or realm".
const graphqlCjs = require.resolve('graphql', {
  paths: [`${process.cwd()}/packages/runtime`, process.cwd()],
});

/** Suites whose integration tests run twice: on the Postgres server and on embedded PGlite. */
const suites: Array<{ name: string; root: string; slow?: boolean; hookTimeout?: number }> = [
  { name: 'schema', root: './schema' },
  { name: 'runtime', root: './packages/runtime' },
  { name: 'notifications', root: './packages/notifications', slow: true },
  // Every subgraph of the manifest (a new subgraph gets its two projects without edits here).
  ...parseYaml(readFileSync('supergraph/subgraphs.yaml', 'utf8')).subgraphs.map((s) => ({
    name: s.name,
    root: `./${s.dir}`,
    slow: true,
  })),
  { name: 'supergraph', root: './supergraph', slow: true, hookTimeout: 120000 },
];
const timeouts = (s: (typeof suites)[number]) =>
  s.slow ? { testTimeout: 60000, hookTimeout: s.hookTimeout ?? 60000 } : {};

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] },
  test: {
    projects: [
      // Unit tests, and integration tests on Postgres when a server answers (PGlite otherwise).
      ...suites.map((s) => ({
        extends: true as const,
        test: { name: s.name, root: s.root, ...timeouts(s) },
      })),
      // The embedded default is what every newcomer runs: the same integration tests on PGlite.
      ...suites
        .filter((s) => s.name !== 'schema')
        .map((s) => ({
          extends: true as const,
          test: {
            name: `${s.name}:pglite`,
            root: s.root,
            include: ['**/*.int.test.ts'],
            env: { TEST_DATABASE: 'pglite' },
            ...timeouts(s),
          },
        })),
      // Shared pieces of the two Next.js apps (labels, formatting, views rendered to markup).
      {
        extends: true as const,
        esbuild: { jsx: 'automatic' as const },
        test: { name: 'web-kit', root: './apps/web-kit' },
      },
      {
        // Browser journeys (Chromium): builds and starts both Next.js apps, so long hooks.
        extends: true,
        test: {
          name: 'e2e',
          root: './e2e',
          include: ['test/**/*.e2e.test.ts'],
          testTimeout: 60000,
          hookTimeout: 600000,
          // After every other file (each journey starts a whole platform, two apps and Chromium).
          sequence: { groupOrder: 1 },
        },
      },
    ],
    testTimeout: 30000,
    hookTimeout: 60000,
    // One file at a time by default (vitest's cores − 1 on this 2-core machine). Files are
    // independent (own databases and ports, e2e builds take a lock): VITEST_MAX_WORKERS=N runs N
    // at once (2: every file passed, vitest 14 min instead of 24).
    ...(Number(process.env.VITEST_MAX_WORKERS) > 0
      ? { maxWorkers: Number(process.env.VITEST_MAX_WORKERS) }
      : {}),
  },
});
