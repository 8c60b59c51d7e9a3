import { schedule } from './service';

await schedule.main();
