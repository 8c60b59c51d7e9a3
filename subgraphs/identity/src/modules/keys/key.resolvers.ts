import type { IdentityContext } from '../../context';
import type { Resolvers } from '../../generated/resolvers-types';

/** Signing-key rotation by an IT administrator (policy: it_admin); the key ring logs it. */
export const keyResolvers = {
  Mutation: {
    rotateSigningKey: async (_: unknown, __: unknown, ctx: IdentityContext) => {
      const { keys } = ctx.services;
      const r = await keys.rotate();
      return {
        ok: true,
        inputErrors: [],
        activeKid: r.activeKid,
        retiredKid: r.retiredKid,
        retiredKeyPublishedUntil: r.retiredKid
          ? (keys.publishedUntil(r.retiredKid)?.toISOString() ?? null)
          : null,
        publishedKids: keys.publishedKids(),
      };
    },
  },
} satisfies Resolvers;
