/** Writes schema.graphql (the SDL the supergraph composes) from this subgraph's typeDefs; `--print` prints it. */
import { generateSubgraphSdl } from '@medikamente/schema';
import { securityTypeDefs } from '../src/schema';

generateSubgraphSdl(securityTypeDefs, new URL('../schema.graphql', import.meta.url));
