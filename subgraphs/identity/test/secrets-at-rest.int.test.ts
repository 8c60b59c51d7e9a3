import { Envelope, EnvelopeError, generateMasterKey } from '@medikamente/runtime';
import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityService } from '../src/service';
import { type IdentityHarness, startIdentity } from './harness';

let h: IdentityHarness;
beforeAll(async () => {
  h = await startIdentity({ IDENTITY_MASTER_KEY: generateMasterKey() });
});
afterAll(() => h?.stop());

const rawAccount = async (id: string) =>
  (
    await h.service.database.query<{ totp_secret: string | null }>('select * from account where id = $1', [
      id,
    ])
  )[0]!;
const rawKeys = () =>
  h.service.database.query<{ kid: string; private_jwk: unknown; private_key_sealed: string | null }>(
    'select * from signing_key',
  );
/** The private part ("d") of every signing key, as the service reads them. */
const privateParts = async () =>
  (await h.service.stores.keys.published(3600)).map((k) => String(k.privateJwk.d));

describe('secrets at rest', () => {
  it('keeps TOTP secrets and private signing keys only sealed in the tables', async () => {
    const staff = await h.service.createAccount({ role: 'doctor', totp: true });
    expect(staff.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    const raw = await rawAccount(staff.accountId);
    expect(raw.totp_secret).toMatch(/^ev1\.[0-9a-f]{16}\./);
    expect(JSON.stringify(raw)).not.toContain(staff.totpSecret);
    // The service still reads it: the code of an authenticator app signs in.
    const signedIn = await h.signIn(staff.login, staff.password, authenticator.generate(staff.totpSecret!));
    expect(signedIn.ok).toBe(true);

    const keys = await rawKeys();
    expect(keys.length).toBeGreaterThan(0);
    const secrets = await privateParts();
    for (const k of keys) {
      expect(k.private_jwk).toBeNull();
      expect(k.private_key_sealed).toMatch(/^ev1\./);
      for (const d of secrets) expect(JSON.stringify(k)).not.toContain(d);
    }
  });

  it('refuses a sealed value copied into another row', async () => {
    const a = await h.service.createAccount({ role: 'cashier', totp: true });
    const b = await h.service.createAccount({ role: 'cashier', totp: true });
    await h.service.database.query('update account set totp_secret = $2 where id = $1', [
      b.accountId,
      (await rawAccount(a.accountId)).totp_secret,
    ]);
    const err = await h.service.stores.accounts.byId(b.accountId).catch((e) => e);
    expect(err).toBeInstanceOf(EnvelopeError);
    expect(err.code).toBe('DECRYPT_FAILED');
    // Sign-in with A's code does not get into B's account.
    const r = await h.query(`mutation($i: SignInInput!) { signIn(input: $i) { ok accessToken } }`, {
      i: { login: b.login, password: b.password, totpCode: authenticator.generate(a.totpSecret!) },
    });
    expect(r.data?.signIn?.accessToken ?? null).toBeNull();
    expect((await h.service.stores.accounts.byId(a.accountId))!.totpSecret).toBe(a.totpSecret);
    // A restart (which re-seals what it can) leaves the altered row alone and starts anyway.
    const restarted = await createIdentityService(h.env, { database: h.service.database });
    await restarted.close();
    await h.service.database.query(
      'update account set totp_secret = null, totp_enabled = false where id = $1',
      [b.accountId],
    );
  });

  it('seals plaintext rows from before encryption at start, keeping the key id and TOTP working', async () => {
    const staff = await h.service.createAccount({ role: 'receptionist', totp: true });
    const [active] = await h.service.stores.keys.published(0);
    // The first schema's layout: plaintext secret and private JWK.
    await h.service.database.query('update account set totp_secret = $2 where id = $1', [
      staff.accountId,
      staff.totpSecret,
    ]);
    await h.service.database.query(
      'update signing_key set private_jwk = ($2::text)::jsonb, private_key_sealed = null where kid = $1',
      [active!.kid, JSON.stringify(active!.privateJwk)],
    );
    const restarted = await createIdentityService(h.env, { database: h.service.database });
    try {
      expect(restarted.keys.kid).toBe(active!.kid);
      expect((await rawAccount(staff.accountId)).totp_secret).toMatch(/^ev1\./);
      const row = (await rawKeys()).find((k) => k.kid === active!.kid)!;
      expect(row.private_jwk).toBeNull();
      expect(row.private_key_sealed).not.toContain(String(active!.privateJwk.d));
      expect((await restarted.stores.accounts.byId(staff.accountId))!.totpSecret).toBe(staff.totpSecret);
      const token = await restarted.issueAccessToken({ subject: staff.accountId, role: 'service' });
      expect((await h.service.verifier.verify(token.token)).role).toBe('service');
    } finally {
      await restarted.close();
    }
  });

  it('fails to start with a clear message under a wrong master key', async () => {
    const wrong = createIdentityService(
      { ...h.env, IDENTITY_MASTER_KEY: generateMasterKey() },
      { database: h.service.database },
    );
    await expect(wrong).rejects.toThrow(/master key cannot open the secrets.*IDENTITY_MASTER_KEY/s);
  });

  it('re-wraps under a new master key when the old one is listed as previous', async () => {
    const staff = await h.service.createAccount({ role: 'analyst', totp: true });
    const next = generateMasterKey();
    const rotated = await createIdentityService(
      { ...h.env, IDENTITY_MASTER_KEY: next, IDENTITY_PREVIOUS_MASTER_KEYS: [h.env.IDENTITY_MASTER_KEY!] },
      { database: h.service.database },
    );
    try {
      expect((await rotated.stores.accounts.byId(staff.accountId))!.totpSecret).toBe(staff.totpSecret);
      expect((await rawAccount(staff.accountId)).totp_secret!.split('.')[1]).toBe(
        Envelope.fromBase64(next).keyId,
      );
      // Sealed under the new key now: the old key alone no longer opens it.
      await expect(createIdentityService({ ...h.env }, { database: h.service.database })).rejects.toThrow(
        /master key/,
      );
    } finally {
      await rotated.close();
    }
  });
});
