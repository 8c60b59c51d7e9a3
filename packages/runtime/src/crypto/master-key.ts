import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { Envelope, generateMasterKey, parseMasterKey } from './envelope';

const valid = (v: string) => {
  try {
    parseMasterKey(v);
    return true;
  } catch {
    return false;
  }
};

/**
 * Env settings of a service's master key, e.g. for prefix `RECORD`: `RECORD_MASTER_KEY` (base64,
 * 32 bytes), `RECORD_MASTER_KEY_FILE` (a mounted secret), `RECORD_PREVIOUS_MASTER_KEYS`
 * (comma-separated, still accepted for unwrapping while a rotation re-wraps).
 */
export function masterKeyEnv<P extends string>(prefix: P) {
  return {
    [`${prefix}_MASTER_KEY`]: z
      .string()
      .optional()
      .refine((v) => v === undefined || valid(v), 'must be 32 bytes, base64-encoded'),
    [`${prefix}_MASTER_KEY_FILE`]: z.string().min(1).optional(),
    [`${prefix}_PREVIOUS_MASTER_KEYS`]: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
      )
      .refine((keys) => keys.every(valid), 'each key must be 32 bytes, base64-encoded'),
  } as {
    [K in `${P}_MASTER_KEY` | `${P}_MASTER_KEY_FILE`]: z.ZodOptional<z.ZodString>;
  } & { [K in `${P}_PREVIOUS_MASTER_KEYS`]: z.ZodType<string[]> };
}

type Settings = { NODE_ENV?: string; DATA_DIR: string } & Record<string, unknown>;

// With an in-memory data directory (tests) the key lives as long as the process.
const processKeys = new Map<string, string>();

/**
 * The master key envelope of a service: `<P>_MASTER_KEY`, else the file `<P>_MASTER_KEY_FILE`,
 * else (not in production) `<DATA_DIR>-master.key` beside the data directory, generated with mode
 * 0600 on first start. Production without a configured key is a configuration error.
 */
export function loadMasterEnvelope(prefix: string, env: Settings): Envelope {
  const previous = (env[`${prefix}_PREVIOUS_MASTER_KEYS`] as string[] | undefined) ?? [];
  const inline = env[`${prefix}_MASTER_KEY`] as string | undefined;
  if (inline) return Envelope.fromBase64(inline, previous);
  const production = env.NODE_ENV === 'production';
  const configured = env[`${prefix}_MASTER_KEY_FILE`] as string | undefined;
  const file =
    configured ??
    (env.DATA_DIR.startsWith('memory://')
      ? null
      : join(dirname(env.DATA_DIR), `${basename(env.DATA_DIR)}-master.key`));
  if (!file) {
    if (production)
      throw new Error(`${prefix}_MASTER_KEY or ${prefix}_MASTER_KEY_FILE is required in production`);
    if (!processKeys.has(prefix)) processKeys.set(prefix, generateMasterKey());
    return Envelope.fromBase64(processKeys.get(prefix)!, previous);
  }
  if (!existsSync(file)) {
    if (production) throw new Error(`${prefix}_MASTER_KEY_FILE ${file} does not exist`);
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, `${generateMasterKey()}\n`, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  try {
    return Envelope.fromBase64(readFileSync(file, 'utf8').trim(), previous);
  } catch (e) {
    throw new Error(`${prefix.toLowerCase()} master key file ${file}: ${(e as Error).message}`);
  }
}
