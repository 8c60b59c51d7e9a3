import { inputErrorSdl } from '@medikamente/runtime';
import { subgraphTypeDefs } from '@medikamente/schema';
import { entrySdl } from './modules/entry/entry.sdl';

/** The billing subgraph's SDL (with the federation and classification header). */
export const billingTypeDefs = subgraphTypeDefs([inputErrorSdl, entrySdl].join('\n'));

/** Typed resolvers (scripts/generate-resolver-types.ts): the context and the records resolvers receive. */
export const resolverTypes = {
  contextType: '../context#BillingContext',
  mappers: { BillingEntry: '../modules/entry/entry.store#EntryRecord' },
};
