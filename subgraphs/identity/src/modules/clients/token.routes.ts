import type { RateLimiter } from '@medikamente/runtime';
import express from 'express';
import type { Clients } from './clients';

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** RFC 6749 §2.3.1: Basic credentials are form-urlencoded before base64. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 1) return null;
  try {
    return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
  } catch {
    return null;
  }
}

/** POST /oauth/token — the client-credentials grant for partner labs and internal services. */
export function mountTokenEndpoint(app: express.Express, clients: Clients, limiter: RateLimiter): void {
  app.post(
    '/oauth/token',
    express.urlencoded({ extended: false, limit: '8kb' }),
    express.json({ limit: '8kb' }),
    async (req, res) => {
      res.set('Cache-Control', 'no-store');
      res.set('Pragma', 'no-cache');
      const oauthError = (status: number, error: string) => {
        if (status === 401) res.set('WWW-Authenticate', 'Basic realm="medikamente"');
        res.status(status).json({ error });
      };
      try {
        const body = (req.body ?? {}) as Record<string, unknown>;
        const grant = str(body.grant_type);
        if (!grant) return oauthError(400, 'invalid_request');
        if (grant !== 'client_credentials') return oauthError(400, 'unsupported_grant_type');
        const basic = basicCredentials(req.header('authorization'));
        const clientId = basic?.id ?? str(body.client_id);
        const secret = basic?.secret ?? str(body.client_secret);
        if (!clientId || !secret) return oauthError(401, 'invalid_client');
        if (!(await limiter.hit('token', clientId, req.socket.remoteAddress)).allowed)
          return oauthError(429, 'temporarily_unavailable');
        const client = await clients.authenticate(clientId, secret);
        if (!client) return oauthError(401, 'invalid_client');
        const scope = str(body.scope);
        const issued = await clients.issueToken(client, scope ? scope.split(' ').filter(Boolean) : null);
        if (!issued) return oauthError(400, 'invalid_scope');
        res.json({
          access_token: issued.token,
          token_type: 'Bearer',
          expires_in: issued.expiresIn,
          scope: issued.scopes.join(' '),
        });
      } catch {
        oauthError(500, 'server_error');
      }
    },
  );
}
