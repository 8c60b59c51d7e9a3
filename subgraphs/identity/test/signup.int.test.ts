import { TokenVerifier } from '@medikamente/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeIn } from '../../../scripts/dev-mailbox';
import { verifyPassword } from '../src/modules/accounts/credentials';
import { createIdentityService } from '../src/service';
import { type IdentityHarness, startIdentity, uniqueLogin } from './harness';

let h: IdentityHarness;
beforeAll(async () => {
  h = await startIdentity({ SIGNUP_CODE_MAX_ATTEMPTS: '3', LOGIN_RATE_LIMIT: '100' });
});
afterAll(() => h?.stop());

const REFUSED = [
  {
    field: 'code',
    code: 'TOKEN_INVALID',
    message: 'Неверный или устаревший код. Проверьте код или начните регистрацию заново',
  },
];
/** A code that is certainly not `code`. */
const other = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
const pendingRows = (login: string) =>
  h.service.database.query<{ id: string; code_hash: string; password_hash: string; attempts: number }>(
    'select id, code_hash, password_hash, attempts from signup_verification where login = $1',
    [login],
  );
const sessionsOf = async (login: string) => {
  const a = await h.service.stores.accounts.byLogin(login);
  return a ? h.service.stores.sessions.countForAccount(a.id) : 0;
};
/** The payload's shape with the values that must differ between two calls blanked. */
const shape = (p: any) => ({ ...p, verificationId: typeof p.verificationId, expiresAt: typeof p.expiresAt });

