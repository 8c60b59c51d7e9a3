export { type LabEnv, loadLabEnv } from './env';
export { labTypeDefs } from './schema';
export { createLabService, type LabService } from './service';
