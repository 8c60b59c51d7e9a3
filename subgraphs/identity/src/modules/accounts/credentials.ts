import { ErrorCode } from '@medikamente/runtime';
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { fail, ok, type Result } from '../../common/result';
import { codes } from '../../error-codes.generated';

export const PATIENT_ROLE = 'patient';
export const STAFF_ROLES = [
  'doctor',
  'receptionist',
  'cashier',
  'accountant',
  'analyst',
  'it_admin',
  'security_officer',
] as const;
export const ACCOUNT_ROLES = [PATIENT_ROLE, ...STAFF_ROLES] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const isStaffRole = (role: string): role is StaffRole =>
  (STAFF_ROLES as readonly string[]).includes(role);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Normalises a login: e-mail addresses are lowercased; Russian phone numbers in any common
 * spelling (8 916 …, +7 (916) …, 916…) become +7XXXXXXXXXX.
 */
export function normalizeLogin(raw: string, field = 'login'): Result<string> {
  const v = raw.trim();
  if (!v) return fail(field, ErrorCode.REQUIRED);
  if (v.length > 254) return fail(field, ErrorCode.TOO_LONG);
  if (v.includes('@')) return EMAIL.test(v) ? ok(v.toLowerCase()) : fail(field, ErrorCode.INVALID_EMAIL);
  if (!/^[+\d\s()-]+$/.test(v)) return fail(field, ErrorCode.INVALID_EMAIL);
  const digits = v.replace(/\D/g, '');
  if (digits.length === 10 && digits.startsWith('9')) return ok(`+7${digits}`);
  if (digits.length === 11 && (digits.startsWith('7') || (digits.startsWith('8') && !v.startsWith('+')))) {
    return ok(`+7${digits.slice(1)}`);
  }
  return fail(field, ErrorCode.INVALID_PHONE);
}

export const MIN_PASSWORD_LENGTH = 8;
// Bounded so that a huge "password" cannot be used to burn hashing CPU.
export const MAX_PASSWORD_LENGTH = 256;

/** Checks the password policy (length only; NIST SP 800-63B discourages composition rules). */
export function checkPassword(password: string, field = 'password'): Result<string> {
  if ([...password].length < MIN_PASSWORD_LENGTH) return fail(field, codes.WEAK_PASSWORD);
  if (password.length > MAX_PASSWORD_LENGTH) return fail(field, ErrorCode.TOO_LONG);
  return ok(password);
}

// Algorithm is a const enum, which isolatedModules cannot read from a declaration file.
const ARGON2ID = 2 as Algorithm;

/** argon2id hash in PHC format (library defaults: m=19 MiB, t=2, p=1 — the OWASP baseline). */
export const hashPassword = (password: string): Promise<string> => hash(password, { algorithm: ARGON2ID });

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check so that unknown logins are not revealed by timing. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}
