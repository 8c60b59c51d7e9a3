import {
  appError,
  ErrorCode,
  IdempotencyMismatchError,
  idError,
  requireId,
  textError,
} from '@medikamente/runtime';
import type { Resolvers } from '../../generated/resolvers-types';

const noEntry = { ok: false, entry: null };

export const entryResolvers: Resolvers = {
  Query: {
    securityEntries: (_, args, ctx) => ctx.stores.entries.forPatient(requireId(args.patientId, 'patientId')),
  },
  Mutation: {
    addSecurityEntry: async (_, { input }, ctx) => {
      const inputErrors = [
        idError('input.patientId', input.patientId),
        textError('input.text', input.text, { max: 10_000, required: true }),
        textError('input.idempotencyKey', input.idempotencyKey, { max: 100, required: true }),
      ].filter((e) => e !== null);
      if (inputErrors.length) return { ...noEntry, inputErrors };
      const accountId = ctx.principal.subject;
      if (!accountId) throw appError(ErrorCode.UNAUTHENTICATED);
      try {
        const entry = await ctx.stores.entries.add(
          { patientId: input.patientId, text: input.text.trim() },
          { principal: ctx.principal, accountId, idempotencyKey: input.idempotencyKey },
        );
        return { ok: true, inputErrors: [], entry };
      } catch (e) {
        if (e instanceof IdempotencyMismatchError) return { ...noEntry, inputErrors: [e.toInputError()] };
        throw e;
      }
    },
  },
  SecurityEntry: {
    __resolveReference: (ref, ctx) => ctx.loaders.entry.load(requireId(ref.id)),
    createdAt: (e) => e.createdAt.toISOString(),
  },
};
