import { fileURLToPath } from 'node:url';
import { type ChannelAdapter, channelsFromEnv } from '@medikamente/notifications';
import {
  AUDIT_MIGRATION,
  connectRedis,
  createLogger,
  createRateLimiter,
  createSubgraph,
  type Database,
  EnvelopeError,
  limitsFromEnv,
  openDatabase,
  type Revocations,
  type RunningServer,
  type Subgraph,
  TokenVerifier,
} from '@medikamente/runtime';
import { loadPolicy } from '@medikamente/schema';
import type { DocumentNode } from 'graphql';
import { randomToken } from './common/crypto';
import { loadEnvelope } from './common/master-key';
import { createLoaders, type Services } from './context';
import type { IdentityEnv } from './env';
import { AccountService } from './modules/accounts/account.service';
import { AccountStore } from './modules/accounts/account.store';
import { tokenSubject } from './modules/accounts/account.view';
import { AuthService } from './modules/accounts/auth.service';
import { type AccountRole, isStaffRole } from './modules/accounts/credentials';
import { type ClientRole, ClientStore } from './modules/clients/client.store';
import { Clients } from './modules/clients/clients';
import { mountTokenEndpoint } from './modules/clients/token.routes';
import { KeyStore } from './modules/keys/key.store';
import { KeyRing } from './modules/keys/key-ring';
import { mountWellKnown } from './modules/keys/well-known.routes';
import { SignUpService } from './modules/signup/signup.service';
import { SignUpStore, type VerificationChannel } from './modules/signup/signup.store';
import { type AccessTokenInput, AccessTokenIssuer } from './modules/tokens/access-token';
import { mountRevocations, revocationReader } from './modules/tokens/revocations';
import { SessionStore } from './modules/tokens/session.store';
import { Sessions } from './modules/tokens/sessions';
import { identityResolvers, identityTypeDefs } from './schema';

const MIGRATIONS_DIR = fileURLToPath(new URL('./db/migrations', import.meta.url));

/** Input of the `createAccount` helper used by tests and seeds of other packages. */
export type NewAccountInput = {
  role: AccountRole;
  login?: string;
  password?: string;
  /** Patients only; a new random id when omitted. */
  patientId?: string;
  branchIds?: string[];
  displayName?: string;
  /** Enrol TOTP (staff): the account then needs a code at sign-in; the secret is returned. */
  totp?: boolean;
};
export type CreatedAccount = {
  accountId: string;
  patientId: string | null;
  login: string;
  password: string;
  /** Base32 TOTP secret when created with `totp: true`, else null. */
  totpSecret: string | null;
};

export type IdentityService = {
  subgraph: Subgraph;
  database: Database;
  stores: {
    accounts: AccountStore;
    sessions: SessionStore;
    clients: ClientStore;
    keys: KeyStore;
    signUps: SignUpStore;
  };
  services: Services;
  keys: KeyRing;
  /** Verifies this service's own tokens (local keys, revocations read from the database). */
  verifier: TokenVerifier;
  typeDefs: DocumentNode;
  /** Signs an access token directly (no session); for machine tokens in tests and tools. */
  issueAccessToken(input: AccessTokenInput): Promise<{ token: string; expiresIn: number }>;
  /** Creates an account (validated like the API does, TOTP enrolled on request); throws listing the error codes. */
  createAccount(input: NewAccountInput): Promise<CreatedAccount>;
  /** Opens a normal session for the account and returns its access token. */
  issueTokenFor(accountId: string, opts?: { amr?: string[] }): Promise<string>;
  /** Registers a machine client; the secret is returned once. */
  createClient(input: {
    role: ClientRole;
    scopes?: string[];
    name?: string;
  }): Promise<{ clientId: string; clientSecret: string }>;
  revocations(): Promise<Revocations>;
  /** Starts HTTP; servers opened here are closed by `close()`. */
  listen(port?: number, host?: string): Promise<RunningServer>;
  close(): Promise<void>;
};

