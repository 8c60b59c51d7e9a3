import type { Resolvers } from './generated/resolvers-types';
import { breakGlassResolvers } from './modules/break-glass/break-glass.resolvers';
import { icd10Resolvers } from './modules/icd10';
import { visitResolvers } from './modules/visit/visit.resolvers';

/** All resolvers of the subgraph, typed by its SDL (generated resolver types). */
export const resolvers: Resolvers = {
  ...visitResolvers,
  Query: { ...visitResolvers.Query, ...(icd10Resolvers.Query as Resolvers['Query']) },
  Mutation: { ...visitResolvers.Mutation, ...breakGlassResolvers.Mutation },
};
