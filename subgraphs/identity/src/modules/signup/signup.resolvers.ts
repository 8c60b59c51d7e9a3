import { toPayload } from '../../common/result';
import type { IdentityContext } from '../../context';
import type { Resolvers } from '../../generated/resolvers-types';
import { authPayload } from '../accounts/session.resolvers';
import type { SignUpInput } from './signup.service';

const NOT_STARTED = { verificationId: null, channel: null, expiresAt: null };

/** Sign-up: send the code, then confirm it (the session starts on confirmation). */
export const signUpResolvers = {
  Mutation: {
    signUpPatient: async (_: unknown, { input }: { input: SignUpInput }, ctx: IdentityContext) =>
      toPayload(
        await ctx.services.signUp.start(input, ctx.clientAddress),
        (v) => ({
          verificationId: v.verificationId,
          channel: v.channel === 'email' ? ('EMAIL' as const) : ('SMS' as const),
          expiresAt: v.expiresAt.toISOString(),
        }),
        NOT_STARTED,
      ),

    confirmSignUp: async (
      _: unknown,
      { verificationId, code }: { verificationId: string; code: string },
      ctx: IdentityContext,
    ) => authPayload(ctx, await ctx.services.signUp.confirm(verificationId, code, ctx.clientAddress)),
  },
} satisfies Resolvers;
