import { toPayload } from '../../common/result';
import type { IdentityContext } from '../../context';
import type { Resolvers } from '../../generated/resolvers-types';
import type { NewClientInput } from './clients';

const EMPTY = { clientId: null, clientSecret: null, name: null, role: null, scopes: [] };

/** Registration of machine clients by an IT administrator. */
export const clientResolvers = {
  Mutation: {
    createPartnerClient: async (_: unknown, { input }: { input: NewClientInput }, ctx: IdentityContext) =>
      toPayload(
        await ctx.services.clients.create(input),
        ({ client, clientSecret }) => ({
          clientId: client.clientId,
          clientSecret,
          name: client.name,
          role: client.role,
          scopes: client.scopes,
        }),
        EMPTY,
      ),
  },
} satisfies Resolvers;
