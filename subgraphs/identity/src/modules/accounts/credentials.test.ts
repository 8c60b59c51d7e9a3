import { describe, expect, it } from 'vitest';
import { checkPassword, hashPassword, isStaffRole, normalizeLogin, verifyPassword } from './credentials';

const value = (r: ReturnType<typeof normalizeLogin>) =>
  r.ok ? r.value : r.errors.map((e) => e.code).join(',');

describe('normalizeLogin', () => {
  it('lowercases e-mail addresses', () => {
    expect(value(normalizeLogin('  Ivan.Petrov@Mail.RU '))).toBe('ivan.petrov@mail.ru');
  });

  it('normalises Russian phone numbers to +7XXXXXXXXXX', () => {
    for (const raw of [
      '+7 (916) 123-45-67',
      '8 916 123 45 67',
      '79161234567',
      '9161234567',
      '+79161234567',
    ]) {
      expect(value(normalizeLogin(raw))).toBe('+79161234567');
    }
  });

  it('rejects malformed logins with a precise code', () => {
    expect(value(normalizeLogin(''))).toBe('REQUIRED');
    expect(value(normalizeLogin('ivan@'))).toBe('INVALID_EMAIL');
    expect(value(normalizeLogin('ivan'))).toBe('INVALID_EMAIL');
    expect(value(normalizeLogin('+1 212 555 0100'))).toBe('INVALID_PHONE');
    expect(value(normalizeLogin('12345'))).toBe('INVALID_PHONE');
    expect(value(normalizeLogin(`${'a'.repeat(250)}@mail.ru`))).toBe('TOO_LONG');
  });
});

describe('passwords', () => {
  it('requires at least 8 characters and bounds the length', () => {
    expect(checkPassword('1234567').ok).toBe(false);
    expect(checkPassword('12345678').ok).toBe(true);
    expect(checkPassword('x'.repeat(300)).ok).toBe(false);
    const weak = checkPassword('short');
    expect(!weak.ok && weak.errors[0]?.code).toBe('WEAK_PASSWORD');
  });

  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('correct horse battery');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(h, 'wrong horse battery')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });

  it('knows which roles are staff', () => {
    expect(isStaffRole('doctor')).toBe(true);
    expect(isStaffRole('patient')).toBe(false);
    expect(isStaffRole('lab_partner')).toBe(false);
  });
});
