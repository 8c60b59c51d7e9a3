import { inputErrorSdl } from '@medikamente/runtime';
import { subgraphTypeDefs } from '@medikamente/schema';
import { alertsSdl } from './modules/alerts/alerts.sdl';
import { catalogueSdl } from './modules/catalogue/catalogue.sdl';
import { ordersSdl } from './modules/orders/orders.sdl';
import { partnerSdl } from './modules/partner/partner.sdl';

/** The lab subgraph's SDL (with the federation and classification header). */
export const labTypeDefs = subgraphTypeDefs(
  [inputErrorSdl, catalogueSdl, ordersSdl, partnerSdl, alertsSdl].join('\n'),
);

/** Typed resolvers (scripts/generate-resolver-types.ts): the context and the records resolvers receive. */
export const resolverTypes = {
  contextType: '../context#LabContext',
  mappers: {
    LabTest: '../modules/catalogue/catalogue.store#LabTestRecord',
    LabOrder: '../modules/orders/orders.store#OrderRecord',
    LabOrderTest: '../modules/orders/orders.store#OrderTest',
    LabResult: '../modules/results/results.store#ResultRecord',
    LabAlert: '../modules/alerts/alerts.store#AlertRecord',
    LabAlertStep: '../modules/alerts/alerts.store#AlertStepRecord',
    PartnerLabOrder: '../modules/partner/partner.service#PartnerOrder',
    PartnerLabTest: '../modules/orders/orders.store#OrderTest',
  },
};
