import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Envelope, EnvelopeError, generateMasterKey, masterKeyId, parseMasterKey } from './envelope';

const place = (id = randomUUID()) => ({ table: 'account', column: 'totp_secret', id });
const errorOf = (fn: () => unknown): EnvelopeError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof EnvelopeError) return e;
    throw e;
  }
  throw new Error('expected an EnvelopeError');
};

describe('Envelope', () => {
  const envelope = Envelope.fromBase64(generateMasterKey());

  it('round-trips text and bytes; the sealed form is versioned and holds no plaintext', () => {
    const ctx = place();
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const sealed = envelope.seal(secret, ctx);
    expect(sealed).toMatch(/^ev1\.[0-9a-f]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(sealed.split('.')[1]).toBe(envelope.keyId);
    expect(sealed).not.toContain(secret);
    expect(Buffer.from(sealed.split('.')[3]!, 'base64url').toString('latin1')).not.toContain(secret);
    expect(envelope.openText(sealed, ctx)).toBe(secret);
    const bytes = randomBytes(100);
    expect(envelope.open(envelope.seal(bytes, ctx), ctx).equals(bytes)).toBe(true);
    expect(Envelope.isSealed(sealed)).toBe(true);
    expect(Envelope.isSealed(secret)).toBe(false);
  });

  it('uses a fresh data key and nonce per value', () => {
    const ctx = place();
    expect(envelope.seal('same', ctx)).not.toBe(envelope.seal('same', ctx));
  });

  it('refuses a ciphertext moved to another row, column or table', () => {
    const ctx = place();
    const sealed = envelope.seal('XYZZY-PLAIN', ctx);
    for (const other of [
      { ...ctx, id: randomUUID() },
      { ...ctx, column: 'password_hash' },
      { ...ctx, table: 'signing_key' },
    ]) {
      const e = errorOf(() => envelope.open(sealed, other));
      expect(e.code).toBe('DECRYPT_FAILED');
      expect(e.message).not.toContain('XYZZY');
    }
  });

  it('refuses altered ciphertexts and wrapped keys', () => {
    const ctx = place();
    const [v, kid, wrapped, data] = envelope.seal('secret value', ctx).split('.') as [
      string,
      string,
      string,
      string,
    ];
    const flip = (s: string) => {
      const b = Buffer.from(s, 'base64url');
      b[b.length - 20]! ^= 1;
      return b.toString('base64url');
    };
    expect(errorOf(() => envelope.open([v, kid, wrapped, flip(data)].join('.'), ctx)).code).toBe(
      'DECRYPT_FAILED',
    );
    expect(errorOf(() => envelope.open([v, kid, flip(wrapped), data].join('.'), ctx)).code).toBe(
      'DECRYPT_FAILED',
    );
    expect(errorOf(() => envelope.open('plain text', ctx)).code).toBe('MALFORMED');
    expect(errorOf(() => envelope.open(`ev9.${kid}.${wrapped}.${data}`, ctx)).code).toBe(
      'UNSUPPORTED_VERSION',
    );
  });

  it('names a wrong master key clearly', () => {
    const ctx = place();
    const sealed = envelope.seal('secret', ctx);
    const other = Envelope.fromBase64(generateMasterKey());
    const e = errorOf(() => other.open(sealed, ctx));
    expect(e.code).toBe('WRONG_MASTER_KEY');
    expect(e.message).toContain(envelope.keyId);
    expect(e.message).toContain(other.keyId);
  });

  it('re-wraps under a new master key without touching the value; old keys can still read', () => {
    const ctx = place();
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const sealed = new Envelope(oldKey).seal('secret', ctx);
    const rotated = new Envelope(newKey, [oldKey]);
    expect(rotated.needsRewrap(sealed)).toBe(true);
    expect(rotated.openText(sealed, ctx)).toBe('secret');
    const rewrapped = rotated.rewrap(sealed, ctx);
    expect(rewrapped.split('.')[1]).toBe(masterKeyId(newKey));
    expect(rewrapped.split('.')[3]).toBe(sealed.split('.')[3]);
    expect(new Envelope(newKey).openText(rewrapped, ctx)).toBe('secret');
    expect(rotated.needsRewrap(rewrapped)).toBe(false);
    expect(errorOf(() => new Envelope(oldKey).open(rewrapped, ctx)).code).toBe('WRONG_MASTER_KEY');
  });

  it('derives purpose keys deterministically and apart from each other', () => {
    const key = randomBytes(32);
    expect(new Envelope(key).deriveKey('a').equals(new Envelope(key).deriveKey('a'))).toBe(true);
    expect(new Envelope(key).deriveKey('a').equals(new Envelope(key).deriveKey('b'))).toBe(false);
    expect(new Envelope(key).deriveKey('a').equals(key)).toBe(false);
  });
});

describe('parseMasterKey', () => {
  it('accepts exactly 32 base64 bytes', () => {
    expect(parseMasterKey(generateMasterKey()).length).toBe(32);
    expect(parseMasterKey(` ${generateMasterKey()}\n`).length).toBe(32);
    for (const bad of [
      '',
      'short',
      randomBytes(16).toString('base64'),
      randomBytes(33).toString('base64'),
      '%%%',
    ])
      expect(errorOf(() => parseMasterKey(bad)).code).toBe('MALFORMED');
  });
});
