import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// graphql ships both ESM (.mjs) and CJS builds; Apollo's packages load the CJS one, so
// everything must use it or graphql-js refuses types "from another module or realm".
const graphqlCjs = require.resolve('graphql', {
  paths: [`${process.cwd()}/packages/runtime`, process.cwd()],
});

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] },
  test: {
    projects: [
      { extends: true, test: { name: 'schema', root: './schema' } },
      { extends: true, test: { name: 'runtime', root: './packages/runtime' } },
      {
        extends: true,
        test: {
          name: 'notifications',
          root: './packages/notifications',
          testTimeout: 60000,
          hookTimeout: 60000,
        },
      },
      { extends: true, test: { name: 'identity', root: './subgraphs/identity' } },
      { extends: true, test: { name: 'patient', root: './subgraphs/patient' } },
      {
        extends: true,
        test: { name: 'schedule', root: './subgraphs/schedule', testTimeout: 60000, hookTimeout: 60000 },
      },
      {
        extends: true,
        test: { name: 'supergraph', root: './supergraph', testTimeout: 60000, hookTimeout: 120000 },
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
        },
      },
    ],
    testTimeout: 30000,
    hookTimeout: 60000,
  },
});
