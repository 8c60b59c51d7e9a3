import { inputErrorSdl } from '@medikamente/runtime';
import { subgraphTypeDefs } from '@medikamente/schema';
import { entrySdl } from './modules/entry/entry.sdl';
import { requestsSdl } from './modules/requests/requests.sdl';

/** The security subgraph's SDL (with the federation and classification header). */
export const securityTypeDefs = subgraphTypeDefs([inputErrorSdl, entrySdl, requestsSdl].join('\n'));

/** Typed resolvers (scripts/generate-resolver-types.ts): the context and the records resolvers receive. */
export const resolverTypes = {
  contextType: '../context#SecurityContext',
  mappers: {
    SecurityEntry: '../modules/entry/entry.store#EntryRecord',
    DataRequest: '../modules/requests/requests.store#DataRequestRecord',
    DataRequestStep: '../modules/requests/requests.store#DataRequestStepRecord',
  },
};
