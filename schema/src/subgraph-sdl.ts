import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DocumentNode, print } from 'graphql';

const HEADER = `# Generated from the subgraph's typeDefs by scripts/generate-sdl.ts (\`pnpm generate\`); do not edit.
# The gateway composes the supergraph from this file; the release check fails when it is stale.
`;

/** A subgraph's SDL file: its type definitions printed, under a generated-file header. */
export const printSubgraphSdl = (typeDefs: DocumentNode): string => `${HEADER}\n${print(typeDefs).trim()}\n`;

/**
 * Body of a subgraph's `scripts/generate-sdl.ts`: writes `file` from the type definitions, or
 * with `--print` writes the SDL to stdout (the release check compares that with the file).
 */
export function generateSubgraphSdl(typeDefs: DocumentNode, file: URL, argv = process.argv.slice(2)): void {
  const sdl = printSubgraphSdl(typeDefs);
  if (argv.includes('--print')) {
    process.stdout.write(sdl);
    return;
  }
  const path = fileURLToPath(file);
  writeFileSync(path, sdl);
  console.log(`wrote ${relative(process.cwd(), path) || path}`);
}
