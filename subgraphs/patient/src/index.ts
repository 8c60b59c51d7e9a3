export { loadPatientEnv, type PatientEnv } from './env';
export { patientTypeDefs } from './schema';
export { createPatientService, type PatientService } from './service';
