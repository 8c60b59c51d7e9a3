import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BlobStorage,
  blobStorageFromEnv,
  FileBlobStorage,
  InvalidBlobKeyError,
  S3BlobStorage,
} from '../src/storage';
import { startS3rver, type TestS3 } from '../src/testing';
import { testEnv } from '../src/testing/env';

const INVALID_KEYS = [
  '',
  '/etc/passwd',
  '../escape',
  'a/../../escape',
  'a/..',
  'a..b',
  'a//b',
  'a/',
  'a/./b',
  '.hidden',
  '-dash',
  'with space',
  'ключ',
  'a\\b',
  'a\0b',
  'x'.repeat(252),
];

type Backend = { storage: BlobStorage; cleanup(): Promise<void> };

/** The same behaviour from every adapter of the port. */
function contract(name: string, make: () => Promise<Backend>) {
  describe(`${name} (BlobStorage contract)`, () => {
    let backend: Backend;
    let storage: BlobStorage;
    const key = (suffix = '') => `contract/${randomUUID()}${suffix}`;
    beforeAll(async () => {
      backend = await make();
      storage = backend.storage;
    });
    afterAll(() => backend?.cleanup());

    it('round-trips every byte value', async () => {
      const k = key('.bin');
      const bytes = new Uint8Array(512).map((_, i) => i % 256);
      await storage.put(k, bytes, { contentType: 'application/octet-stream' });
      expect(await storage.exists(k)).toBe(true);
      expect(Buffer.from((await storage.get(k)) ?? [])).toEqual(Buffer.from(bytes));
    });

    it('round-trips 5 MB of random bytes', async () => {
      const k = key();
      const bytes = new Uint8Array(randomBytes(5 * 1024 * 1024));
      await storage.put(k, bytes);
      const back = await storage.get(k);
      expect(back?.byteLength).toBe(bytes.byteLength);
      expect(Buffer.from(back as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
    });

    it('stores empty content as empty, not as missing', async () => {
      const k = key();
      await storage.put(k, new Uint8Array(0));
      expect(await storage.exists(k)).toBe(true);
      expect((await storage.get(k))?.byteLength).toBe(0);
    });

    it('overwrites with shorter content entirely', async () => {
      const k = key();
      await storage.put(k, new Uint8Array(1000).fill(7));
      await storage.put(k, new Uint8Array([1, 2, 3]));
      expect(Array.from((await storage.get(k)) ?? [])).toEqual([1, 2, 3]);
    });

    it('answers null and false for a missing key, and deletes idempotently', async () => {
      const k = key();
      expect(await storage.get(k)).toBeNull();
      expect(await storage.exists(k)).toBe(false);
      await storage.put(k, new Uint8Array([9]));
      await storage.delete(k);
      expect(await storage.get(k)).toBeNull();
      expect(await storage.exists(k)).toBe(false);
      await expect(storage.delete(k)).resolves.toBeUndefined();
    });

    it('keeps a key and keys below it apart ("a" and "a/b")', async () => {
      const k = key();
      await storage.put(k, new Uint8Array([1]));
      await storage.put(`${k}/child`, new Uint8Array([2]));
      expect(Array.from((await storage.get(k)) ?? [])).toEqual([1]);
      expect(Array.from((await storage.get(`${k}/child`)) ?? [])).toEqual([2]);
      await storage.delete(k);
      expect(await storage.exists(`${k}/child`)).toBe(true);
    });

    it('refuses invalid keys in every operation', async () => {
      for (const bad of INVALID_KEYS) {
        await expect(storage.put(bad, new Uint8Array([1])), bad).rejects.toBeInstanceOf(InvalidBlobKeyError);
        await expect(storage.get(bad), bad).rejects.toBeInstanceOf(InvalidBlobKeyError);
        await expect(storage.exists(bad), bad).rejects.toBeInstanceOf(InvalidBlobKeyError);
        await expect(storage.delete(bad), bad).rejects.toBeInstanceOf(InvalidBlobKeyError);
      }
    });
  });
}

// Nothing here touches a database: the `runtime:pglite` project would only repeat it.
describe.skipIf(testEnv.forcePglite)('blob storage', () => {
  contract('FileBlobStorage', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mk-blobs-'));
    return {
      storage: new FileBlobStorage(join(root, 'store')),
      cleanup: () => rm(root, { recursive: true, force: true }),
    };
  });

  let s3: TestS3 | undefined;
  contract('S3BlobStorage on s3rver', async () => {
    s3 = await startS3rver();
    const storage = new S3BlobStorage(s3);
    return {
      storage,
      cleanup: async () => {
        await storage.close();
        await s3?.close();
      },
    };
  });

  describe('FileBlobStorage on disk', () => {
    let root: string;
    let storage: FileBlobStorage;
    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'mk-blobs-'));
      storage = new FileBlobStorage(join(root, 'store'));
    });
    afterAll(() => rm(root, { recursive: true, force: true }));

    it('writes 0600 files in 0700 directories and leaves no temporary file', async () => {
      const k = `modes/${randomUUID()}`;
      await storage.put(k, new Uint8Array([1, 2]));
      const path = storage.pathOf(k);
      expect(path.startsWith(join(root, 'store'))).toBe(true);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect((await stat(dirname(path))).mode & 0o777).toBe(0o700);
      expect(await readdir(dirname(path))).toEqual([path.slice(dirname(path).length + 1)]);
    });

    it('never writes outside its root for traversal keys', async () => {
      for (const bad of ['../escape', 'a/../../escape', '/tmp/escape', '..'])
        await expect(storage.put(bad, new Uint8Array([1]))).rejects.toBeInstanceOf(InvalidBlobKeyError);
      expect(await readdir(root)).toEqual(['store']);
      expect(existsSync(join(root, 'escape'))).toBe(false);
    });

    it('leaves one whole version when writers race on a key (atomic rename)', async () => {
      const k = `race/${randomUUID()}`;
      const versions = Array.from({ length: 8 }, (_, i) => new Uint8Array(256 * 1024).fill(i + 1));
      await Promise.all(versions.map((v) => storage.put(k, v)));
      const back = (await storage.get(k)) as Uint8Array;
      expect(back.byteLength).toBe(256 * 1024);
      expect(new Set(back).size).toBe(1);
      expect((await readdir(dirname(storage.pathOf(k)))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  });

  describe('S3 specifics on s3rver', () => {
    let s3: TestS3;
    beforeAll(async () => {
      s3 = await startS3rver();
    });
    afterAll(() => s3?.close());

    it('keeps the content type and is configured by blobStorageEnv settings', async () => {
      const storage = blobStorageFromEnv('RECORD', s3.env('RECORD'));
      expect(storage).toBeInstanceOf(S3BlobStorage);
      const k = `typed/${randomUUID()}`;
      await storage.put(k, new Uint8Array([0x25, 0x50]), { contentType: 'application/pdf' });
      const client = new S3Client({
        endpoint: s3.endpoint,
        region: s3.region,
        forcePathStyle: true,
        credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
      });
      const head = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: k }));
      client.destroy();
      expect(head.ContentType).toBe('application/pdf');
      expect(Array.from((await storage.get(k)) ?? [])).toEqual([0x25, 0x50]);
      await storage.close();
    });

    it('fails loudly (not as "missing") when the bucket does not exist', async () => {
      const storage = new S3BlobStorage({ ...s3, bucket: `absent-${randomUUID().slice(0, 8)}` });
      await expect(storage.put('x', new Uint8Array([1]))).rejects.toThrow();
      await expect(storage.get('x')).rejects.toMatchObject({ name: 'NoSuchBucket' });
      await storage.close();
    });
  });
});
