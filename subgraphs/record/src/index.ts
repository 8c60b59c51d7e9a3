export { loadRecordEnv, type RecordEnv } from './env';
export { recordTypeDefs } from './schema';
export { createRecordService, type RecordOptions, type RecordService } from './service';
