import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { assertBlobKey, type BlobStorage } from './blob-storage';

const MISSING = new Set(['ENOENT', 'ENOTDIR']);
const isMissing = (err: unknown) => MISSING.has((err as NodeJS.ErrnoException)?.code ?? '');

/**
 * Blobs as files under `rootDir` (the default of a single-host deployment and of development).
 * Writes are atomic and durable: a temporary file in the same directory is written, fsynced and
 * renamed over the target, then the directory is fsynced, so a crash leaves the old bytes or the
 * new ones, never a torn file. Files are 0600, directories 0700.
 *
 * Layout: the last key segment is a file `<segment>.blob`, the others are directories
 * `<segment>.d`, so "a" and "a/b" can both exist (as on S3) and a temporary file (`*.tmp`) never
 * has a key's name. Keys are validated (assertBlobKey) and the resolved path is checked to stay
 * under the root, so no key reaches outside it.
 */
export class FileBlobStorage implements BlobStorage {
  readonly kind = 'fs' as const;
  readonly rootDir: string;

  constructor(rootDir: string) {
    this.rootDir = resolve(rootDir);
  }

  /** The file that holds `key` (exported for tests and operators; not part of the port). */
  pathOf(key: string): string {
    assertBlobKey(key);
    const segments = key.split('/');
    const last = segments.pop() as string;
    const path = join(this.rootDir, ...segments.map((s) => `${s}.d`), `${last}.blob`);
    // Defence in depth: validation already forbids "..", leading "/" and empty segments.
    if (!path.startsWith(this.rootDir + sep)) throw new Error('blob path escapes the storage root');
    return path;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathOf(key);
    const dir = dirname(path);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const tmp = `${path}.${randomBytes(8).toString('hex')}.tmp`;
    const file = await open(tmp, 'wx', 0o600);
    try {
      await file.writeFile(bytes);
      await file.sync();
    } catch (err) {
      await file.close();
      await unlink(tmp).catch(() => {});
      throw err;
    }
    await file.close();
    try {
      await rename(tmp, path);
    } catch (err) {
      await unlink(tmp).catch(() => {});
      throw err;
    }
    await syncDir(dir);
  }

  async get(key: string): Promise<Uint8Array | null> {
    const path = this.pathOf(key);
    try {
      const buf = await readFile(path);
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    try {
      await unlink(path);
    } catch (err) {
      if (isMissing(err)) return;
      throw err;
    }
    await syncDir(dirname(path));
  }

  async exists(key: string): Promise<boolean> {
    const path = this.pathOf(key);
    try {
      return (await stat(path)).isFile();
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  async close(): Promise<void> {}
}

/** Makes a rename or unlink in `dir` durable (the directory entry itself is fsynced). */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
