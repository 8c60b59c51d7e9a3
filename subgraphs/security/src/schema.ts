import { inputErrorSdl } from '@medikamente/runtime';
import { subgraphTypeDefs } from '@medikamente/schema';
import { alertsSdl } from './modules/alerts/alerts.sdl';
import { entrySdl } from './modules/entry/entry.sdl';
import { trailSdl } from './modules/trail/trail.sdl';

/** The security subgraph's SDL (with the federation and classification header). */
export const securityTypeDefs = subgraphTypeDefs([inputErrorSdl, entrySdl, alertsSdl, trailSdl].join('\n'));

/** Typed resolvers (scripts/generate-resolver-types.ts): the context and the records resolvers receive. */
export const resolverTypes = {
  contextType: '../context#SecurityContext',
  mappers: {
    SecurityEntry: '../modules/entry/entry.store#EntryRecord',
    SecurityAlert: '../modules/alerts/alerts.store#AlertRecord',
    SecurityAlertStep: '../modules/alerts/alerts.store#AlertStepRecord',
    AuditRecord: '../modules/trail/trail.store#TrailRecord',
    AccessTrailEntry: '../modules/trail/trail.store#TrailRecord',
  },
};
