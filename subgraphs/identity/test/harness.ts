import { randomUUID } from 'node:crypto';
import { createTestDatabase, type GraphQLResponse, gql } from '@medikamente/runtime/testing';
import { decodeJwt } from 'jose';
import { codeIn, startDevMailbox } from '../../../scripts/dev-mailbox';
import { loadIdentityEnv } from '../src/env';
import { normalizeLogin } from '../src/modules/accounts/credentials';
import { createIdentityService, type NewAccountInput } from '../src/service';

/** A unique e-mail login per test, so tests never share accounts. */
export const uniqueLogin = (label = 'u') => `${label}-${randomUUID()}@example.test`;

export const AUTH_FIELDS = `ok inputErrors { field code message } accessToken refreshToken expiresIn
  account { id login displayName role patientId branchIds totpEnabled dismissedAt }`;

export const SIGN_UP = `mutation($i: SignUpPatientInput!) {
  signUpPatient(input: $i) { ok inputErrors { field code message } verificationId channel expiresAt }
}`;
export const CONFIRM_SIGN_UP = `mutation($id: ID!, $code: String!) {
  confirmSignUp(verificationId: $id, code: $code) { ${AUTH_FIELDS} }
}`;

/**
 * Starts the identity subgraph over real HTTP on a fresh database: a new Postgres database
 * when a server answers (TEST_DATABASE_URL or 127.0.0.1:5432), embedded PGlite otherwise.
 * Sign-up codes go to a real local SMTP server and SMS endpoint (the development mailbox).
 */
export async function startIdentity(envOverrides: Record<string, string> = {}) {
  const db = await createTestDatabase('identity');
  const mailbox = await startDevMailbox();
  const env = loadIdentityEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    ...mailbox.env,
    ...(db.url ? { IDENTITY_DATABASE_URL: db.url } : {}),
    ...envOverrides,
  });
  const service = await createIdentityService(env);
  const running = await service.listen(0);
  const base = running.url;
  const url = `${base}/graphql`;

  const query = <T = any>(
    q: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GraphQLResponse<T>> => gql<T>(url, q, variables, token ? { token } : {});

  const signIn = async (login: string, password: string, totpCode?: string) =>
    (
      await query(`mutation($i: SignInInput!) { signIn(input: $i) { ${AUTH_FIELDS} } }`, {
        i: { login, password, totpCode },
      })
    ).data?.signIn;

  /** Step 1 of sign-up: the SignUpPayload. */
  const startSignUp = async (
    login: string,
    password = 'correct-horse-1',
    displayName = 'Петров Пётр Петрович',
  ) => (await query(SIGN_UP, { i: { login, password, displayName } })).data?.signUpPatient;

  /** Step 2: the AuthPayload. */
  const confirmSignUp = async (verificationId: string, code: string) =>
    (await query(CONFIRM_SIGN_UP, { id: verificationId, code })).data?.confirmSignUp;

  /** The newest message to an address (e-mail or +7 number) received after `since`. */
  const messageTo = (to: string, since = 0) => mailbox.waitFor((m) => m.to === to && m.id > since);

  /** The six-digit code of the newest message to `to` after message `since`. */
  const codeFor = async (to: string, since = 0) => {
    const code = codeIn(await messageTo(to, since));
    if (!code) throw new Error(`the message to ${to} has no code`);
    return code;
  };
  const lastMessageId = () => mailbox.messages().at(-1)?.id ?? 0;

  /** Both steps of sign-up with the code read from the mailbox; `payload` is confirmSignUp's. */
  const signUp = async (
    login = uniqueLogin('p'),
    password = 'correct-horse-1',
    displayName = 'Петров Пётр Петрович',
  ) => {
    const since = lastMessageId();
    const started = await startSignUp(login, password, displayName);
    if (!started?.ok) return { login, password, started, payload: null as any };
    const normalized = normalizeLogin(login);
    const to = normalized.ok ? normalized.value : login;
    const code = await codeFor(to, since);
    return { login, password, started, code, payload: await confirmSignUp(started.verificationId, code) };
  };

  const refresh = async (refreshToken: string) =>
    (
      await query(`mutation($t: String!) { refreshSession(refreshToken: $t) { ${AUTH_FIELDS} } }`, {
        t: refreshToken,
      })
    ).data?.refreshSession;

  /** An account plus an access token of a normal session. */
  const accountWithToken = async (input: NewAccountInput) => {
    const account = await service.createAccount(input);
    return { ...account, token: await service.issueTokenFor(account.accountId) };
  };

  // Other services read the revocation list with their own service credential.
  const reader = await service.createClient({
    role: 'service',
    scopes: ['revocations:read'],
    name: 'reader',
  });
  const readerToken = async () =>
    (
      await service.issueAccessToken({
        subject: reader.clientId,
        role: 'service',
        scopes: ['revocations:read'],
      })
    ).token;
  const revocations = async () =>
    (
      await fetch(`${base}/internal/revocations`, {
        headers: { authorization: `Bearer ${await readerToken()}` },
      })
    ).json() as Promise<{
      sessions: Record<string, number>;
      accounts: Record<string, number>;
    }>;

  return {
    env,
    service,
    base,
    /** A token that may read /internal/revocations (role service, scope revocations:read). */
    readerToken,
    url,
    query,
    signIn,
    signUp,
    startSignUp,
    confirmSignUp,
    messageTo,
    codeFor,
    lastMessageId,
    mailbox,
    refresh,
    accountWithToken,
    revocations,
    async stop() {
      await service.close();
      await mailbox.close();
      await db.drop();
    },
  };
}
export type IdentityHarness = Awaited<ReturnType<typeof startIdentity>>;

/** The claims of a token (no verification; tests verify separately). */
export const claimsOf = (token: string) => decodeJwt(token) as Record<string, any>;
