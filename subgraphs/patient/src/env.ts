import { checkEventsEnv, parseEnv, subgraphEnv } from '@medikamente/runtime';
import { z } from 'zod';

const schema = z
  .object({
    ...subgraphEnv('patient', 4002),
    /** Days after an appointment during which a doctor keeps the care relationship. */
    CARE_WINDOW_DAYS: z.coerce.number().int().min(0).default(30),
  })
  .superRefine(checkEventsEnv);

export type PatientEnv = z.infer<typeof schema>;

/** Validated configuration of the patient subgraph. */
export const loadPatientEnv = (source?: Record<string, string | undefined>) => parseEnv(schema, source);
