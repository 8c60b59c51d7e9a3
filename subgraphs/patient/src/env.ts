import { resolve } from 'node:path';
import { checkEventsEnv, commonEnv, eventsEnv, parseEnv } from '@medikamente/runtime';
import { z } from 'zod';

const schema = z
  .object({
    ...commonEnv,
    PORT: z.coerce.number().int().min(0).default(4002),
    PATIENT_DATABASE_URL: z.string().url().optional(),
    DATA_DIR: z.string().default(resolve(process.cwd(), '.data/patient')),
    /** Days after an appointment during which a doctor keeps the care relationship. */
    CARE_WINDOW_DAYS: z.coerce.number().int().min(0).default(30),
    ...eventsEnv,
  })
  .superRefine(checkEventsEnv);

export type PatientEnv = z.infer<typeof schema>;

/** Validated configuration of the patient subgraph. */
export const loadPatientEnv = (source?: Record<string, string | undefined>) => parseEnv(schema, source);
