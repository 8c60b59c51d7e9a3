import { patient } from './service';

await patient.main();
