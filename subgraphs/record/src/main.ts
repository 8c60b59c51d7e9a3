import { record } from './service';

await record.main();
