import type { Resolvers } from './generated/resolvers-types';
import { streamResolvers } from './modules/stream/stream.resolvers';

/** All resolvers of the subgraph, typed by its SDL (generated resolver types). */
export const resolvers: Resolvers = streamResolvers;
