/** Writes schema.graphql (the SDL the supergraph composes) from this subgraph's typeDefs; `--print` prints it. */
import { generateSubgraphSdl } from '@medikamente/schema';
import { billingTypeDefs } from '../src/schema';

generateSubgraphSdl(billingTypeDefs, new URL('../schema.graphql', import.meta.url));
