import { inputErrorSdl } from '@medikamente/runtime';
import { subgraphTypeDefs } from '@medikamente/schema';
import { alertsSdl } from './modules/alerts/alerts.sdl';
import { incidentsSdl } from './modules/incidents/incidents.sdl';
import { requestsSdl } from './modules/requests/requests.sdl';
import { streamSdl } from './modules/stream/stream.sdl';
import { trailSdl } from './modules/trail/trail.sdl';

/** The security subgraph's SDL (with the federation and classification header). */
export const securityTypeDefs = subgraphTypeDefs(
  [inputErrorSdl, streamSdl, alertsSdl, trailSdl, requestsSdl, incidentsSdl].join('\n'),
);

/** Typed resolvers (scripts/generate-resolver-types.ts): the context and the records resolvers receive. */
export const resolverTypes = {
  contextType: '../context#SecurityContext',
  mappers: {
    AuditSourceStatus: '../modules/stream/audit-stream#SourceStatus',
    AuditChainVerification: '../modules/stream/stream.store#Verification',
    SecurityAlert: '../modules/alerts/alerts.store#AlertRecord',
    SecurityAlertStep: '../modules/alerts/alerts.store#AlertStepRecord',
    AuditRecord: '../modules/trail/trail.store#TrailRecord',
    AccessTrailEntry: '../modules/trail/trail.store#TrailRecord',
    DataRequest: '../modules/requests/requests.store#DataRequestRecord',
    DataRequestStep: '../modules/requests/requests.store#DataRequestStepRecord',
    SecurityIncident: '../modules/incidents/incidents.store#IncidentRecord',
    SecurityIncidentStep: '../modules/incidents/incidents.store#IncidentStepRecord',
  },
};
