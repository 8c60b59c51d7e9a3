import { appError, ErrorCode } from '@medikamente/runtime';
import type { PatientContext } from '../../context';
import type { Resolvers } from '../../generated/resolvers-types';
import { requireId } from '../ids';
import type { ConsentChannel, ConsentPurpose, ConsentRecord, ConsentTextRecord } from './consent.store';

const fail = (field: string, code: string, message: string) => ({
  ok: false,
  inputErrors: [{ field, code, message }],
  consent: null,
});

async function checkSubject(ctx: PatientContext, rawId: string, channel: ConsentChannel): Promise<string> {
  const id = requireId(rawId, 'patientId');
  if (ctx.principal.role === 'patient') {
    if (ctx.principal.patientId !== id) throw appError(ErrorCode.FORBIDDEN);
    if (channel !== 'PORTAL')
      throw appError(ErrorCode.BAD_USER_INPUT, 'Пациент действует только через портал');
  }
  if (!(await ctx.loaders.patient.load(id))) throw appError(ErrorCode.NOT_FOUND);
  return id;
}

export const consentResolvers = {
  Query: {
    consentTexts: (_: unknown, args: { purpose?: ConsentPurpose | null }, ctx: PatientContext) =>
      ctx.stores.consents.texts(args.purpose),
    consentStatus: async (
      _: unknown,
      args: { patientId: string; purpose: ConsentPurpose },
      ctx: PatientContext,
    ) => {
      const patientId = requireId(args.patientId, 'patientId');
      const active = (await ctx.loaders.consents.load(patientId)).find((c) => c.purpose === args.purpose);
      return {
        patientId,
        purpose: args.purpose,
        granted: !!active,
        textVersion: active?.textVersion ?? null,
        since: active?.givenAt.toISOString() ?? null,
      };
    },
  },
  Mutation: {
    giveConsent: async (
      _: unknown,
      args: { patientId: string; purpose: ConsentPurpose; textVersion: number; channel: ConsentChannel },
      ctx: PatientContext,
    ) => {
      const id = await checkSubject(ctx, args.patientId, args.channel);
      if (!(await ctx.stores.consents.textExists(args.purpose, args.textVersion))) {
        return fail('textVersion', ErrorCode.NOT_FOUND, 'Нет такой редакции текста согласия');
      }
      const consent = await ctx.stores.consents.give(
        id,
        args.purpose,
        args.textVersion,
        args.channel,
        ctx.principal.subject!,
      );
      return { ok: true, inputErrors: [], consent };
    },
    withdrawConsent: async (
      _: unknown,
      args: { patientId: string; purpose: ConsentPurpose; channel: ConsentChannel },
      ctx: PatientContext,
    ) => {
      const id = await checkSubject(ctx, args.patientId, args.channel);
      const consent = await ctx.stores.consents.withdraw(id, args.purpose, args.channel);
      if (!consent) return fail('purpose', ErrorCode.NOT_FOUND, 'Активного согласия с такой целью нет');
      return { ok: true, inputErrors: [], consent };
    },
  },
  Consent: {
    givenAt: (c: ConsentRecord) => c.givenAt.toISOString(),
    withdrawnAt: (c: ConsentRecord) => c.withdrawnAt?.toISOString() ?? null,
    active: (c: ConsentRecord) => c.withdrawnAt === null,
  },
  ConsentText: {
    publishedAt: (t: ConsentTextRecord) => t.publishedAt.toISOString(),
  },
} satisfies Resolvers;
