import { randomUUID } from 'node:crypto';
import { createTestDatabase, type GraphQLResponse, gql } from '@medikamente/runtime/testing';
import { decodeJwt } from 'jose';
import { loadIdentityEnv } from '../src/env';
import { createIdentityService, type NewAccountInput } from '../src/service';

/** A unique e-mail login per test, so tests never share accounts. */
export const uniqueLogin = (label = 'u') => `${label}-${randomUUID()}@example.test`;

export const AUTH_FIELDS = `ok inputErrors { field code message } accessToken refreshToken expiresIn
  account { id login displayName role patientId branchIds totpEnabled dismissedAt }`;

/**
 * Starts the identity subgraph over real HTTP on a fresh database: a new Postgres database
 * when a server answers (TEST_DATABASE_URL or 127.0.0.1:5432), embedded PGlite otherwise.
 */
export async function startIdentity(envOverrides: Record<string, string> = {}) {
  const db = await createTestDatabase('identity');
  const env = loadIdentityEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
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

  const signUp = async (
    login = uniqueLogin('p'),
    password = 'correct-horse-1',
    displayName = 'Петров Пётр Петрович',
  ) => {
    const r = await query(
      `mutation($i: SignUpPatientInput!) { signUpPatient(input: $i) { ${AUTH_FIELDS} } }`,
      {
        i: { login, password, displayName },
      },
    );
    return { login, password, payload: r.data?.signUpPatient };
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

  const revocations = async () =>
    (await fetch(`${base}/internal/revocations`)).json() as Promise<{
      sessions: Record<string, number>;
      accounts: Record<string, number>;
    }>;

  return {
    env,
    service,
    base,
    url,
    query,
    signIn,
    signUp,
    refresh,
    accountWithToken,
    revocations,
    async stop() {
      await service.close();
      await db.drop();
    },
  };
}
export type IdentityHarness = Awaited<ReturnType<typeof startIdentity>>;

/** The claims of a token (no verification; tests verify separately). */
export const claimsOf = (token: string) => decodeJwt(token) as Record<string, any>;
