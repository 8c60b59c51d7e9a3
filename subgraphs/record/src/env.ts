import { parseEnv, subgraphEnv } from '@medikamente/runtime';
import { z } from 'zod';

const schema = z.object({ ...subgraphEnv('record', 4004) });

export type RecordEnv = z.infer<typeof schema>;

/** Validated configuration of the record subgraph. */
export const loadRecordEnv = (source?: Record<string, string | undefined>) => parseEnv(schema, source);
