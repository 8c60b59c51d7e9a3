import type { Resolvers } from './generated/resolvers-types';
import { alertResolvers } from './modules/alerts/alerts.resolvers';
import { entryResolvers } from './modules/entry/entry.resolvers';
import { trailResolvers } from './modules/trail/trail.resolvers';

/** All resolvers of the subgraph, typed by its SDL (generated resolver types). */
export const resolvers: Resolvers = {
  ...entryResolvers,
  ...alertResolvers,
  ...trailResolvers,
  Query: { ...entryResolvers.Query, ...alertResolvers.Query, ...trailResolvers.Query },
  Mutation: { ...entryResolvers.Mutation, ...alertResolvers.Mutation },
};
