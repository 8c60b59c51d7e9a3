import { inputErrorSdl } from '@medikamente/runtime';
import { subgraphTypeDefs } from '@medikamente/schema';
import { streamSdl } from './modules/stream/stream.sdl';

/** The security subgraph's SDL (with the federation and classification header). */
export const securityTypeDefs = subgraphTypeDefs([inputErrorSdl, streamSdl].join('\n'));

/** Typed resolvers (scripts/generate-resolver-types.ts): the context and the records resolvers receive. */
export const resolverTypes = {
  contextType: '../context#SecurityContext',
  mappers: {
    AuditSourceStatus: '../modules/stream/audit-stream#SourceStatus',
    AuditChainVerification: '../modules/stream/stream.store#Verification',
  },
};
