import { identity } from './service';

await identity.main();
