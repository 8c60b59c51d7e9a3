export { loadPatientEnv, type PatientEnv } from './env';
export { CARE_CONSUMER, CARE_EVENT_TYPES, careEventHandlers } from './modules/care/care.events';
export { patientTypeDefs } from './schema';
export { createPatientService, type PatientService } from './service';
