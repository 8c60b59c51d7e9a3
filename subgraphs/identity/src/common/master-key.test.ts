import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateMasterKey } from '@medikamente/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import { loadIdentityEnv } from '../env';
import { defaultMasterKeyFile, loadEnvelope } from './master-key';

const dir = mkdtempSync(join(tmpdir(), 'mk-identity-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('identity master key', () => {
  it('is generated once into the data directory in development, owner-only', () => {
    const env = loadIdentityEnv({ NODE_ENV: 'development', DATA_DIR: join(dir, 'dev') });
    const first = loadEnvelope(env);
    const file = defaultMasterKeyFile(join(dir, 'dev'));
    expect(file).toBe(join(dir, 'dev-master.key'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadEnvelope(env).keyId).toBe(first.keyId);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('comes from IDENTITY_MASTER_KEY or IDENTITY_MASTER_KEY_FILE when set', () => {
    const key = generateMasterKey();
    const fromVar = loadEnvelope(loadIdentityEnv({ IDENTITY_MASTER_KEY: key, DATA_DIR: join(dir, 'x') }));
    const fileEnv = loadIdentityEnv({
      IDENTITY_MASTER_KEY_FILE: join(dir, 'given.key'),
      DATA_DIR: 'memory://',
    });
    const generated = loadEnvelope(fileEnv);
    expect(fromVar.keyId).not.toBe(generated.keyId);
    expect(loadEnvelope(fileEnv).keyId).toBe(generated.keyId);
  });

  it('is a configuration error in production when absent, missing or malformed', () => {
    expect(() => loadIdentityEnv({ NODE_ENV: 'production' })).toThrow(
      /IDENTITY_MASTER_KEY or IDENTITY_MASTER_KEY_FILE/,
    );
    expect(() => loadIdentityEnv({ IDENTITY_MASTER_KEY: 'too-short' })).toThrow(/32 bytes/);
    const missing = loadIdentityEnv({
      NODE_ENV: 'production',
      IDENTITY_MASTER_KEY_FILE: join(dir, 'absent.key'),
    });
    expect(() => loadEnvelope(missing)).toThrow(/does not exist/);
  });
});
