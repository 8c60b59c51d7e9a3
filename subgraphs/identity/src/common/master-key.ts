import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Envelope, generateMasterKey } from '@medikamente/runtime';
import type { IdentityEnv } from '../env';

/**
 * The development key file: next to the data directory, not inside it (that one belongs to the
 * database), e.g. `.data/identity-master.key` for `.data/identity`.
 */
export const defaultMasterKeyFile = (dataDir: string) =>
  join(dirname(dataDir), `${basename(dataDir)}-master.key`);

// With an in-memory data directory (tests) the key lives as long as the process, so a service
// restarted in the same process on the same database can still read what it sealed.
let processKey: string | undefined;

/**
 * The master key of this service: IDENTITY_MASTER_KEY, else the file IDENTITY_MASTER_KEY_FILE,
 * else (not in production) {@link defaultMasterKeyFile}. Outside production a missing key file is
 * created with mode 0600; in production a missing or unreadable file is a configuration error.
 */
export function loadEnvelope(env: IdentityEnv): Envelope {
  const previous = env.IDENTITY_PREVIOUS_MASTER_KEYS;
  if (env.IDENTITY_MASTER_KEY) return Envelope.fromBase64(env.IDENTITY_MASTER_KEY, previous);
  const production = env.NODE_ENV === 'production';
  const file =
    env.IDENTITY_MASTER_KEY_FILE ??
    (env.DATA_DIR.startsWith('memory://') ? null : defaultMasterKeyFile(env.DATA_DIR));
  if (!file) {
    if (production)
      throw new Error('IDENTITY_MASTER_KEY or IDENTITY_MASTER_KEY_FILE is required in production');
    processKey ??= generateMasterKey();
    return Envelope.fromBase64(processKey, previous);
  }
  if (!existsSync(file)) {
    if (production) throw new Error(`IDENTITY_MASTER_KEY_FILE ${file} does not exist`);
    mkdirSync(dirname(file), { recursive: true });
    // 'wx': never overwrite a key another process has just written.
    try {
      writeFileSync(file, `${generateMasterKey()}\n`, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  try {
    return Envelope.fromBase64(readFileSync(file, 'utf8'), previous);
  } catch (e) {
    throw new Error(`identity master key file ${file}: ${(e as Error).message}`);
  }
}

const envelopes = new WeakMap<IdentityEnv, Envelope>();

/** The envelope of a configuration, loaded once: the stores and the sign-up code key share it. */
export function envelopeFor(env: IdentityEnv): Envelope {
  let envelope = envelopes.get(env);
  if (!envelope) {
    envelope = loadEnvelope(env);
    envelopes.set(env, envelope);
  }
  return envelope;
}
