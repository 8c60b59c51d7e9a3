import { AUDIT_MIGRATIONS, defineSubgraph } from '@medikamente/runtime';
import { envelopeFor } from './common/master-key';
import { createLoaders, createServices, createStores } from './context';
import { loadIdentityEnv } from './env';
import { identityTools } from './modules/accounts/account.tools';
import { mountTokenEndpoint } from './modules/clients/token.routes';
import { mountWellKnown } from './modules/keys/well-known.routes';
import { mountRevocations } from './modules/tokens/revocations';
import { identityResolvers, identityTypeDefs } from './schema';

export type { CreatedAccount, NewAccountInput } from './modules/accounts/account.tools';

/** The identity subgraph: the platform's token issuer, accounts, sessions, clients, sign-up. */
export const identity = defineSubgraph({
  name: 'identity',
  env: loadIdentityEnv,
  typeDefs: identityTypeDefs,
  resolvers: identityResolvers,
  migrationsDir: new URL('./db/migrations', import.meta.url),
  migrations: AUDIT_MIGRATIONS,
  stores: ({ database, env }) => createStores(database, envelopeFor(env)),
  services: createServices,
  // Verifies its own tokens: local keys, revocations read from its database.
  verifier: ({ services }) => services.verifier,
  context: ({ services }) => ({ services, loaders: createLoaders(services) }),
  routes: (app, { env, services, verifier }) => {
    mountWellKnown(app, services.keys, env.AUTH_ISSUER);
    mountTokenEndpoint(app, services.clients, services.limiter);
    mountRevocations(app, services.revocations, verifier);
  },
  jobs: ({ services }) => [services.keys],
  api: identityTools,
  announce: (url, env) => ({ issuer: env.AUTH_ISSUER, jwks: `${url}/.well-known/jwks.json` }),
});

/** Builds the identity service (tests, tools, seeds); `identity.main()` runs the deployable. */
export const createIdentityService = identity.create;
export type IdentityService = Awaited<ReturnType<typeof createIdentityService>>;
