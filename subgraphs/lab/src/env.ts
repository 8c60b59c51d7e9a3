import { parseEnv, subgraphEnv } from '@medikamente/runtime';
import { z } from 'zod';

const schema = z.object({ ...subgraphEnv('lab', 4005) });

export type LabEnv = z.infer<typeof schema>;

/** Validated configuration of the lab subgraph. */
export const loadLabEnv = (source?: Record<string, string | undefined>) => parseEnv(schema, source);
