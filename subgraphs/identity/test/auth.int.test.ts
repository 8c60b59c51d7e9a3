import { TokenVerifier } from '@medikamente/runtime';
import { codes } from '@medikamente/runtime/testing';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsOf, type IdentityHarness, startIdentity, uniqueLogin } from './harness';

let h: IdentityHarness;
beforeAll(async () => {
  h = await startIdentity({ LOCKOUT_THRESHOLD: '3', LOCKOUT_MINUTES: '15' });
});
afterAll(() => h?.stop());

const ME = '{ me { id login displayName role patientId } }';

describe('patient sign-up and sign-in', () => {
  it('issues tokens that verify against the published JWKS with iss, aud, typ and pid', async () => {
    const { login, password, payload } = await h.signUp(uniqueLogin('New.Patient').toUpperCase());
    expect(payload.ok).toBe(true);
    expect(payload.account.role).toBe('patient');
    expect(payload.account.login).toBe(login.toLowerCase());
    expect(payload.account.patientId).toMatch(/^[0-9a-f-]{36}$/);

    const signedIn = await h.signIn(login, password);
    expect(signedIn.ok).toBe(true);
    expect(signedIn.inputErrors).toEqual([]);
    const jwks = createRemoteJWKSet(new URL(`${h.base}/.well-known/jwks.json`));
    const { payload: claims, protectedHeader } = await jwtVerify(signedIn.accessToken, jwks, {
      issuer: h.env.AUTH_ISSUER,
      audience: h.env.AUTH_AUDIENCE,
    });
    expect(protectedHeader.alg).toBe('EdDSA');
    expect(claims).toMatchObject({
      typ: 'access',
      role: 'patient',
      pid: payload.account.patientId,
      sub: payload.account.id,
      amr: ['pwd'],
    });
    expect(claims.exp! - claims.iat!).toBe(h.env.ACCESS_TOKEN_TTL_SEC);
    expect(typeof claims.sid).toBe('string');
    expect(typeof claims.jti).toBe('string');

    // Another service verifies exactly like this: remote JWKS + revocation list.
    const verifier = new TokenVerifier({
      issuer: h.env.AUTH_ISSUER,
      audience: h.env.AUTH_AUDIENCE,
      jwks: `${h.base}/.well-known/jwks.json`,
      revocations: `${h.base}/internal/revocations`,
      revocationsToken: h.readerToken,
    });
    const principal = await verifier.verify(signedIn.accessToken);
    expect(principal).toMatchObject({ kind: 'user', role: 'patient', patientId: payload.account.patientId });

    const me = await h.query(ME, {}, signedIn.accessToken);
    expect(me.data.me).toMatchObject({
      id: payload.account.id,
      login: login.toLowerCase(),
      displayName: 'Петров Пётр Петрович',
    });
  });

  it('normalises Russian phone logins (the code goes by SMS) and refuses weak passwords and bad logins', async () => {
    const digits = String(Date.now()).slice(-7);
    const first = await h.signUp(`8 (916) ${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`);
    expect(first.started.channel).toBe('SMS');
    expect(first.payload.ok).toBe(true);
    expect(first.payload.account.login).toBe(`+7916${digits}`);
    const weak = await h.startSignUp(uniqueLogin(), 'short');
    expect(weak.inputErrors.map((e: any) => e.code)).toEqual(['WEAK_PASSWORD']);
    expect(weak.inputErrors[0].message).toMatch(/[а-я]/);
    const bad = await h.startSignUp('not-a-login');
    expect(bad.inputErrors.map((e: any) => e.code)).toEqual(['INVALID_EMAIL']);
  });

  it('refuses a wrong password with INVALID_CREDENTIALS and opens no session', async () => {
    const { login, password, payload } = await h.signUp();
    const before = await h.service.stores.sessions.countForAccount(payload.account.id);
    const wrong = await h.signIn(login, `${password}x`);
    expect(wrong).toMatchObject({ ok: false, accessToken: null, refreshToken: null, account: null });
    expect(wrong.inputErrors).toEqual([
      expect.objectContaining({ field: 'password', code: 'INVALID_CREDENTIALS' }),
    ]);
    expect(await h.service.stores.sessions.countForAccount(payload.account.id)).toBe(before);
    const unknown = await h.signIn(uniqueLogin('nobody'), password);
    expect(unknown.inputErrors[0].code).toBe('INVALID_CREDENTIALS');
    // The right password still works (one failure is below the threshold).
    expect((await h.signIn(login, password)).ok).toBe(true);
  });

  it('locks the account after the threshold, even for the right password', async () => {
    const { login, password, payload } = await h.signUp();
    const results = [];
    for (let i = 0; i < h.env.LOCKOUT_THRESHOLD; i++)
      results.push((await h.signIn(login, 'wrong-password'))?.inputErrors[0].code);
    expect(results.slice(0, -1).every((c) => c === 'INVALID_CREDENTIALS')).toBe(true);
    expect(results.at(-1)).toBe('ACCOUNT_LOCKED');
    const right = await h.signIn(login, password);
    expect(right).toMatchObject({ ok: false, accessToken: null });
    expect(right.inputErrors[0].code).toBe('ACCOUNT_LOCKED');
    const account = await h.service.stores.accounts.byId(payload.account.id);
    expect(account!.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
  });
});

describe('refresh tokens', () => {
  it('rotates, and a reused token revokes the family and the session', async () => {
    const { payload } = await h.signUp();
    const first = payload.refreshToken as string;
    const second = await h.refresh(first);
    expect(second.ok).toBe(true);
    expect(second.refreshToken).not.toBe(first);
    expect(claimsOf(second.accessToken).sid).toBe(claimsOf(payload.accessToken).sid);
    const third = await h.refresh(second.refreshToken);
    expect(third.ok).toBe(true);

    const reused = await h.refresh(first);
    expect(reused).toMatchObject({ ok: false, accessToken: null, refreshToken: null });
    expect(reused.inputErrors[0].code).toBe('TOKEN_INVALID');
    // The newest token of the family is refused too: the thief and the owner both sign in again.
    expect((await h.refresh(third.refreshToken)).inputErrors[0].code).toBe('TOKEN_INVALID');

    const sid = claimsOf(payload.accessToken).sid;
    expect((await h.revocations()).sessions[sid]).toBeGreaterThan(0);
    const me = await h.query(ME, {}, third.accessToken);
    expect(me.status).toBe(401);
    expect(codes(me)).toEqual(['TOKEN_REVOKED']);
  });

  it('refuses unknown refresh tokens', async () => {
    expect((await h.refresh('not-a-real-token')).inputErrors[0].code).toBe('TOKEN_INVALID');
  });
});

describe('sign-out', () => {
  it('revokes the session: listed in /internal/revocations and its tokens are refused', async () => {
    const { payload } = await h.signUp();
    const out = await h.query('mutation { signOut { ok inputErrors { code } } }', {}, payload.accessToken);
    expect(out.data.signOut).toEqual({ ok: true, inputErrors: [] });
    const sid = claimsOf(payload.accessToken).sid;
    const revoked = await h.revocations();
    expect(revoked.sessions[sid]).toBeGreaterThanOrEqual(claimsOf(payload.accessToken).iat);
    const me = await h.query(ME, {}, payload.accessToken);
    expect(me.status).toBe(401);
    expect(codes(me)).toEqual(['TOKEN_REVOKED']);
    expect((await h.refresh(payload.refreshToken)).inputErrors[0].code).toBe('TOKEN_INVALID');
  });

  it('/internal/revocations answers only services holding scope revocations:read', async () => {
    const url = `${h.base}/internal/revocations`;
    expect((await fetch(url)).status).toBe(401);
    const { payload } = await h.signUp();
    expect((await fetch(url, { headers: { authorization: `Bearer ${payload.accessToken}` } })).status).toBe(
      403,
    );
    const other = await h.service.createClient({ role: 'service', scopes: ['events:write'] });
    const { token } = await h.service.issueAccessToken({
      subject: other.clientId,
      role: 'service',
      scopes: ['events:write'],
    });
    expect((await fetch(url, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
    const ok = await fetch(url, { headers: { authorization: `Bearer ${await h.readerToken()}` } });
    expect(ok.status).toBe(200);
    expect(Object.keys((await ok.json()) as object)).toEqual(['sessions', 'accounts']);
  });

  it('requires a token', async () => {
    const r = await h.query('mutation { signOut { ok } }');
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
  });
});
