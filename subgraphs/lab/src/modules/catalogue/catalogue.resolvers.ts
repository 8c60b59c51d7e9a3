import { requireId, requireText } from '@medikamente/runtime';
import type { Resolvers } from '../../generated/resolvers-types';
import { validateLabTest } from './catalogue.validate';

export const catalogueResolvers: Resolvers = {
  Query: {
    labTests: (_, args, ctx) =>
      ctx.stores.catalogue.search(
        // Control characters are refused (PostgreSQL refuses NUL: it surfaced as INTERNAL).
        requireText((args.search ?? '').slice(0, 200), 'search', { max: 200 }),
        args.includeInactive ?? false,
      ),
  },
  Mutation: {
    saveLabTest: async (_, { input }, ctx) => {
      const checked = validateLabTest({ ...input, id: input.id ? requireId(input.id, 'input.id') : null });
      if (!checked.ok) return { ok: false, inputErrors: checked.errors, test: null };
      if (await ctx.stores.catalogue.codeTaken(checked.input.code, checked.input.id))
        return {
          ok: false,
          test: null,
          inputErrors: [
            { field: 'input.code', code: 'CONFLICT', message: 'Этот код уже есть в справочнике' },
          ],
        };
      const test = await ctx.stores.catalogue.save(checked.input);
      if (!test)
        return {
          ok: false,
          test: null,
          inputErrors: [
            { field: 'input.id', code: 'NOT_FOUND', message: 'Нет такого анализа в справочнике' },
          ],
        };
      return { ok: true, inputErrors: [], test };
    },
  },
  LabTest: {
    __resolveReference: (ref, ctx) => ctx.loaders.test.load(requireId(ref.id)),
  },
};
