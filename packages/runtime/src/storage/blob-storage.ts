/**
 * The blob storage port: opaque bytes under opaque keys chosen by the caller. It knows nothing
 * of what it stores (callers encrypt before `put` and decide who may `get`); it never hands out
 * URLs, so every download goes through the caller's authorised endpoint.
 */
export type BlobStorage = {
  /** Which adapter this is (for startup logs; never carries settings or secrets). */
  readonly kind: 'fs' | 's3';
  /** Stores `bytes` under `key`, replacing what was there; visible to `get` once it resolves. */
  put(key: string, bytes: Uint8Array, meta?: BlobMeta): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Releases connections (S3); the storage is unusable afterwards. */
  close(): Promise<void>;
};

/** What an adapter may record beside the bytes (S3 keeps it as object metadata; fs ignores it). */
export type BlobMeta = { contentType?: string };

const KEY_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9/_.-]{0,250}$/;

/** A key the storage refuses (a caller's bug: keys are built by code, never taken from users). */
export class InvalidBlobKeyError extends Error {
  readonly code = 'INVALID_BLOB_KEY';
  constructor(reason: string) {
    super(`invalid blob key: ${reason}`);
    this.name = 'InvalidBlobKeyError';
  }
}

/** Why `key` is not a valid blob key, or null when it is. */
export function blobKeyProblem(key: unknown): string | null {
  if (typeof key !== 'string') return 'not a string';
  if (!KEY_PATTERN.test(key)) return 'must match /^[a-zA-Z0-9][a-zA-Z0-9/_.-]{0,250}$/';
  if (key.includes('..')) return 'must not contain ".."';
  // Empty or "." segments and a trailing "/" would name the same object in two ways on disk.
  if (key.split('/').some((s) => s === '' || s === '.')) return 'empty or "." path segment';
  return null;
}

/**
 * Checks a blob key: 1–251 characters of `[a-zA-Z0-9/_.-]` starting with a letter or digit, no
 * "..", no empty or "." segments. Throws InvalidBlobKeyError otherwise.
 */
export function assertBlobKey(key: unknown): asserts key is string {
  const problem = blobKeyProblem(key);
  if (problem) throw new InvalidBlobKeyError(problem);
}
