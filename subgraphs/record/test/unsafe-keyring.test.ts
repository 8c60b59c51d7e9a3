import {
  Envelope,
  generateMasterKey,
  KEYRING_MIGRATION,
  openDatabase,
  SubjectKeyring,
} from '@medikamente/runtime';
import { createTestIssuer } from '@medikamente/runtime/testing';
import { describe, expect, it } from 'vitest';
import { loadRecordEnv } from '../src/env';
import { createRecordService } from '../src/service';

// `unsafeKeyring` is the hook of the benchmark's unencrypted control (pnpm bench:record).
describe('record service option unsafeKeyring', () => {
  const keyringOn = async () => {
    const scratch = await openDatabase({ dataDir: 'memory://', migrations: [KEYRING_MIGRATION] });
    return { scratch, keyring: new SubjectKeyring(scratch, Envelope.fromBase64(generateMasterKey())) };
  };

  it('is refused in production', async () => {
    const { scratch, keyring } = await keyringOn();
    const { verifier } = await createTestIssuer();
    const env = loadRecordEnv({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      DATA_DIR: 'memory://',
      RECORD_MASTER_KEY: generateMasterKey(),
    });
    await expect(
      // Refused before anything touches the database (here without the record's tables).
      createRecordService(env, { verifier, background: false, database: scratch, unsafeKeyring: keyring }),
    ).rejects.toThrow(/unsafeKeyring .*refused in production/);
    await scratch.close();
  });

  it('replaces the keyring of the stores outside production', async () => {
    const { scratch, keyring } = await keyringOn();
    const { verifier } = await createTestIssuer();
    const env = loadRecordEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: 'memory://' });
    const service = await createRecordService(env, { verifier, background: false, unsafeKeyring: keyring });
    try {
      expect(service.stores.keyring).toBe(keyring);
    } finally {
      await service.close();
      await scratch.close();
    }
  });
});
