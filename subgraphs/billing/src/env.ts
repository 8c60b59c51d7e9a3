import { parseEnv, subgraphEnv } from '@medikamente/runtime';
import { z } from 'zod';

const schema = z.object({ ...subgraphEnv('billing', 4006) });

export type BillingEnv = z.infer<typeof schema>;

/** Validated configuration of the billing subgraph. */
export const loadBillingEnv = (source?: Record<string, string | undefined>) => parseEnv(schema, source);
