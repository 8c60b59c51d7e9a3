import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import { assertBlobKey, type BlobMeta, type BlobStorage } from './blob-storage';

export type S3BlobStorageOptions = {
  /** An S3-compatible endpoint (MinIO, Yandex Object Storage, s3rver); unset: AWS itself. */
  endpoint?: string | undefined;
  region: string;
  bucket: string;
  /**
   * Static credentials; leave both unset to use the SDK's default chain (instance role,
   * web identity, AWS_* variables read by the SDK itself).
   */
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
  /** `http://host/bucket/key` instead of `http://bucket.host/key` (MinIO, s3rver). */
  forcePathStyle?: boolean;
};

const status = (err: unknown) =>
  (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
// GetObject names the missing thing; a missing bucket (NoSuchBucket) is a configuration error.
const isNoSuchKey = (err: unknown) => (err as Error)?.name === 'NoSuchKey';
// HeadObject has no body: a 404 cannot tell a missing key from a missing bucket.
const isHeadNotFound = (err: unknown) => (err as Error)?.name === 'NotFound' || status(err) === 404;

type Sdk = typeof import('@aws-sdk/client-s3');

/**
 * Blobs as objects of one S3 bucket. The client and its credentials live in a private field, so
 * logging or inspecting the storage never shows a secret (`toJSON` gives kind, bucket, endpoint).
 * Objects are private (no ACL is set); the port hands out no URLs. The SDK is loaded on first
 * use, so processes that import the runtime without S3 do not pay for it.
 */
export class S3BlobStorage implements BlobStorage {
  readonly kind = 's3' as const;
  readonly bucket: string;
  readonly endpoint: string | undefined;
  readonly #config: S3ClientConfig;
  #sdk: Promise<{ sdk: Sdk; client: S3Client }> | undefined;

  constructor(options: S3BlobStorageOptions) {
    const { accessKeyId, secretAccessKey } = options;
    if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
      throw new Error('S3 access key id and secret access key go together');
    this.bucket = options.bucket;
    this.endpoint = options.endpoint;
    this.#config = {
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      forcePathStyle: options.forcePathStyle ?? false,
      ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
      // The SDK's default CRC checksums on every request are not understood by several
      // S3-compatible servers; send them only where the API requires them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    };
  }

  #connect(): Promise<{ sdk: Sdk; client: S3Client }> {
    this.#sdk ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client(this.#config),
    }));
    return this.#sdk;
  }

  async put(key: string, bytes: Uint8Array, meta?: BlobMeta): Promise<void> {
    assertBlobKey(key);
    const { sdk, client } = await this.#connect();
    await client.send(
      new sdk.PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: bytes,
        ContentLength: bytes.byteLength,
        ContentType: meta?.contentType ?? 'application/octet-stream',
      }),
    );
  }

  async get(key: string): Promise<Uint8Array | null> {
    assertBlobKey(key);
    const { sdk, client } = await this.#connect();
    try {
      const out = await client.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!out.Body) return new Uint8Array(0);
      return await out.Body.transformToByteArray();
    } catch (err) {
      if (isNoSuchKey(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    assertBlobKey(key);
    const { sdk, client } = await this.#connect();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** False for a missing key — and, since HEAD answers carry no error code, for a missing bucket. */
  async exists(key: string): Promise<boolean> {
    assertBlobKey(key);
    const { sdk, client } = await this.#connect();
    try {
      await client.send(new sdk.HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (err) {
      if (isHeadNotFound(err)) return false;
      throw err;
    }
  }

  async close(): Promise<void> {
    const connected = this.#sdk;
    this.#sdk = undefined;
    if (connected) (await connected).client.destroy();
  }

  toJSON() {
    return { kind: this.kind, bucket: this.bucket, endpoint: this.endpoint ?? null };
  }
}
