export { loadScheduleEnv, type ScheduleEnv } from './env';
export { scheduleTypeDefs } from './schema';
export { createScheduleService, type ScheduleService } from './service';
