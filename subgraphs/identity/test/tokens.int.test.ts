import { randomUUID } from 'node:crypto';
import { codes } from '@medikamente/runtime/testing';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityService } from '../src/service';
import { claimsOf, type IdentityHarness, startIdentity } from './harness';

let h: IdentityHarness;
beforeAll(async () => {
  h = await startIdentity();
});
afterAll(() => h?.stop());

const ME = '{ me { id } }';

const tokenRequest = (body: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${h.base}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(body).toString(),
  });

async function createLabClient() {
  const admin = await h.accountWithToken({ role: 'it_admin' });
  const r = await h.query(
    `mutation($i: CreatePartnerClientInput!) { createPartnerClient(input: $i) { ok inputErrors { code } clientId clientSecret name role scopes } }`,
    {
      i: {
        name: 'Лаборатория «Гемотест»',
        role: 'lab_partner',
        scopes: ['lab:orders:read', 'lab:results:write'],
      },
    },
    admin.token,
  );
  expect(r.data.createPartnerClient).toMatchObject({
    ok: true,
    role: 'lab_partner',
    scopes: ['lab:orders:read', 'lab:results:write'],
  });
  return r.data.createPartnerClient as { clientId: string; clientSecret: string };
}

/** Signs a token with this service's own key; `claims`/`opts` bend one property at a time. */
async function ownKeyToken(
  claims: Record<string, unknown>,
  opts: { audience?: string; iat?: number; exp?: number } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ typ: 'access', role: 'patient', pid: randomUUID(), sid: randomUUID(), ...claims })
    .setProtectedHeader({ alg: 'EdDSA', kid: h.service.keys.kid })
    .setIssuer(h.env.AUTH_ISSUER)
    .setAudience(opts.audience ?? h.env.AUTH_AUDIENCE)
    .setSubject(randomUUID())
    .setIssuedAt(opts.iat ?? now)
    .setExpirationTime(opts.exp ?? now + 300)
    .sign(h.service.keys.privateKey);
}

