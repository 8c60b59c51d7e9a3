export { loadLabEnv, type LabEnv } from './env';
export { labTypeDefs } from './schema';
export { createLabService, type LabService } from './service';
