import { lab } from './service';

await lab.main();