describe('client credentials', () => {
  it('issues a lab_partner token with its scopes for a valid secret (form body and HTTP Basic)', async () => {
    const c = await createLabClient();
    const res = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: c.clientId,
      client_secret: c.clientSecret,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as any;
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: h.env.ACCESS_TOKEN_TTL_SEC,
      scope: 'lab:orders:read lab:results:write',
    });
    expect(claimsOf(body.access_token)).toMatchObject({
      sub: c.clientId,
      role: 'lab_partner',
      scope: 'lab:orders:read lab:results:write',
      typ: 'access',
    });
    expect(claimsOf(body.access_token).pid).toBeUndefined();
    const principal = await h.service.verifier.verify(body.access_token);
    expect(principal).toMatchObject({
      kind: 'client',
      role: 'lab_partner',
      scopes: ['lab:orders:read', 'lab:results:write'],
    });
    // The token is valid here too, but `me` is not an operation for machine clients.
    expect(codes(await h.query(ME, {}, body.access_token))).toEqual(['FORBIDDEN']);

    const basic = Buffer.from(
      `${encodeURIComponent(c.clientId)}:${encodeURIComponent(c.clientSecret)}`,
    ).toString('base64');
    const viaBasic = await tokenRequest(
      { grant_type: 'client_credentials', scope: 'lab:orders:read' },
      { authorization: `Basic ${basic}` },
    );
    expect(viaBasic.status).toBe(200);
    expect(((await viaBasic.json()) as any).scope).toBe('lab:orders:read');

    const json = await fetch(`${h.base}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: c.clientId,
        client_secret: c.clientSecret,
      }),
    });
    expect(json.status).toBe(200);
  });

  it('refuses a wrong secret or unknown client with 401 invalid_client', async () => {
    const c = await createLabClient();
    const wrong = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: c.clientId,
      client_secret: `${c.clientSecret}x`,
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: 'invalid_client' });
    const unknown = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: 'lab_nope',
      client_secret: c.clientSecret,
    });
    expect(unknown.status).toBe(401);
    const noGrant = await tokenRequest({
      grant_type: 'password',
      client_id: c.clientId,
      client_secret: c.clientSecret,
    });
    expect(noGrant.status).toBe(400);
    expect(await noGrant.json()).toEqual({ error: 'unsupported_grant_type' });
    const tooWide = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: c.clientId,
      client_secret: c.clientSecret,
      scope: 'admin',
    });
    expect(tooWide.status).toBe(400);
    expect(await tooWide.json()).toEqual({ error: 'invalid_scope' });
  });

  it("never grants the platform's internal scopes through the API (events, gateway, SDL, revocations, audit)", async () => {
    const admin = await h.accountWithToken({ role: 'it_admin' });
    for (const scope of [
      'events:write',
      'events:write:schedule',
      'gateway',
      'subgraph:sdl',
      'revocations:read',
      'audit:read',
    ]) {
      const r = await h.query(
        'mutation($i: CreatePartnerClientInput!) { createPartnerClient(input: $i) { ok inputErrors { field code } clientId } }',
        { i: { name: 'Интеграция', role: 'service', scopes: ['lab:orders:read', scope] } },
        admin.token,
      );
      expect(r.data.createPartnerClient, scope).toEqual({
        ok: false,
        inputErrors: [{ field: 'scopes', code: 'FORBIDDEN' }],
        clientId: null,
      });
    }
  });

  it('lets only IT admins register clients', async () => {
    const doctor = await h.accountWithToken({ role: 'doctor' });
    const r = await h.query(
      'mutation { createPartnerClient(input: { name: "x", role: lab_partner, scopes: [] }) { ok } }',
      {},
      doctor.token,
    );
    expect(codes(r)).toEqual(['FORBIDDEN']);
  });
});

describe('bearer token verification on /graphql', () => {
  it('accepts a token signed by its own key (control)', async () => {
    const account = await h.service.createAccount({ role: 'patient' });
    const r = await h.query(ME, {}, await h.service.issueTokenFor(account.accountId));
    expect(r.status).toBe(200);
    expect(r.data.me.id).toBe(account.accountId);
  });

  it('refuses a token signed by another key with 401 TOKEN_INVALID', async () => {
    const other = await generateKeyPair('EdDSA');
    const now = Math.floor(Date.now() / 1000);
    for (const kid of [h.service.keys.kid, 'unknown-kid']) {
      const forged = await new SignJWT({ typ: 'access', role: 'it_admin', sid: randomUUID() })
        .setProtectedHeader({ alg: 'EdDSA', kid })
        .setIssuer(h.env.AUTH_ISSUER)
        .setAudience(h.env.AUTH_AUDIENCE)
        .setSubject(randomUUID())
        .setIssuedAt(now)
        .setExpirationTime(now + 300)
        .sign(other.privateKey);
      const r = await h.query(ME, {}, forged);
      expect(r.status).toBe(401);
      expect(codes(r)).toEqual(['TOKEN_INVALID']);
    }
  });

  it('refuses an expired token with 401 TOKEN_EXPIRED', async () => {
    const now = Math.floor(Date.now() / 1000);
    const r = await h.query(ME, {}, await ownKeyToken({}, { iat: now - 900, exp: now - 600 }));
    expect(r.status).toBe(401);
    expect(codes(r)).toEqual(['TOKEN_EXPIRED']);
  });

  it('refuses a wrong audience, a non-access token and garbage with 401 TOKEN_INVALID', async () => {
    for (const token of [
      await ownKeyToken({}, { audience: 'some-other-api' }),
      await ownKeyToken({ typ: 'refresh' }),
      'not.a.jwt',
    ]) {
      const r = await h.query(ME, {}, token);
      expect(r.status).toBe(401);
      expect(codes(r)).toEqual(['TOKEN_INVALID']);
    }
  });
});

describe('discovery', () => {
  it('publishes the active public key only, without private members', async () => {
    const res = await fetch(`${h.base}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    const { keys } = (await res.json()) as { keys: Record<string, unknown>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({
      kty: 'OKP',
      crv: 'Ed25519',
      alg: 'EdDSA',
      use: 'sig',
      kid: h.service.keys.kid,
    });
    for (const k of keys)
      for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) expect(k).not.toHaveProperty(member);
  });

  it('serves OpenID/OAuth metadata', async () => {
    const meta = await (await fetch(`${h.base}/.well-known/openid-configuration`)).json();
    expect(meta).toMatchObject({
      issuer: h.env.AUTH_ISSUER,
      jwks_uri: `${h.env.AUTH_ISSUER}/.well-known/jwks.json`,
      token_endpoint: `${h.env.AUTH_ISSUER}/oauth/token`,
      grant_types_supported: ['client_credentials'],
    });
  });

  it('keeps the signing key across restarts (stored, not regenerated)', async () => {
    const restarted = await createIdentityService(h.env, { database: h.service.database });
    try {
      expect(restarted.keys.kid).toBe(h.service.keys.kid);
      const token = await restarted.issueAccessToken({
        subject: randomUUID(),
        role: 'service',
        scopes: ['consent:read'],
      });
      expect((await h.service.verifier.verify(token.token)).role).toBe('service');
    } finally {
      await restarted.close();
    }
  });
});
