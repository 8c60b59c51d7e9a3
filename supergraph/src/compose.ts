import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { loadSubgraphManifest, type Subgraph } from './manifest';

export const SUPERGRAPH_PATH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

/**
 * Composes the supergraph in process from each subgraph's generated SDL file (`schema.graphql`
 * in its folder); throws with every composition error.
 */
export function composeSupergraph(subgraphs: Subgraph[] = loadSubgraphManifest()): string {
  const result = composeServices(
    subgraphs.map((s) => ({
      name: s.name,
      typeDefs: parse(readFileSync(s.sdlFile, 'utf8')),
      url: s.defaultUrl,
    })),
  );
  if (result.errors?.length) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl!.trim()}\n`;
}

/** The committed supergraph SDL. */
export const readSupergraph = () => readFileSync(SUPERGRAPH_PATH, 'utf8');