/** Wires the identity subgraph: database and migrations, signing keys, domain services, routes. */
export async function createIdentityService(
  env: IdentityEnv,
  opts: { database?: Database } = {},
): Promise<IdentityService> {
  const database =
    opts.database ??
    (await openDatabase({
      url: env.IDENTITY_DATABASE_URL,
      dataDir: env.DATA_DIR,
      migrationsDir: MIGRATIONS_DIR,
      migrations: [AUDIT_MIGRATION],
    }));
  const logger = createLogger('identity', env.LOG_LEVEL);
  const envelope = loadEnvelope(env);
  const stores = {
    accounts: new AccountStore(database, envelope),
    sessions: new SessionStore(database),
    clients: new ClientStore(database),
    keys: new KeyStore(database, envelope),
    signUps: new SignUpStore(database),
  };
  let keys: KeyRing;
  try {
    // Rows from before encryption at rest (or under a previous master key) are sealed first.
    await stores.keys.sealAtRest();
    const totp = await stores.accounts.sealAtRest();
    if (totp.unreadable > 0)
      logger.warn({ accounts: totp.unreadable }, 'TOTP secrets that fail authentication were left unread');
    keys = await KeyRing.load(stores.keys, {
      accessTokenTtlSec: env.ACCESS_TOKEN_TTL_SEC,
      refreshSec: env.SIGNING_KEY_REFRESH_SEC,
      maxAgeDays: env.SIGNING_KEY_MAX_AGE_DAYS,
      onRotated: (r) => logger.info(r, 'signing key rotated'),
      onError: (e) => logger.warn({ err: (e as Error).message }, 'signing keys not re-read'),
    });
  } catch (e) {
    if (!opts.database) await database.close();
    if (e instanceof EnvelopeError)
      throw new Error(
        `identity: the configured master key cannot open the secrets in this database (${e.message}). ` +
          'Configure the key they were sealed with (IDENTITY_MASTER_KEY or IDENTITY_MASTER_KEY_FILE); ' +
          'an older key goes in IDENTITY_PREVIOUS_MASTER_KEYS.',
      );
    throw e;
  }
  keys.start();
  const readRevocations = revocationReader(stores, env.ACCESS_TOKEN_TTL_SEC);
  const verifier = new TokenVerifier({
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    jwks: keys.getKey,
    revocations: readRevocations,
    revocationPollMs: env.AUTH_REVOCATION_POLL_MS,
  });
  // This replica learns of its own revocations at once; others within one poll interval.
  const onRevoked = () => verifier.refresh();
  const issuer = new AccessTokenIssuer(keys, {
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    ttlSec: env.ACCESS_TOKEN_TTL_SEC,
  });
  const sessions = new Sessions(stores.sessions, issuer, env.REFRESH_TOKEN_TTL_SEC, onRevoked);
  // Attempt counters shared by every replica through Redis when REDIS_URL is set.
  const redis = env.REDIS_URL ? connectRedis(env.REDIS_URL) : undefined;
  const limiter = createRateLimiter(
    'identity-login',
    { points: env.LOGIN_RATE_LIMIT, durationSec: env.LOGIN_RATE_WINDOW_SEC },
    redis,
  );
  const channels = verificationChannels(env);
  const services: Services = {
    auth: new AuthService(stores.accounts, sessions, limiter, {
      lockoutThreshold: env.LOCKOUT_THRESHOLD,
      lockoutMinutes: env.LOCKOUT_MINUTES,
      requireStaffTotp: env.REQUIRE_STAFF_TOTP,
    }),
    accounts: new AccountService(stores.accounts, stores.sessions, database.tx, env.TOTP_ISSUER, onRevoked),
    accountStore: stores.accounts,
    clients: new Clients(stores.clients, issuer),
    signUp: new SignUpService(
      stores.signUps,
      stores.accounts,
      sessions,
      channels,
      {
        perAddress: limiter,
        perLogin: createRateLimiter(
          'identity-signup-login',
          { points: env.SIGNUP_MESSAGES_PER_HOUR, durationSec: 3600 },
          redis,
        ),
      },
      {
        codeTtlSec: env.SIGNUP_CODE_TTL_SEC,
        maxAttempts: env.SIGNUP_CODE_MAX_ATTEMPTS,
        codeKey: envelope.deriveKey('identity/signup-code'),
      },
    ),
    keys,
  };
  if (channels.size === 0)
    logger.warn('no NOTIFY_SMTP_URL or NOTIFY_SMS_URL: patients cannot sign up (no code can be sent)');

  const subgraph = await createSubgraph({
    name: 'identity',
    typeDefs: identityTypeDefs,
    resolvers: identityResolvers,
    policy: loadPolicy(),
    database,
    verifier,
    limits: limitsFromEnv(env),
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    production: env.NODE_ENV === 'production',
    logger,
    extendContext: () => ({ services, loaders: createLoaders(services) }),
    routes: (app) => {
      mountWellKnown(app, keys, env.AUTH_ISSUER);
      mountTokenEndpoint(app, services.clients, limiter);
      mountRevocations(app, readRevocations, verifier);
    },
  });

  const servers: RunningServer[] = [];
  return {
    subgraph,
    database,
    stores,
    services,
    keys,
    verifier,
    typeDefs: identityTypeDefs,
    issueAccessToken: async (input) => {
      const t = await issuer.issue(input);
      return { token: t.token, expiresIn: t.expiresIn };
    },
    createAccount: async (input) => {
      const password = input.password ?? `pw-${randomToken(12)}`;
      const r = await services.accounts.create({
        login:
          input.login ??
          `${input.role}.${randomToken(9)
            .toLowerCase()
            .replace(/[^a-z0-9]/g, 'x')}@example.test`,
        password,
        role: input.role,
        displayName: input.displayName ?? null,
        branchIds: input.branchIds ?? [],
        patientId: input.patientId ?? null,
      });
      if (!r.ok)
        throw new Error(`createAccount failed: ${r.errors.map((e) => `${e.field}:${e.code}`).join(', ')}`);
      const totpSecret = input.totp ? await services.accounts.enrolTotp(r.value.id) : null;
      return {
        accountId: r.value.id,
        patientId: r.value.patientId,
        login: r.value.login,
        password,
        totpSecret,
      };
    },
    issueTokenFor: async (accountId, o = {}) => {
      const account = await stores.accounts.byId(accountId);
      if (!account || account.dismissedAt) throw new Error('issueTokenFor: no active account with this id');
      // A tool/test session stands for a completed sign-in: staff with their second factor.
      const amr = o.amr ?? (isStaffRole(account.role) ? ['pwd', 'otp'] : ['pwd']);
      return (await sessions.start(tokenSubject(account), amr)).accessToken;
    },
    createClient: async (input) => {
      const r = await services.clients.create({
        name: input.name ?? `test ${input.role}`,
        role: input.role,
        scopes: input.scopes ?? [],
      });
      if (!r.ok)
        throw new Error(`createClient failed: ${r.errors.map((e) => `${e.field}:${e.code}`).join(', ')}`);
      return { clientId: r.value.client.clientId, clientSecret: r.value.clientSecret };
    },
    revocations: readRevocations,
    listen: async (port, host) => {
      const s = await subgraph.listen(port, host);
      servers.push(s);
      return s;
    },
    close: async () => {
      await Promise.all(servers.splice(0).map((s) => s.close()));
      verifier.stop();
      keys.stop();
      for (const c of channels.values()) (c as { close?: () => void }).close?.();
      if (!opts.database) await database.close();
    },
  };
}

/** The channels sign-up codes go through: e-mail (SMTP) and SMS, each when configured. */
function verificationChannels(env: IdentityEnv): Map<VerificationChannel, ChannelAdapter> {
  const adapters = channelsFromEnv({
    NOTIFY_SMTP_URL: env.NOTIFY_SMTP_URL,
    NOTIFY_EMAIL_FROM: env.NOTIFY_EMAIL_FROM,
    NOTIFY_SMS_URL: env.NOTIFY_SMS_URL,
    NOTIFY_SMS_TOKEN: env.NOTIFY_SMS_TOKEN,
    NOTIFY_SMS_SENDER: env.NOTIFY_SMS_SENDER,
  });
  const out = new Map<VerificationChannel, ChannelAdapter>();
  for (const a of adapters) if (a.channel === 'email' || a.channel === 'sms') out.set(a.channel, a);
  return out;
}
