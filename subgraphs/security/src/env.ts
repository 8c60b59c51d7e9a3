import { parseEnv, subgraphEnv } from '@medikamente/runtime';
import { z } from 'zod';

const schema = z.object({ ...subgraphEnv('security', 4007) });

export type SecurityEnv = z.infer<typeof schema>;

/** Validated configuration of the security subgraph. */
export const loadSecurityEnv = (source?: Record<string, string | undefined>) => parseEnv(schema, source);
