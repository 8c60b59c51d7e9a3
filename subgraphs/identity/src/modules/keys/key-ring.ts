import { randomUUID } from 'node:crypto';
import {
  type CryptoKey,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';
import type { KeyStore, StoredKey } from './key.store';

export const SIGNING_ALG = 'EdDSA';

/** Public members only: a JWK without "d" (and any other private member). */
function publicOnly(k: JWK, kid: string): JWK {
  return { kty: k.kty, crv: k.crv, x: k.x, kid, alg: SIGNING_ALG, use: 'sig' };
}

async function generateKey(): Promise<Omit<StoredKey, 'active'>> {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const kid = randomUUID();
  return {
    kid,
    alg: SIGNING_ALG,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALG },
    publicJwk: publicOnly(await exportJWK(publicKey), kid),
  };
}

/**
 * The service's signing key (Ed25519), created on first start and kept in its database. Keys
 * never live in the repository. Rotation is a new active row; the published JWKS then holds
 * the new key.
 */
export class KeyRing {
  private constructor(
    readonly kid: string,
    readonly privateKey: CryptoKey,
    private readonly publicJwk: JWK,
    /** Key getter for verifying this service's own tokens without an HTTP round trip. */
    readonly getKey: JWTVerifyGetKey,
  ) {}

  static async load(store: KeyStore): Promise<KeyRing> {
    const k = await store.ensureActive(generateKey);
    const privateKey = (await importJWK(k.privateJwk, SIGNING_ALG)) as CryptoKey;
    const pub = publicOnly(k.publicJwk, k.kid);
    return new KeyRing(k.kid, privateKey, pub, createLocalJWKSet({ keys: [pub] }));
  }

  /** The JWKS document: the active public key only. */
  publicJwks(): { keys: JWK[] } {
    return { keys: [{ ...this.publicJwk }] };
  }
}
