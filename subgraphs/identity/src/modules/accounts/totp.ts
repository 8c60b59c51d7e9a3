import { authenticator } from 'otplib';

// One step of clock drift either way; a fresh instance so the global default stays untouched.
const totp = authenticator.clone({ window: 1 });

/** A new 160-bit base32 TOTP secret (RFC 4226 recommends 160 bits). */
export const generateTotpSecret = (): string => totp.generateSecret(20);

/** The otpauth:// URI an authenticator app imports (usually shown as a QR code). */
export const totpUri = (label: string, issuer: string, secret: string): string =>
  totp.keyuri(label, issuer, secret);

/** Checks a 6-digit code against the secret, tolerating one step of drift. */
export function checkTotp(code: string, secret: string): boolean {
  const c = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(c)) return false;
  try {
    return totp.check(c, secret);
  } catch {
    return false;
  }
}
