import type { Resolvers } from './generated/resolvers-types';
import { alertResolvers } from './modules/alerts/alerts.resolvers';
import { incidentsResolvers } from './modules/incidents/incidents.resolvers';
import { requestsResolvers } from './modules/requests/requests.resolvers';
import { streamResolvers } from './modules/stream/stream.resolvers';
import { trailResolvers } from './modules/trail/trail.resolvers';

/** All resolvers of the subgraph, typed by its SDL (generated resolver types). */
export const resolvers: Resolvers = {
  ...streamResolvers,
  ...alertResolvers,
  ...trailResolvers,
  Query: {
    ...streamResolvers.Query,
    ...alertResolvers.Query,
    ...trailResolvers.Query,
    ...requestsResolvers.Query,
    ...incidentsResolvers.Query,
  },
  Mutation: {
    ...streamResolvers.Mutation,
    ...alertResolvers.Mutation,
    ...requestsResolvers.Mutation,
    ...incidentsResolvers.Mutation,
  },
  DataRequest: requestsResolvers.DataRequest,
  DataRequestStep: requestsResolvers.DataRequestStep,
  SecurityIncident: incidentsResolvers.SecurityIncident,
  SecurityIncidentStep: incidentsResolvers.SecurityIncidentStep,
};
