import type { Resolvers } from './generated/resolvers-types';
import { entryResolvers } from './modules/entry/entry.resolvers';
import { requestsResolvers } from './modules/requests/requests.resolvers';

/** All resolvers of the subgraph, typed by its SDL (generated resolver types). */
export const resolvers: Resolvers = {
  ...entryResolvers,
  Query: { ...entryResolvers.Query, ...requestsResolvers.Query },
  Mutation: { ...entryResolvers.Mutation, ...requestsResolvers.Mutation },
  DataRequest: requestsResolvers.DataRequest,
  DataRequestStep: requestsResolvers.DataRequestStep,
};
