import { randomUUID } from 'node:crypto';
import { loadPolicy } from '@medikamente/schema';
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { type Revocations, TokenVerifier } from '../auth';

/** Roles whose tokens carry a second factor by default in tests (a fully signed-in staff member). */
const SECOND_FACTOR_ROLES = new Set(loadPolicy().secondFactor.roles);

export type TestClaims = {
  role: string;
  sub?: string;
  pid?: string;
  bid?: string[];
  scope?: string;
  sid?: string;
  amr?: string[];
};

/**
 * A token issuer for tests of one subgraph without the identity service: real EdDSA keys,
 * real signatures, and a verifier configured exactly like production (issuer, audience, JWKS).
 */
export async function createTestIssuer(opts: { issuer?: string; audience?: string } = {}) {
  const issuer = opts.issuer ?? 'http://test-issuer.local';
  const audience = opts.audience ?? 'medikamente-api';
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
  const kid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
  const revocations: Revocations = { sessions: {}, accounts: {} };
  const verifier = new TokenVerifier({
    issuer,
    audience,
    jwks: createLocalJWKSet({ keys: [jwk] }),
    revocations: async () => revocations,
    revocationPollMs: 50,
  });

  async function sign(
    claims: TestClaims,
    o: {
      expiresInSec?: number;
      audience?: string;
      issuer?: string;
      typ?: string;
      key?: Parameters<SignJWT['sign']>[0];
    } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      typ: o.typ ?? 'access',
      role: claims.role,
      pid: claims.pid,
      bid: claims.bid,
      scope: claims.scope,
      sid: claims.sid ?? randomUUID(),
      amr: claims.amr ?? (SECOND_FACTOR_ROLES.has(claims.role) ? ['pwd', 'otp'] : ['pwd']),
    })
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .setSubject(claims.sub ?? randomUUID())
      .setIssuer(o.issuer ?? issuer)
      .setAudience(o.audience ?? audience)
      .setIssuedAt(now)
      .setExpirationTime(now + (o.expiresInSec ?? 300))
      .setJti(randomUUID())
      .sign(o.key ?? privateKey);
  }

  /** A token signed by a key the verifier does not know. */
  async function forge(claims: TestClaims): Promise<string> {
    const other = await generateKeyPair('EdDSA');
    return sign(claims, { key: other.privateKey });
  }

  /** The public key set, for serving over HTTP to other processes (benchmarks). */
  const jwks = { keys: [jwk] };
  return { issuer, audience, verifier, sign, forge, revocations, jwks };
}
export type TestIssuer = Awaited<ReturnType<typeof createTestIssuer>>;
