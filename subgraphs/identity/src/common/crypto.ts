import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A 256-bit random opaque token (refresh tokens, client secrets). */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Hex sha256; used for high-entropy secrets only (passwords use argon2id). */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
