export { createPatientService, type PatientService } from './service';
export { loadPatientEnv, type PatientEnv } from './env';
export { patientTypeDefs } from './schema';
