import { security } from './service';

await security.main();
