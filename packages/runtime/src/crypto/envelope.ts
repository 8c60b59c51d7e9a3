/**
 * Envelope encryption of secrets at rest (AES-256-GCM, node:crypto only).
 *
 * Every value is encrypted under its own random 256-bit data key; the data key is wrapped
 * (AES-256-GCM again) under the service's master key. Both layers authenticate the value's
 * place — table, column and row id — as additional data, so a ciphertext copied into another
 * row or column does not decrypt. Changing the master key re-wraps data keys only
 * ({@link Envelope.rewrap}); the values themselves are not re-encrypted.
 *
 * Format, version 1 (one ASCII string, safe for a text column):
 *
 *     ev1.<kid>.<b64url(wrapIv ‖ wrappedKey ‖ wrapTag)>.<b64url(iv ‖ ciphertext ‖ tag)>
 *
 * `kid` is a fingerprint of the master key (16 hex digits, not reversible), so a wrong master
 * key is reported as such instead of as a generic authentication failure.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'ev1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED = /^ev1\.([0-9a-f]{16})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

/** Where a sealed value lives; bound into the ciphertext as additional authenticated data. */
export type EnvelopeContext = { table: string; column: string; id: string };

export type EnvelopeErrorCode = 'MALFORMED' | 'UNSUPPORTED_VERSION' | 'WRONG_MASTER_KEY' | 'DECRYPT_FAILED';

/** A value could not be opened; the message names the reason, never the value. */
export class EnvelopeError extends Error {
  constructor(
    readonly code: EnvelopeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EnvelopeError';
  }
}

/** A new random master key, base64 (for `…_MASTER_KEY` variables and key files). */
export const generateMasterKey = (): string => randomBytes(KEY_BYTES).toString('base64');

/** Decodes a base64 master key; throws unless it is exactly 32 bytes. */
export function parseMasterKey(base64: string): Buffer {
  const text = base64.trim();
  const key = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || key.length !== KEY_BYTES)
    throw new EnvelopeError('MALFORMED', `a master key must be ${KEY_BYTES} bytes, base64-encoded`);
  return key;
}

/** The public fingerprint of a master key (16 hex digits). */
export const masterKeyId = (key: Uint8Array): string =>
  createHash('sha256').update('medikamente-envelope-kid\0').update(key).digest('hex').slice(0, 16);

/** Length-prefixed, so that no two different contexts encode to the same bytes. */
function aad(kind: 'data' | 'key', ctx: EnvelopeContext, kid = ''): Buffer {
  const parts = [VERSION, kind, kid, ctx.table, ctx.column, ctx.id];
  return Buffer.concat(
    parts.map((p) => {
      const b = Buffer.from(p, 'utf8');
      const len = Buffer.alloc(4);
      len.writeUInt32BE(b.length);
      return Buffer.concat([len, b]);
    }),
  );
}

/** AES-256-GCM: iv ‖ ciphertext ‖ tag under `key`, authenticating `additional`. */
export function gcmSeal(key: Uint8Array, plaintext: Uint8Array, additional: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(additional);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

/** Opens {@link gcmSeal}'s output; throws {@link EnvelopeError} DECRYPT_FAILED when anything differs. */
export function gcmOpen(key: Uint8Array, sealed: Buffer, additional: Buffer, what: string): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new EnvelopeError('MALFORMED', `${what} is truncated`);
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(additional);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new EnvelopeError(
      'DECRYPT_FAILED',
      `${what} failed authentication: altered, or moved from another table, column or row`,
    );
  }
}

type Parsed = { kid: string; wrapped: Buffer; data: Buffer };

function parse(sealed: string): Parsed {
  const m = SEALED.exec(sealed);
  if (!m) {
    if (/^ev\d+\./.test(sealed) && !sealed.startsWith(`${VERSION}.`))
      throw new EnvelopeError(
        'UNSUPPORTED_VERSION',
        `unsupported ciphertext version ${sealed.split('.')[0]}`,
      );
    throw new EnvelopeError('MALFORMED', 'not a sealed value');
  }
  return { kid: m[1]!, wrapped: Buffer.from(m[2]!, 'base64url'), data: Buffer.from(m[3]!, 'base64url') };
}

/**
 * Seals and opens values under a master key. Older master keys may be given for reading (while
 * a rotation re-wraps what they sealed); new values are always sealed under the current one.
 */
