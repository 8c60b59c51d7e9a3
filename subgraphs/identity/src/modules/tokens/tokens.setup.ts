import { TokenVerifier } from '@medikamente/runtime';
import type { IdentityEnv } from '../../env';
import type { AccountStore } from '../accounts/account.store';
import type { ClientStore } from '../clients/client.store';
import type { KeyRing } from '../keys/key-ring';
import { AccessTokenIssuer } from './access-token';
import { revocationReader } from './revocations';
import type { SessionStore } from './session.store';
import { Sessions } from './sessions';

/**
 * Token issuing and verification on this service's own keys: the verifier reads revocations
 * from the database, and learns of this replica's own revocations at once (others within one
 * poll interval).
 */
export function createTokens(
  stores: { sessions: SessionStore; accounts: AccountStore; clients: ClientStore },
  keys: KeyRing,
  env: IdentityEnv,
) {
  const revocations = revocationReader(stores, env.ACCESS_TOKEN_TTL_SEC);
  const verifier = new TokenVerifier({
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    jwks: keys.getKey,
    revocations,
    revocationPollMs: env.AUTH_REVOCATION_POLL_MS,
  });
  const onRevoked = () => verifier.refresh();
  const issuer = new AccessTokenIssuer(keys, {
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    ttlSec: env.ACCESS_TOKEN_TTL_SEC,
  });
  const sessions = new Sessions(stores.sessions, issuer, env.REFRESH_TOKEN_TTL_SEC, onRevoked);
  return { verifier, issuer, sessions, revocations, onRevoked };
}
