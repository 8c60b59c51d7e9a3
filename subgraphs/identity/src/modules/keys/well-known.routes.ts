import type express from 'express';
import { type KeyRing, SIGNING_ALG } from './key-ring';

/** A JWKS answer is at most this old: a key another replica has just made active is soon listed. */
const JWKS_FRESH_MS = 5000;

/**
 * Discovery documents: the JWKS (public keys: the active one and retired ones still in their
 * overlap window) and a minimal OpenID/OAuth metadata document.
 */
export function mountWellKnown(app: express.Express, keys: KeyRing, issuer: string): void {
  const base = issuer.replace(/\/+$/, '');
  app.get('/.well-known/jwks.json', async (_req, res) => {
    try {
      await keys.fresh(JWKS_FRESH_MS);
    } catch {
      // The keys read last are still right for a while; the next request reads again.
    }
    // Short: verifiers that cache by HTTP headers learn a rotation within a minute.
    res.set('Cache-Control', 'public, max-age=60');
    res.json(keys.publicJwks());
  });
  app.get('/.well-known/openid-configuration', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300');
    res.json({
      issuer,
      jwks_uri: `${base}/.well-known/jwks.json`,
      token_endpoint: `${base}/oauth/token`,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      response_types_supported: ['token'],
      subject_types_supported: ['public'],
      access_token_signing_alg_values_supported: [SIGNING_ALG],
      claims_supported: [
        'iss',
        'aud',
        'sub',
        'iat',
        'exp',
        'jti',
        'typ',
        'role',
        'pid',
        'bid',
        'sid',
        'amr',
        'scope',
      ],
    });
  });
}
