import { randomUUID } from 'node:crypto';
import { codes } from '@medikamente/runtime/testing';
import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsOf, type IdentityHarness, startIdentity, uniqueLogin } from './harness';

let h: IdentityHarness;
beforeAll(async () => {
  h = await startIdentity();
});
afterAll(() => h?.stop());

const CREATE_STAFF = `mutation($i: CreateStaffAccountInput!) {
  createStaffAccount(input: $i) { ok inputErrors { field code message } account { id login role branchIds totpEnabled } }
}`;
const START_TOTP = 'mutation { startTotpEnrollment { ok inputErrors { code } secret otpauthUri } }';
const CONFIRM_TOTP =
  'mutation($c: String!) { confirmTotpEnrollment(code: $c) { ok inputErrors { field code } account { id totpEnabled } } }';

/** A code that is certainly not valid now (the valid one with its digits shifted). */
const wrongCode = (secret: string) =>
  String((Number(authenticator.generate(secret)) + 500_001) % 1_000_000).padStart(6, '0');

describe('staff administration', () => {
  it('lets an IT admin create staff accounts, with validation', async () => {
    const admin = await h.accountWithToken({ role: 'it_admin' });
    const branch = randomUUID();
    const login = uniqueLogin('Doctor');
    const r = await h.query(
      CREATE_STAFF,
      {
        i: {
          login,
          password: 'doctor-pass-1',
          role: 'doctor',
          displayName: 'Сидоров Сидор',
          branchIds: [branch],
        },
      },
      admin.token,
    );
    expect(r.data.createStaffAccount.ok).toBe(true);
    expect(r.data.createStaffAccount.account).toMatchObject({
      role: 'doctor',
      branchIds: [branch],
      totpEnabled: false,
    });
    // IT admins see other people's contact fields masked (policy: CONTACT x it_admin = masked).
    expect(r.data.createStaffAccount.account.login).toMatch(/^d\*\*\*@example\.test$/);

    const signedIn = await h.signIn(login, 'doctor-pass-1');
    expect(signedIn.ok).toBe(true);
    expect(claimsOf(signedIn.accessToken)).toMatchObject({ role: 'doctor', bid: [branch], amr: ['pwd'] });

    const invalid = await h.query(
      CREATE_STAFF,
      { i: { login: 'x', password: 'short', role: 'cashier', displayName: ' ', branchIds: ['nope'] } },
      admin.token,
    );
    expect(invalid.data.createStaffAccount.ok).toBe(false);
    expect(
      invalid.data.createStaffAccount.inputErrors.map((e: any) => `${e.field}:${e.code}`).sort(),
    ).toEqual(
      [
        'branchIds:INVALID_ID',
        'displayName:REQUIRED',
        'login:INVALID_EMAIL',
        'password:WEAK_PASSWORD',
      ].sort(),
    );
    const patientRole = await h.query(
      CREATE_STAFF,
      { i: { login: uniqueLogin(), password: 'long-enough-1', role: 'patient', displayName: 'X' } },
      admin.token,
    );
    expect(codes(patientRole)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses createStaffAccount to a patient token with FORBIDDEN and creates nothing', async () => {
    const patient = await h.accountWithToken({ role: 'patient' });
    const login = uniqueLogin('intruder');
    const r = await h.query(
      CREATE_STAFF,
      { i: { login, password: 'intruder-pass-1', role: 'it_admin', displayName: 'Взломщик' } },
      patient.token,
    );
    expect(r.data).toBeNull();
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(await h.service.stores.accounts.byLogin(login)).toBeNull();
    const anonymous = await h.query(CREATE_STAFF, {
      i: { login, password: 'intruder-pass-1', role: 'it_admin', displayName: 'Взломщик' },
    });
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(await h.service.stores.accounts.byLogin(login)).toBeNull();
  });

  it('lists staff for a security officer with contacts masked except their own', async () => {
    const officer = await h.accountWithToken({
      role: 'security_officer',
      displayName: 'Безопасный Олег Олегович',
    });
    const other = await h.service.createAccount({ role: 'cashier', displayName: 'Кассирова Анна Ивановна' });
    const r = await h.query('{ staffAccounts { id login displayName role } }', {}, officer.token);
    const byId = new Map(r.data.staffAccounts.map((a: any) => [a.id, a]));
    expect(byId.get(officer.accountId)).toMatchObject({
      login: officer.login,
      displayName: 'Безопасный Олег Олегович',
    });
    expect(byId.get(other.accountId)).toMatchObject({
      login: expect.stringMatching(/^c\*\*\*@/),
      displayName: 'Кассирова А. И.',
    });
    expect(r.data.staffAccounts.some((a: any) => a.role === 'patient')).toBe(false);
    const patient = await h.accountWithToken({ role: 'patient' });
    expect(codes(await h.query('{ staffAccounts { id } }', {}, patient.token))).toEqual(['FORBIDDEN']);
  });

  it('resolves Account entities per object for federation', async () => {
    const officer = await h.accountWithToken({ role: 'security_officer' });
    const other = await h.service.createAccount({ role: 'doctor' });
    const r = await h.query(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Account { id role login } } }',
      {
        r: [
          { __typename: 'Account', id: other.accountId },
          { __typename: 'Account', id: randomUUID() },
        ],
      },
      officer.token,
    );
    expect(r.data._entities[0]).toMatchObject({
      id: other.accountId,
      role: 'doctor',
      login: expect.stringMatching(/^d\*\*\*@/),
    });
    expect(r.data._entities[1]).toBeNull();
  });
});

