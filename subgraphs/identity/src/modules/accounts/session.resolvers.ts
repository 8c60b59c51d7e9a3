import { type Result, toPayload } from '../../common/result';
import type { IdentityContext } from '../../context';
import { renderAs } from '../../context';
import type { Resolvers } from '../../generated/resolvers-types';
import { accountView } from './account.view';
import type { Authenticated, SignInInput } from './auth.service';

const NO_SESSION = { accessToken: null, refreshToken: null, expiresIn: null, account: null };

/** AuthPayload of a sign-in/up/refresh; on success the account is rendered for itself. */
export function authPayload(ctx: IdentityContext, r: Result<Authenticated>) {
  if (r.ok) renderAs(ctx, r.value.principal);
  return toPayload(
    r,
    (v) => ({
      accessToken: v.accessToken,
      refreshToken: v.refreshToken,
      expiresIn: v.expiresIn,
      account: accountView(v.account),
    }),
    NO_SESSION,
  );
}

/** Sign-in, refresh and sign-out: resolve input, call the auth service, render the payload. */
export const sessionResolvers = {
  Mutation: {
    signIn: async (_: unknown, { input }: { input: SignInInput }, ctx: IdentityContext) =>
      authPayload(ctx, await ctx.services.auth.signIn(input, ctx.clientAddress)),

    refreshSession: async (_: unknown, { refreshToken }: { refreshToken: string }, ctx: IdentityContext) =>
      authPayload(ctx, await ctx.services.auth.refresh(refreshToken)),

    signOut: async (_: unknown, __: unknown, ctx: IdentityContext) =>
      toPayload(await ctx.services.auth.signOut(ctx.principal), () => ({}), {}),
  },
} satisfies Resolvers;
