import type { Resolvers } from './generated/resolvers-types';
import { alertResolvers } from './modules/alerts/alerts.resolvers';
import { catalogueResolvers } from './modules/catalogue/catalogue.resolvers';
import { orderResolvers } from './modules/orders/orders.resolvers';
import { partnerResolvers } from './modules/partner/partner.resolvers';

/** All resolvers of the subgraph, typed by its SDL (generated resolver types). */
export const resolvers: Resolvers = {
  Query: {
    ...catalogueResolvers.Query,
    ...orderResolvers.Query,
    ...partnerResolvers.Query,
    ...alertResolvers.Query,
  },
  Mutation: {
    ...catalogueResolvers.Mutation,
    ...orderResolvers.Mutation,
    ...partnerResolvers.Mutation,
    ...alertResolvers.Mutation,
  },
  Subscription: alertResolvers.Subscription,
  LabTest: catalogueResolvers.LabTest,
  LabOrder: orderResolvers.LabOrder,
  LabOrderTest: orderResolvers.LabOrderTest,
  LabResult: orderResolvers.LabResult,
  PartnerLabOrder: partnerResolvers.PartnerLabOrder,
  PartnerLabTest: partnerResolvers.PartnerLabTest,
  LabAlert: alertResolvers.LabAlert,
  LabAlertStep: alertResolvers.LabAlertStep,
};