export class Envelope {
  /** Fingerprint of the current master key. */
  readonly keyId: string;
  private readonly current: Buffer;
  private readonly byId = new Map<string, Buffer>();

  constructor(masterKey: Uint8Array, previous: Uint8Array[] = []) {
    if (masterKey.length !== KEY_BYTES)
      throw new EnvelopeError('MALFORMED', `a master key must be ${KEY_BYTES} bytes`);
    this.current = Buffer.from(masterKey);
    this.keyId = masterKeyId(this.current);
    for (const k of [...previous, masterKey]) this.byId.set(masterKeyId(k), Buffer.from(k));
  }

  /** An envelope from base64 master keys (current first). */
  static fromBase64(current: string, previous: string[] = []): Envelope {
    return new Envelope(parseMasterKey(current), previous.map(parseMasterKey));
  }

  /** Whether a stored value is in a sealed format (any version); plaintext otherwise. */
  static isSealed(value: string): boolean {
    return /^ev\d+\.[0-9a-f]{16}\./.test(value);
  }

  /** Encrypts `plaintext` for the place `ctx` under a fresh data key. */
  seal(plaintext: string | Uint8Array, ctx: EnvelopeContext): string {
    const dataKey = randomBytes(KEY_BYTES);
    try {
      const bytes = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
      const data = gcmSeal(dataKey, bytes, aad('data', ctx));
      return this.format(this.keyId, this.wrap(dataKey, ctx), data);
    } finally {
      dataKey.fill(0);
    }
  }

  /** Decrypts a value sealed for the same place; throws {@link EnvelopeError} otherwise. */
  open(sealed: string, ctx: EnvelopeContext): Buffer {
    const p = parse(sealed);
    const dataKey = this.unwrap(p, ctx);
    try {
      return gcmOpen(dataKey, p.data, aad('data', ctx), `${ctx.table}.${ctx.column} of ${ctx.id}`);
    } finally {
      dataKey.fill(0);
    }
  }

  /** {@link open} as UTF-8 text. */
  openText(sealed: string, ctx: EnvelopeContext): string {
    return this.open(sealed, ctx).toString('utf8');
  }

  /** Whether `sealed` is wrapped under an older master key and should be {@link rewrap}ped. */
  needsRewrap(sealed: string): boolean {
    return parse(sealed).kid !== this.keyId;
  }

  /** Re-wraps the data key of `sealed` under the current master key; the value is not decrypted. */
  rewrap(sealed: string, ctx: EnvelopeContext): string {
    const p = parse(sealed);
    if (p.kid === this.keyId) return sealed;
    const dataKey = this.unwrap(p, ctx);
    try {
      return this.format(this.keyId, this.wrap(dataKey, ctx), p.data);
    } finally {
      dataKey.fill(0);
    }
  }

  /**
   * A key for another purpose (e.g. an HMAC pepper), derived from the master key with HKDF so
   * that the master key itself is used for wrapping only.
   */
  deriveKey(purpose: string, bytes = KEY_BYTES): Buffer {
    return Buffer.from(hkdfSync('sha256', this.current, Buffer.alloc(0), `medikamente:${purpose}`, bytes));
  }

  private wrap(dataKey: Buffer, ctx: EnvelopeContext): Buffer {
    return gcmSeal(this.current, dataKey, aad('key', ctx, this.keyId));
  }

  private unwrap(p: Parsed, ctx: EnvelopeContext): Buffer {
    const master = this.byId.get(p.kid);
    if (!master)
      throw new EnvelopeError(
        'WRONG_MASTER_KEY',
        `${ctx.table}.${ctx.column} of ${ctx.id} was sealed under master key ${p.kid}; configured: ${[...this.byId.keys()].join(', ')}`,
      );
    const dataKey = gcmOpen(
      master,
      p.wrapped,
      aad('key', ctx, p.kid),
      `data key of ${ctx.table}.${ctx.column}`,
    );
    if (dataKey.length !== KEY_BYTES)
      throw new EnvelopeError('MALFORMED', 'wrapped data key has a wrong length');
    return dataKey;
  }

  private format(kid: string, wrapped: Buffer, data: Buffer): string {
    return `${VERSION}.${kid}.${wrapped.toString('base64url')}.${data.toString('base64url')}`;
  }
}