describe('sign-up confirmed by a one-time code', () => {
  it('new e-mail login: a code arrives over SMTP, confirming it creates the account and signs in', async () => {
    const login = uniqueLogin('new');
    const since = h.lastMessageId();
    const started = await h.startSignUp(login, 'correct-horse-1', 'Новикова Анна Сергеевна');
    expect(started).toMatchObject({ ok: true, inputErrors: [], channel: 'EMAIL' });
    expect(started.verificationId).toMatch(/^[0-9a-f-]{36}$/);
    const ttl = Date.parse(started.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan((h.env.SIGNUP_CODE_TTL_SEC - 30) * 1000);
    expect(ttl).toBeLessThanOrEqual(h.env.SIGNUP_CODE_TTL_SEC * 1000);
    expect(await h.service.stores.accounts.byLogin(login)).toBeNull();

    const mail = await h.messageTo(login, since);
    expect(mail.channel).toBe('email');
    expect(mail.subject).toMatch(/Код подтверждения/);
    const code = codeIn(mail)!;
    expect(code).toMatch(/^\d{6}$/);
    // Only an HMAC of the code and an argon2id hash of the password are stored.
    const [row] = await pendingRows(login);
    expect(row!.code_hash).not.toContain(code);
    expect(row!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(row!.password_hash, 'correct-horse-1')).toBe(true);

    const confirmed = await h.confirmSignUp(started.verificationId, code);
    expect(confirmed).toMatchObject({
      ok: true,
      inputErrors: [],
      account: { role: 'patient', login, displayName: 'Новикова Анна Сергеевна' },
    });
    const verifier = new TokenVerifier({
      issuer: h.env.AUTH_ISSUER,
      audience: h.env.AUTH_AUDIENCE,
      jwks: `${h.base}/.well-known/jwks.json`,
    });
    expect(await verifier.verify(confirmed.accessToken)).toMatchObject({
      role: 'patient',
      patientId: confirmed.account.patientId,
    });
    expect((await h.signIn(login, 'correct-horse-1')).ok).toBe(true);
    // The pending row is gone; the same code cannot be used twice.
    expect(await pendingRows(login)).toEqual([]);
    expect((await h.confirmSignUp(started.verificationId, code)).inputErrors).toEqual(REFUSED);
  });

  it('phone login: the code arrives by SMS', async () => {
    const digits = String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
    const since = h.lastMessageId();
    const started = await h.startSignUp(`+7 (903) ${digits}`);
    expect(started).toMatchObject({ ok: true, channel: 'SMS' });
    const sms = await h.messageTo(`+7903${digits}`, since);
    expect(sms.channel).toBe('sms');
    const confirmed = await h.confirmSignUp(started.verificationId, codeIn(sms)!);
    expect(confirmed.account.login).toBe(`+7903${digits}`);
  });

  it('existing login: the same answer after the same work, the owner gets a notice, no code works', async () => {
    const owner = await h.service.createAccount({ role: 'patient', password: 'owners-password-1' });
    const since = h.lastMessageId();
    const freshLogin = uniqueLogin('fresh');
    const known = await h.startSignUp(owner.login, 'intruder-pass-1', 'Кто-то Другой');
    const fresh = await h.startSignUp(freshLogin, 'intruder-pass-1', 'Кто-то Другой');
    expect(shape(known)).toEqual(shape(fresh));
    expect(known).toMatchObject({ ok: true, inputErrors: [], channel: 'EMAIL' });
    expect(Math.abs(Date.parse(known.expiresAt) - Date.parse(fresh.expiresAt))).toBeLessThan(10_000);

    // A message goes out either way: the new login gets a code, the owner a notice without one.
    expect(await h.codeFor(freshLogin, since)).toMatch(/^\d{6}$/);
    const notice = await h.messageTo(owner.login, since);
    expect(notice.subject).toMatch(/Попытка регистрации/);
    expect(notice.text).toMatch(/уже есть/);
    expect(codeIn(notice)).toBeNull();
    // The same row was written (with the attempted password hashed) as for a new login.
    const [row] = await pendingRows(owner.login);
    expect(await verifyPassword(row!.password_hash, 'intruder-pass-1')).toBe(true);

    // Guesses get the refusal a new login gets for a wrong code.
    expect((await h.confirmSignUp(known.verificationId, '000000')).inputErrors).toEqual(REFUSED);
    // Even the right code of a sign-up refuses once its login has an account.
    const login = uniqueLogin('race');
    const s2 = h.lastMessageId();
    const started = await h.startSignUp(login, 'racer-pass-1');
    const code = await h.codeFor(login, s2);
    const first = await h.service.createAccount({ role: 'patient', login, password: 'first-owner-1' });
    expect((await h.confirmSignUp(started.verificationId, code)).inputErrors).toEqual(REFUSED);
    expect((await h.service.stores.accounts.byLogin(login))!.id).toBe(first.accountId);
    expect((await h.signIn(login, 'racer-pass-1')).inputErrors[0].code).toBe('INVALID_CREDENTIALS');
    expect((await h.signIn(owner.login, 'owners-password-1')).ok).toBe(true);
    expect((await h.signIn(owner.login, 'intruder-pass-1')).ok).toBe(false);
  });

  it('refuses wrong codes, and after the attempt limit even the right one; nothing is created', async () => {
    const login = uniqueLogin('guess');
    const since = h.lastMessageId();
    const started = await h.startSignUp(login);
    const code = await h.codeFor(login, since);
    for (let i = 1; i < h.env.SIGNUP_CODE_MAX_ATTEMPTS; i++) {
      expect((await h.confirmSignUp(started.verificationId, other(code))).inputErrors).toEqual(REFUSED);
      expect((await pendingRows(login))[0]!.attempts).toBe(i);
    }
    expect((await h.confirmSignUp(started.verificationId, other(code))).inputErrors).toEqual(REFUSED);
    expect(await pendingRows(login)).toEqual([]);
    const late = await h.confirmSignUp(started.verificationId, code);
    expect(late).toMatchObject({ ok: false, accessToken: null, refreshToken: null, account: null });
    expect(late.inputErrors).toEqual(REFUSED);
    expect(await h.service.stores.accounts.byLogin(login)).toBeNull();

    // Fewer wrong guesses than the limit leave the right code working.
    const again = await h.signUp(uniqueLogin('again'));
    expect(again.payload.ok).toBe(true);
  });

  it('refuses an expired code and malformed input with the same error', async () => {
    const login = uniqueLogin('late');
    const since = h.lastMessageId();
    const started = await h.startSignUp(login);
    const code = await h.codeFor(login, since);
    await h.service.database.query(
      "update signup_verification set expires_at = now() - interval '1 second' where id = $1",
      [started.verificationId],
    );
    expect((await h.confirmSignUp(started.verificationId, code)).inputErrors).toEqual(REFUSED);
    expect(await h.service.stores.accounts.byLogin(login)).toBeNull();
    expect(await sessionsOf(login)).toBe(0);
    for (const [id, c] of [
      ['not-a-uuid', code],
      [started.verificationId, '12345'],
      [started.verificationId, 'x'.repeat(5000)],
      ['00000000-0000-4000-8000-000000000000', code],
    ] as const)
      expect((await h.confirmSignUp(id, c)).inputErrors).toEqual(REFUSED);
  });

  it('writes and sends nothing for invalid input or an unavailable channel', async () => {
    const since = h.lastMessageId();
    const login = uniqueLogin('invalid');
    const r = await h.startSignUp(login, 'short', '  ');
    expect(r).toMatchObject({ ok: false, verificationId: null, channel: null, expiresAt: null });
    expect(r.inputErrors.map((e: any) => `${e.field}:${e.code}`).sort()).toEqual([
      'displayName:REQUIRED',
      'password:WEAK_PASSWORD',
    ]);
    expect(await pendingRows(login)).toEqual([]);

    const emailOnly = await createIdentityService(
      { ...h.env, NOTIFY_SMS_URL: undefined, NOTIFY_SMS_TOKEN: undefined },
      { database: h.service.database },
    );
    try {
      const phone = `+7903${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
      const res = await emailOnly.services.signUp.start(
        { login: phone, password: 'long-enough-1', displayName: 'Телефонов Т. Т.' },
        '10.1.1.1',
      );
      expect(res.ok).toBe(false);
      expect(!res.ok && res.errors[0]).toMatchObject({ field: 'login', code: 'BAD_USER_INPUT' });
      expect(await pendingRows(phone)).toEqual([]);
    } finally {
      await emailOnly.close();
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(h.mailbox.messages().filter((m) => m.id > since)).toEqual([]);
  });

  it('sends at most SIGNUP_MESSAGES_PER_HOUR messages to one login', async () => {
    const login = uniqueLogin('flood');
    const answers = [];
    for (let i = 0; i <= h.env.SIGNUP_MESSAGES_PER_HOUR; i++)
      answers.push((await h.startSignUp(login)).inputErrors.map((e: any) => e.code).join());
    expect(answers.slice(0, -1).every((a) => a === '')).toBe(true);
    expect(answers.at(-1)).toBe('RATE_LIMITED');
    expect((await pendingRows(login)).length).toBe(h.env.SIGNUP_MESSAGES_PER_HOUR);
  });
});
