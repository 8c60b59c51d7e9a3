import type { Resolvers } from './generated/resolvers-types';
import { entryResolvers } from './modules/entry/entry.resolvers';

/** All resolvers of the subgraph, typed by its SDL (generated resolver types). */
export const resolvers: Resolvers = entryResolvers;
