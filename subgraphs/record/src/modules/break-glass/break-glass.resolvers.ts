import { appError, ErrorCode, idError } from '@medikamente/runtime';
import type { Resolvers } from '../../generated/resolvers-types';

export const breakGlassResolvers: Resolvers = {
  Mutation: {
    breakGlass: async (_, { input }, ctx) => {
      const bad = idError('input.patientId', input.patientId);
      if (bad) return { ok: false, inputErrors: [bad], expiresAt: null };
      const doctor = ctx.principal.subject;
      if (!doctor) throw appError(ErrorCode.UNAUTHENTICATED);
      const r = await ctx.services.breakGlass.open({
        doctorAccountId: doctor,
        patientId: input.patientId,
        reason: input.reason,
        requestId: ctx.requestId,
        clientAddress: ctx.clientAddress,
      });
      if ('inputErrors' in r) return { ok: false, inputErrors: r.inputErrors, expiresAt: null };
      return { ok: true, inputErrors: [], expiresAt: r.grant.expiresAt.toISOString() };
    },
  },
};
