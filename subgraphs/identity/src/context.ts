import {
  type BaseContext,
  type Database,
  type Envelope,
  type Principal,
  RequestAccess,
  type WithStores,
} from '@medikamente/runtime';
import DataLoader from 'dataloader';
import { envelopeFor } from './common/master-key';
import type { IdentityEnv } from './env';
import { AccountService, isUuid } from './modules/accounts/account.service';
import { AccountStore } from './modules/accounts/account.store';
import { type AccountView, accountView } from './modules/accounts/account.view';
import { AuthService } from './modules/accounts/auth.service';
import { ClientStore } from './modules/clients/client.store';
import { Clients } from './modules/clients/clients';
import { KeyStore } from './modules/keys/key.store';
import type { KeyRing } from './modules/keys/key-ring';
import { openKeyRing } from './modules/keys/key-ring.setup';
import { verificationChannels } from './modules/signup/channels';
import { SignUpService } from './modules/signup/signup.service';
import { SignUpStore } from './modules/signup/signup.store';
import { SessionStore } from './modules/tokens/session.store';
import { createTokens } from './modules/tokens/tokens.setup';

/** The subgraph's stores; secrets in them are sealed with the master key's envelope. */
export const createStores = (database: Database, envelope: Envelope) => ({
  accounts: new AccountStore(database, envelope),
  sessions: new SessionStore(database),
  clients: new ClientStore(database),
  keys: new KeyStore(database, envelope),
  signUps: new SignUpStore(database),
});
export type Stores = ReturnType<typeof createStores>;
/** What identity's domain factories get from the kit. */
export type IdentityDeps = WithStores<IdentityEnv, unknown, Stores>;

export type Services = {
  auth: AuthService;
  accounts: AccountService;
  accountStore: AccountStore;
  clients: Clients;
  signUp: SignUpService;
  keys: KeyRing;
};

/** The services plus what routes and tools use: token issuing and verification, the login limiter. */
export type IdentityServices = Awaited<ReturnType<typeof createServices>>;

/** Signing keys, sessions and tokens, sign-in, accounts, clients and sign-up on the stores. */
export async function createServices(deps: IdentityDeps) {
  const { database, env, stores, logger } = deps;
  const keys = await openKeyRing(stores, env, logger);
  const tokens = createTokens(stores, keys, env);
  // Attempt counters shared by every replica through Redis when REDIS_URL is set.
  const limiter = deps.rateLimiter('identity-login', {
    points: env.LOGIN_RATE_LIMIT,
    durationSec: env.LOGIN_RATE_WINDOW_SEC,
  });
  const channels = verificationChannels(env);
  deps.onClose(() => {
    for (const c of channels.values()) (c as { close?: () => void }).close?.();
  });
  if (channels.size === 0)
    logger.warn('no NOTIFY_SMTP_URL or NOTIFY_SMS_URL: patients cannot sign up (no code can be sent)');
  const signUp = new SignUpService(
    stores.signUps,
    stores.accounts,
    tokens.sessions,
    channels,
    {
      perAddress: limiter,
      perLogin: deps.rateLimiter('identity-signup-login', {
        points: env.SIGNUP_MESSAGES_PER_HOUR,
        durationSec: 3600,
      }),
    },
    {
      codeTtlSec: env.SIGNUP_CODE_TTL_SEC,
      maxAttempts: env.SIGNUP_CODE_MAX_ATTEMPTS,
      codeKey: envelopeFor(env).deriveKey('identity/signup-code'),
    },
  );
  const services: Services = {
    auth: new AuthService(stores.accounts, tokens.sessions, limiter, {
      lockoutThreshold: env.LOCKOUT_THRESHOLD,
      lockoutMinutes: env.LOCKOUT_MINUTES,
      requireStaffTotp: env.REQUIRE_STAFF_TOTP,
    }),
    accounts: new AccountService(
      stores.accounts,
      stores.sessions,
      database.tx,
      env.TOTP_ISSUER,
      tokens.onRevoked,
    ),
    accountStore: stores.accounts,
    clients: new Clients(stores.clients, tokens.issuer),
    signUp,
    keys,
  };
  return { ...services, ...tokens, limiter };
}

export type IdentityContext = BaseContext & {
  services: Services;
  loaders: { account: DataLoader<string, AccountView | null> };
};

/** Per-request loaders; `me`, payloads and `_entities` share them (no N+1). */
export function createLoaders(services: Services): IdentityContext['loaders'] {
  return {
    account: new DataLoader(async (ids) => {
      const valid = ids.filter(isUuid);
      const found = await services.accountStore.byIds(valid);
      return ids.map((id) => {
        const a = found.get(id);
        return a ? accountView(a) : null;
      });
    }),
  };
}

/**
 * After a successful sign-in, sign-up or refresh, the Account in the payload is rendered for
 * the account that has just authenticated (so it sees its own contact fields), not for the
 * anonymous bearer. Only field-level decisions change: which operations the request may call
 * is still decided by the bearer token.
 */
export function renderAs(ctx: IdentityContext, principal: Principal): void {
  ctx.access = new RequestAccess(ctx.access.compiled, principal, {}, ctx.access.meta);
}
