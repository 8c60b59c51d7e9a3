import { type Result, toPayload } from '../../common/result';
import type { IdentityContext } from '../../context';
import type { Resolvers } from '../../generated/resolvers-types';
import type { StaffInput } from './account.service';
import type { AccountRecord } from './account.store';
import { accountView } from './account.view';

const accountPayload = (r: Result<AccountRecord>) =>
  toPayload(r, (a) => ({ account: accountView(a) }), { account: null });

/** The signed-in account, staff administration and TOTP enrolment. */
export const accountResolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: IdentityContext) =>
      ctx.principal.subject ? ctx.loaders.account.load(ctx.principal.subject) : null,

    staffAccounts: async (_: unknown, __: unknown, ctx: IdentityContext) =>
      (await ctx.services.accountStore.listStaff()).map(accountView),
  },

  Mutation: {
    createStaffAccount: async (_: unknown, { input }: { input: StaffInput }, ctx: IdentityContext) =>
      accountPayload(await ctx.services.accounts.createStaff(input)),

    dismissStaff: async (_: unknown, { accountId }: { accountId: string }, ctx: IdentityContext) =>
      accountPayload(await ctx.services.accounts.dismiss(ctx.principal, accountId)),

    startTotpEnrollment: async (_: unknown, __: unknown, ctx: IdentityContext) =>
      toPayload(await ctx.services.accounts.startTotp(ctx.principal), (e) => e, {
        secret: null,
        otpauthUri: null,
      }),

    confirmTotpEnrollment: async (_: unknown, { code }: { code: string }, ctx: IdentityContext) =>
      accountPayload(await ctx.services.accounts.confirmTotp(ctx.principal, code)),
  },

  Account: {
    __resolveReference: (ref: { id: string }, ctx: IdentityContext) => ctx.loaders.account.load(ref.id),
  },
} satisfies Resolvers;
