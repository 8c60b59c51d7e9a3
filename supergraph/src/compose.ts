import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { SUBGRAPHS } from './subgraphs';

export const SUPERGRAPH_PATH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

/** Composes the supergraph in process; throws with every composition error. */
export function composeSupergraph(): string {
  const result = composeServices(SUBGRAPHS.map((s) => ({ name: s.name, typeDefs: s.typeDefs, url: s.url })));
  if (result.errors?.length) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl!.trim()}\n`;
}

/** The committed supergraph SDL. */
export const readSupergraph = () => readFileSync(SUPERGRAPH_PATH, 'utf8');
