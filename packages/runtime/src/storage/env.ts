import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { BlobStorage } from './blob-storage';
import { FileBlobStorage } from './file-blob-storage';
import { S3BlobStorage } from './s3-blob-storage';

const emptyAsUnset = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema);

/** The storage settings without their prefix (see `blobStorageEnv`). */
const fragment = (prefix: string) => ({
  /** `fs` (files under STORAGE_DIR, the default) or `s3`. */
  STORAGE: z.enum(['fs', 's3']).default('fs'),
  STORAGE_DIR: z
    .string()
    .min(1)
    .default(resolve(process.cwd(), `.data/${prefix.toLowerCase()}-blobs`)),
  /** An S3-compatible endpoint (https://storage.yandexcloud.net, http://minio:9000); unset: AWS. */
  S3_ENDPOINT: emptyAsUnset(z.string().url().optional()),
  S3_BUCKET: emptyAsUnset(z.string().min(3).max(63).optional()),
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** Both or neither; neither: the SDK's default credential chain (instance or pod role). */
  S3_ACCESS_KEY_ID: emptyAsUnset(z.string().optional()),
  S3_SECRET_ACCESS_KEY: emptyAsUnset(z.string().optional()),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false'),
});
type Fragment = ReturnType<typeof fragment>;
type Settings = z.infer<z.ZodObject<Fragment>>;

/** `blobStorageEnv('RECORD')`'s shape: RECORD_STORAGE, RECORD_STORAGE_DIR, RECORD_S3_… */
export type BlobStorageEnvShape<P extends string> = {
  [K in keyof Fragment as `${Uppercase<P>}_${K & string}`]: Fragment[K];
};

const checkPrefix = (prefix: string) => {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(prefix)) throw new Error(`invalid storage settings prefix ${prefix}`);
  return prefix.toUpperCase();
};

/**
 * The settings of one blob storage, to spread into a deployable's env schema, all named
 * `<PREFIX>_…`: `_STORAGE` (`fs` | `s3`, default fs), `_STORAGE_DIR` (default
 * `.data/<prefix>-blobs`), `_S3_ENDPOINT`, `_S3_BUCKET`, `_S3_REGION` (default us-east-1),
 * `_S3_ACCESS_KEY_ID`, `_S3_SECRET_ACCESS_KEY`, `_S3_FORCE_PATH_STYLE` (`true` | `false`).
 * Add `.superRefine(checkBlobStorageEnv(prefix))` so that an incomplete S3 setup stops the start.
 */
export function blobStorageEnv<P extends string>(prefix: P): BlobStorageEnvShape<P> {
  const upper = checkPrefix(prefix);
  return Object.fromEntries(
    Object.entries(fragment(upper)).map(([k, v]) => [`${upper}_${k}`, v]),
  ) as BlobStorageEnvShape<P>;
}

/** Reads the un-prefixed settings out of a (parsed or raw) configuration object. */
function settingsOf(prefix: string, env: Record<string, unknown>) {
  const upper = checkPrefix(prefix);
  const raw = Object.fromEntries(Object.keys(fragment(upper)).map((k) => [k, env[`${upper}_${k}`]]));
  return { upper, result: z.object(fragment(upper)).safeParse(raw) };
}

/** Why these settings cannot make a storage (names only, never values), or null. */
function settingsProblem(s: Settings, p: string): { key: string; message: string } | null {
  if (s.STORAGE !== 's3') return null;
  if (!s.S3_BUCKET) return { key: `${p}_S3_BUCKET`, message: `required when ${p}_STORAGE is s3` };
  if (Boolean(s.S3_ACCESS_KEY_ID) !== Boolean(s.S3_SECRET_ACCESS_KEY))
    return {
      key: `${p}_S3_SECRET_ACCESS_KEY`,
      message: `set both ${p}_S3_ACCESS_KEY_ID and ${p}_S3_SECRET_ACCESS_KEY, or neither`,
    };
  return null;
}

/** A zod refinement that refuses an incomplete S3 configuration of `blobStorageEnv(prefix)`. */
export function checkBlobStorageEnv(prefix: string) {
  return (env: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const { upper, result } = settingsOf(prefix, env);
    const problem = result.success ? settingsProblem(result.data, upper) : null;
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.key], message: problem.message });
  };
}

/**
 * The blob storage a deployable's parsed configuration names (see `blobStorageEnv`): files under
 * `<PREFIX>_STORAGE_DIR`, or the S3 bucket. Throws, naming the setting but never its value,
 * when the configuration is incomplete.
 */
export function blobStorageFromEnv(prefix: string, env: Record<string, unknown>): BlobStorage {
  const { upper, result } = settingsOf(prefix, env);
  if (!result.success) {
    const names = result.error.issues.map((i) => `${upper}_${i.path.join('.')}`);
    throw new Error(`invalid blob storage settings: ${names.join(', ')}`);
  }
  const s = result.data;
  const problem = settingsProblem(s, upper);
  if (problem) throw new Error(`invalid blob storage settings: ${problem.key}: ${problem.message}`);
  if (s.STORAGE === 'fs') return new FileBlobStorage(s.STORAGE_DIR);
  return new S3BlobStorage({
    endpoint: s.S3_ENDPOINT,
    region: s.S3_REGION,
    bucket: s.S3_BUCKET as string,
    accessKeyId: s.S3_ACCESS_KEY_ID,
    secretAccessKey: s.S3_SECRET_ACCESS_KEY,
    forcePathStyle: s.S3_FORCE_PATH_STYLE === 'true',
  });
}

/**
 * A subgraph's blob storage from its configuration, with the `fs` default beside its data:
 * `<PREFIX>_STORAGE_DIR`, else `<DATA_DIR>-blobs`, else (an in-memory DATA_DIR: tests) a
 * temporary directory removed on close. The storage is closed with the service (`onClose`).
 */
export async function subgraphBlobStorage(
  prefix: string,
  env: Record<string, unknown> & { DATA_DIR: string },
  onClose: (step: () => unknown) => void,
): Promise<BlobStorage> {
  const upper = prefix.toUpperCase();
  let dir = env[`${upper}_STORAGE_DIR`] as string | undefined;
  if (!dir && (env[`${upper}_STORAGE`] ?? 'fs') === 'fs') {
    if (env.DATA_DIR.startsWith('memory://')) {
      const tmp = await mkdtemp(join(tmpdir(), `mk-${prefix.toLowerCase()}-blobs-`));
      onClose(() => rm(tmp, { recursive: true, force: true }));
      dir = tmp;
    } else dir = `${env.DATA_DIR.replace(/\/+$/, '')}-blobs`;
  }
  const storage = blobStorageFromEnv(prefix, { ...env, [`${upper}_STORAGE_DIR`]: dir });
  onClose(() => storage.close());
  return storage;
}
