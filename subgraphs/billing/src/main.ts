import { billing } from './service';

await billing.main();
