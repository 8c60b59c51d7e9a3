import { inputErrorSdl } from '@medikamente/runtime';
import { subgraphTypeDefs } from '@medikamente/schema';
import { auditSdl } from './modules/audit/audit.sdl';
import { consentSdl } from './modules/consent/consent.sdl';
import { patientSdl } from './modules/patient/patient.sdl';

/** The patient subgraph's SDL (with the federation and classification header). */
export const patientTypeDefs = subgraphTypeDefs([inputErrorSdl, patientSdl, consentSdl, auditSdl].join('\n'));

/** Typed resolvers (scripts/generate-resolver-types.ts): the context and the records resolvers receive. */
export const resolverTypes = {
  contextType: '../context#PatientContext',
  mappers: {
    Patient: '../modules/patient/patient.store#PatientRecord',
    Consent: '../modules/consent/consent.store#ConsentRecord',
    ConsentText: '../modules/consent/consent.store#ConsentTextRecord',
    AuditEvent: '@medikamente/runtime#AuditEvent as AuditEventRecord',
    AccessLogEntry: '@medikamente/runtime#AuditEvent as AuditEventRecord',
  },
};
