import { inputErrorSdl } from '@medikamente/runtime';
import { subgraphTypeDefs } from '@medikamente/schema';
import type { DocumentNode } from 'graphql';
import type { Resolvers } from './generated/resolvers-types';
import { accountResolvers } from './modules/accounts/account.resolvers';
import { accountSdl } from './modules/accounts/account.sdl';
import { sessionResolvers } from './modules/accounts/session.resolvers';
import { clientResolvers } from './modules/clients/client.resolvers';
import { clientSdl } from './modules/clients/client.sdl';
import { keyResolvers } from './modules/keys/key.resolvers';
import { keySdl } from './modules/keys/key.sdl';
import { signUpResolvers } from './modules/signup/signup.resolvers';
import { signUpSdl } from './modules/signup/signup.sdl';

/** The identity subgraph's type definitions (federation header and @classified included). */
export const identityTypeDefs: DocumentNode = subgraphTypeDefs(
  inputErrorSdl + accountSdl + signUpSdl + clientSdl + keySdl,
);

/** Typed resolvers (scripts/generate-resolver-types.ts): the context and the records resolvers receive. */
export const resolverTypes = {
  contextType: '../context#IdentityContext',
  mappers: { Account: '../modules/accounts/account.view#AccountView' },
};

/** Resolver map of every module, merged per root type and typed by the SDL (generated resolver types). */
export const identityResolvers: Resolvers = {
  Query: { ...accountResolvers.Query },
  Mutation: {
    ...sessionResolvers.Mutation,
    ...signUpResolvers.Mutation,
    ...accountResolvers.Mutation,
    ...clientResolvers.Mutation,
    ...keyResolvers.Mutation,
  },
  Account: accountResolvers.Account,
};
