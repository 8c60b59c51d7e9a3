import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { TokenVerifier } from '../src/auth';

// An external OIDC issuer (Keycloak-shaped token) replacing the built-in one by configuration.
describe('TokenVerifier claim mapping', async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'kc', alg: 'ES256' };
  const keycloak = (claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'kc' })
      .setIssuer('https://sso.clinic.example/realms/medikamente')
      .setAudience('medikamente-api')
      .setSubject('f7c1c0de-0000-4000-8000-000000000001')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  const verifier = new TokenVerifier({
    issuer: 'https://sso.clinic.example/realms/medikamente',
    audience: 'medikamente-api',
    jwks: createLocalJWKSet({ keys: [jwk] }),
    claims: {
      typ: 'Bearer',
      role: 'realm_access.roles',
      patientId: 'patient_id',
      branchIds: 'branches',
      knownRoles: ['patient', 'receptionist', 'doctor'],
    },
  });

  it('maps role arrays, patient id and branches from configured claim paths', async () => {
    const token = await keycloak({
      typ: 'Bearer',
      realm_access: { roles: ['offline_access', 'receptionist'] },
      branches: ['b1'],
    });
    expect(await verifier.verify(token)).toMatchObject({
      role: 'receptionist',
      branchIds: ['b1'],
      patientId: null,
      kind: 'user',
    });
    const patient = await keycloak({
      typ: 'Bearer',
      realm_access: { roles: ['patient'] },
      patient_id: 'p-1',
    });
    expect(await verifier.verify(patient)).toMatchObject({ role: 'patient', patientId: 'p-1' });
  });

  it('gives no role when none of the token’s roles is known, and refuses the wrong typ', async () => {
    const none = await keycloak({ typ: 'Bearer', realm_access: { roles: ['offline_access'] } });
    expect((await verifier.verify(none)).role).toBeNull();
    await expect(
      verifier.verify(await keycloak({ typ: 'ID', realm_access: { roles: ['patient'] } })),
    ).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });
});

describe('revoked tokens', async () => {
  const { createTestIssuer } = await import('../src/testing/issuer');
  const { AuthError } = await import('../src/errors');
  const { createMetrics } = await import('../src/metrics');
  const { bearerAuth } = await import('../src/http');
  const express = (await import('express')).default;

  it('tell a dismissed account from a signed-out session, and count only the first as a security event', async () => {
    const t = await createTestIssuer();
    const dismissed = await t.sign({ role: 'doctor', sub: 'dismissed-doctor', sid: 's1' });
    const signedOut = await t.sign({ role: 'doctor', sub: 'other-doctor', sid: 's2' });
    const later = Math.floor(Date.now() / 1000) + 5;
    t.revocations.accounts['dismissed-doctor'] = later;
    t.revocations.sessions.s2 = later;
    await t.verifier.refresh();
    const refusal = async (token: string) => {
      try {
        await t.verifier.verify(token);
        return null;
      } catch (e) {
        return e instanceof AuthError ? [e.code, e.revoked] : e;
      }
    };
    expect(await refusal(dismissed)).toEqual(['TOKEN_REVOKED', 'account']);
    expect(await refusal(signedOut)).toEqual(['TOKEN_REVOKED', 'session']);

    const metrics = createMetrics('test');
    const app = express();
    app.use(bearerAuth(t.verifier, { allowAnonymous: false, metrics }));
    app.get('/', (_req, res) => res.send('ok'));
    const server = app.listen(0);
    const port = (server.address() as { port: number }).port;
    for (const token of [dismissed, signedOut, signedOut])
      expect(
        (await fetch(`http://127.0.0.1:${port}/`, { headers: { authorization: `Bearer ${token}` } })).status,
      ).toBe(401);
    server.close();
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/revoked_account_token_uses_total\{service="test"\} 1\n/);
    expect(text).toMatch(/auth_failures_total\{code="TOKEN_REVOKED",service="test"\} 3\n/);
  });
});
