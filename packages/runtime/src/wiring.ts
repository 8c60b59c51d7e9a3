import { TokenVerifier } from './auth';
import { type CommonEnv, claimMappingFromEnv } from './env';
import { ClientCredentials } from './events/client-credentials';

/**
 * This deployable's own machine client (SERVICE_CLIENT_ID / _SECRET), or undefined when not
 * configured. `scope` asks for the scopes the deployable needs (space-separated).
 */
export function serviceCredentials(env: CommonEnv, scope: string): ClientCredentials | undefined {
  if (!env.SERVICE_CLIENT_ID || !env.SERVICE_CLIENT_SECRET) return undefined;
  return new ClientCredentials({
    tokenUrl: env.AUTH_TOKEN_URL ?? `${env.AUTH_ISSUER}/oauth/token`,
    clientId: env.SERVICE_CLIENT_ID,
    clientSecret: env.SERVICE_CLIENT_SECRET,
    scope,
  });
}

/**
 * The token verifier every deployable but identity uses: JWKS and revocation list from the
 * issuer (or AUTH_JWKS_URL / AUTH_REVOCATIONS_URL), the revocation list read with the
 * deployable's own service token, claim mapping from AUTH_*.
 */
export function verifierFromEnv(
  env: CommonEnv,
  knownRoles: readonly string[],
  credentials?: { token(): Promise<string> },
): TokenVerifier {
  return new TokenVerifier({
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    jwks: env.AUTH_JWKS_URL ?? `${env.AUTH_ISSUER}/.well-known/jwks.json`,
    revocations: env.AUTH_REVOCATIONS_URL ?? `${env.AUTH_ISSUER}/internal/revocations`,
    revocationsToken: credentials ? () => credentials.token().catch(() => null) : undefined,
    revocationPollMs: env.AUTH_REVOCATION_POLL_MS,
    claims: { ...claimMappingFromEnv(env), knownRoles },
  });
}
