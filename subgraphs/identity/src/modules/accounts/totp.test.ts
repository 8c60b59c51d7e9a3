import { authenticator } from 'otplib';
import { describe, expect, it } from 'vitest';
import { checkTotp, generateTotpSecret, totpUri } from './totp';

describe('totp', () => {
  it('accepts the current code of an authenticator app and rejects others', () => {
    const secret = generateTotpSecret();
    expect(checkTotp(authenticator.generate(secret), secret)).toBe(true);
    expect(checkTotp(` ${authenticator.generate(secret)} `, secret)).toBe(true);
    expect(checkTotp('12345', secret)).toBe(false);
    expect(checkTotp('abcdef', secret)).toBe(false);
  });

  it('builds an otpauth URI with the issuer', () => {
    expect(totpUri('a@b.ru', 'Medikamente', 'JBSWY3DPEHPK3PXP')).toMatch(
      /^otpauth:\/\/totp\/Medikamente:a%40b\.ru\?secret=JBSWY3DPEHPK3PXP/,
    );
  });
});
