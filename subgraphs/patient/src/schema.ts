import { inputErrorSdl } from '@medikamente/runtime';
import { subgraphTypeDefs } from '@medikamente/schema';
import { auditSdl } from './modules/audit/audit.sdl';
import { consentSdl } from './modules/consent/consent.sdl';
import { patientSdl } from './modules/patient/patient.sdl';

/** The patient subgraph's SDL (with the federation and classification header). */
export const patientTypeDefs = subgraphTypeDefs([inputErrorSdl, patientSdl, consentSdl, auditSdl].join('\n'));
