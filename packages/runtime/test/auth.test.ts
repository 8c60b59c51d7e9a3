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