describe('TOTP', () => {
  it('enrols, then requires and checks the code at sign-in', async () => {
    const doctor = await h.accountWithToken({ role: 'doctor' });
    const started = await h.query(START_TOTP, {}, doctor.token);
    const { secret, otpauthUri } = started.data.startTotpEnrollment;
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Medikamente:/);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    const badConfirm = await h.query(CONFIRM_TOTP, { c: wrongCode(secret) }, doctor.token);
    expect(badConfirm.data.confirmTotpEnrollment.inputErrors[0].code).toBe('TOTP_INVALID');
    const confirmed = await h.query(CONFIRM_TOTP, { c: authenticator.generate(secret) }, doctor.token);
    expect(confirmed.data.confirmTotpEnrollment).toMatchObject({
      ok: true,
      account: { id: doctor.accountId, totpEnabled: true },
    });
    const restart = await h.query(START_TOTP, {}, doctor.token);
    expect(restart.data.startTotpEnrollment).toMatchObject({
      ok: false,
      secret: null,
      inputErrors: [{ code: 'CONFLICT' }],
    });

    const noCode = await h.signIn(doctor.login, doctor.password);
    expect(noCode).toMatchObject({ ok: false, accessToken: null });
    expect(noCode.inputErrors[0]).toMatchObject({ field: 'totpCode', code: 'TOTP_REQUIRED' });
    const wrong = await h.signIn(doctor.login, doctor.password, wrongCode(secret));
    expect(wrong).toMatchObject({ ok: false, accessToken: null });
    expect(wrong.inputErrors[0].code).toBe('TOTP_INVALID');
    const right = await h.signIn(doctor.login, doctor.password, authenticator.generate(secret));
    expect(right.ok).toBe(true);
    expect(claimsOf(right.accessToken).amr).toEqual(['pwd', 'otp']);
    // Refreshed tokens keep the authentication methods of the sign-in.
    expect(claimsOf((await h.refresh(right.refreshToken)).accessToken).amr).toContain('otp');
  });

  it('is for staff only', async () => {
    const patient = await h.accountWithToken({ role: 'patient' });
    expect(codes(await h.query(START_TOTP, {}, patient.token))).toEqual(['FORBIDDEN']);
  });
});

describe('dismissal', () => {
  it('ends sessions, blocks sign-in and refresh, and lists the account in revocations', async () => {
    const admin = await h.accountWithToken({ role: 'it_admin' });
    const staff = await h.service.createAccount({ role: 'receptionist' });
    const session = await h.signIn(staff.login, staff.password);
    expect(session.ok).toBe(true);

    const r = await h.query(
      'mutation($id: ID!) { dismissStaff(accountId: $id) { ok inputErrors { code } account { id dismissedAt } } }',
      { id: staff.accountId },
      admin.token,
    );
    expect(r.data.dismissStaff.ok).toBe(true);
    expect(Date.parse(r.data.dismissStaff.account.dismissedAt)).toBeLessThanOrEqual(Date.now());

    const again = await h.signIn(staff.login, staff.password);
    expect(again).toMatchObject({ ok: false, accessToken: null });
    expect(again.inputErrors[0].code).toBe('INVALID_CREDENTIALS');
    expect((await h.refresh(session.refreshToken)).inputErrors[0].code).toBe('TOKEN_INVALID');
    expect((await h.revocations()).accounts[staff.accountId]).toBeGreaterThanOrEqual(
      claimsOf(session.accessToken).iat,
    );
    const me = await h.query('{ me { id } }', {}, session.accessToken);
    expect(me.status).toBe(401);
    expect(codes(me)).toEqual(['TOKEN_REVOKED']);

    const self = await h.query(
      'mutation($id: ID!) { dismissStaff(accountId: $id) { ok inputErrors { code } } }',
      { id: admin.accountId },
      admin.token,
    );
    expect(self.data.dismissStaff.inputErrors[0].code).toBe('CONFLICT');
  });
});
