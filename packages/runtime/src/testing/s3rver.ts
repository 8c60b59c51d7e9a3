import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type S3rverInstance = { run(): Promise<AddressInfo>; close(): Promise<void> };
type S3rverClass = new (options: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
}) => S3rverInstance;

/** A running s3rver with one empty bucket; its fields fit `new S3BlobStorage(s3)`. */
export type TestS3 = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: true;
  /** The `blobStorageEnv(prefix)` settings that point a deployable at this bucket. */
  env(prefix: string): Record<string, string>;
  /** Stops the server and deletes its directory. */
  close(): Promise<void>;
};

/**
 * Starts s3rver (a real S3-compatible HTTP server, objects on disk) on 127.0.0.1 with a random
 * port and a fresh temporary directory, and creates a bucket through the S3 API. s3rver and the
 * SDK are loaded only when called, so importing the testing helpers does not load them.
 */
export async function startS3rver(options: { bucket?: string } = {}): Promise<TestS3> {
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;
  const directory = await mkdtemp(join(tmpdir(), 'mk-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
  let address: AddressInfo;
  try {
    address = await server.run();
  } catch (err) {
    await rm(directory, { recursive: true, force: true });
    throw err;
  }
  const close = async () => {
    await server.close();
    await rm(directory, { recursive: true, force: true });
  };
  // s3rver accepts this one key pair (its documented default).
  const settings = {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket: options.bucket ?? `test-${randomBytes(6).toString('hex')}`,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true as const,
  };
  const { CreateBucketCommand, S3Client } = await import('@aws-sdk/client-s3');
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: true,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
  });
  try {
    await client.send(new CreateBucketCommand({ Bucket: settings.bucket }));
  } catch (err) {
    await close();
    throw err;
  } finally {
    client.destroy();
  }
  const env = (prefix: string) => {
    const p = prefix.toUpperCase();
    return {
      [`${p}_STORAGE`]: 's3',
      [`${p}_S3_ENDPOINT`]: settings.endpoint,
      [`${p}_S3_BUCKET`]: settings.bucket,
      [`${p}_S3_REGION`]: settings.region,
      [`${p}_S3_ACCESS_KEY_ID`]: settings.accessKeyId,
      [`${p}_S3_SECRET_ACCESS_KEY`]: settings.secretAccessKey,
      [`${p}_S3_FORCE_PATH_STYLE`]: 'true',
    };
  };
  return { ...settings, env, close };
}
