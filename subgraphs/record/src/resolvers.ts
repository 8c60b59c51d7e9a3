import type { Resolvers } from './generated/resolvers-types';
import { attachmentResolvers } from './modules/attachment/attachment.resolvers';
import { breakGlassResolvers } from './modules/break-glass/break-glass.resolvers';
import { downloadResolvers } from './modules/download/download.resolvers';
import { exportResolvers } from './modules/export/export.resolvers';
import { icd10Resolvers } from './modules/icd10';
import { visitResolvers } from './modules/visit/visit.resolvers';

/** All resolvers of the subgraph, typed by its SDL (generated resolver types). */
export const resolvers: Resolvers = {
  ...visitResolvers,
  ...attachmentResolvers,
  ...exportResolvers,
  Query: {
    ...visitResolvers.Query,
    ...(icd10Resolvers.Query as Resolvers['Query']),
    ...exportResolvers.Query,
  },
  Mutation: {
    ...visitResolvers.Mutation,
    ...breakGlassResolvers.Mutation,
    ...attachmentResolvers.Mutation,
    ...downloadResolvers.Mutation,
  },
  Visit: { ...visitResolvers.Visit, ...attachmentResolvers.Visit },
};
