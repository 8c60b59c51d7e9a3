import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEnv } from '../src/env';
import {
  blobStorageEnv,
  blobStorageFromEnv,
  checkBlobStorageEnv,
  FileBlobStorage,
  S3BlobStorage,
} from '../src/storage';

const SECRET = 'wJalrXUtnFEMI-very-secret-key';
const schema = z.object({ ...blobStorageEnv('record') }).superRefine(checkBlobStorageEnv('record'));

describe('blobStorageEnv', () => {
  it('names every setting with the upper-cased prefix and defaults to files', () => {
    expect(Object.keys(blobStorageEnv('record')).sort()).toEqual([
      'RECORD_S3_ACCESS_KEY_ID',
      'RECORD_S3_BUCKET',
      'RECORD_S3_ENDPOINT',
      'RECORD_S3_FORCE_PATH_STYLE',
      'RECORD_S3_REGION',
      'RECORD_S3_SECRET_ACCESS_KEY',
      'RECORD_STORAGE',
      'RECORD_STORAGE_DIR',
    ]);
    const env = parseEnv(schema, {});
    expect(env.RECORD_STORAGE).toBe('fs');
    expect(env.RECORD_STORAGE_DIR).toMatch(/\.data\/record-blobs$/);
    const storage = blobStorageFromEnv('RECORD', { ...env, RECORD_STORAGE_DIR: '/tmp/x' });
    expect(storage).toBeInstanceOf(FileBlobStorage);
    expect((storage as FileBlobStorage).rootDir).toBe('/tmp/x');
  });

  it('refuses s3 without a bucket, and one key of a pair, naming the setting but not the secret', () => {
    expect(() => parseEnv(schema, { RECORD_STORAGE: 's3' })).toThrow(/RECORD_S3_BUCKET: required/);
    const halfPair = {
      RECORD_STORAGE: 's3',
      RECORD_S3_BUCKET: 'records',
      RECORD_S3_SECRET_ACCESS_KEY: SECRET,
    };
    let message = '';
    try {
      parseEnv(schema, halfPair);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/RECORD_S3_SECRET_ACCESS_KEY: set both RECORD_S3_ACCESS_KEY_ID/);
    expect(message).not.toContain(SECRET);
    expect(() => blobStorageFromEnv('RECORD', halfPair)).toThrow(/RECORD_S3_SECRET_ACCESS_KEY/);
    expect(() => parseEnv(schema, { RECORD_STORAGE: 'ftp' })).toThrow(/RECORD_STORAGE/);
  });

  it('builds an S3 storage whose logs and inspection never show the secret', () => {
    const env = parseEnv(schema, {
      RECORD_STORAGE: 's3',
      RECORD_S3_ENDPOINT: 'http://127.0.0.1:9000',
      RECORD_S3_BUCKET: 'records',
      RECORD_S3_ACCESS_KEY_ID: 'AKIATEST',
      RECORD_S3_SECRET_ACCESS_KEY: SECRET,
      RECORD_S3_FORCE_PATH_STYLE: 'true',
    });
    const storage = blobStorageFromEnv('RECORD', env);
    expect(storage).toBeInstanceOf(S3BlobStorage);
    expect(JSON.parse(JSON.stringify(storage))).toEqual({
      kind: 's3',
      bucket: 'records',
      endpoint: 'http://127.0.0.1:9000',
    });
    expect(inspect(storage, { depth: 10, showHidden: true })).not.toContain(SECRET);
    expect(JSON.stringify({ storage })).not.toContain(SECRET);
  });

  it('treats empty S3 settings as unset (compose files often pass VAR=)', () => {
    const env = parseEnv(schema, { RECORD_S3_ENDPOINT: '', RECORD_S3_ACCESS_KEY_ID: '' });
    expect(env.RECORD_S3_ENDPOINT).toBeUndefined();
    expect(blobStorageFromEnv('RECORD', env).kind).toBe('fs');
  });
});
