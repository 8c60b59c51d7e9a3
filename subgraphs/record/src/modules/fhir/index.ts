export { buildPatientRecordBundle } from './fhir.bundle';
export { EXPORT_UUID_NAMESPACE } from './fhir.ids';
export type * from './fhir.types';
