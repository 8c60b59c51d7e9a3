import { appError, ErrorCode, requireText } from '@medikamente/runtime';
import type { Icd10Store } from './icd10.store';

/** What the resolvers need of the subgraph's context (`stores.icd10` in createStores). */
export type Icd10Context = { stores: { icd10: Icd10Store } };

const MAX_FIRST = 50;

export const icd10Resolvers = {
  Query: {
    icd10Search: async (_: unknown, args: { query: string; first?: number | null }, ctx: Icd10Context) => {
      const query = requireText(args.query, 'query', { max: 100, required: true })!;
      const first = args.first ?? 20;
      if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST)
        throw appError(ErrorCode.BAD_USER_INPUT, `От 1 до ${MAX_FIRST}`, { field: 'first' });
      return ctx.stores.icd10.search(query, first);
    },
  },
};
