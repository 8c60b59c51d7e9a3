import { type Database, EnvelopeError, loadMasterEnvelope, SubjectKeyring } from '@medikamente/runtime';
import type { RecordEnv } from '../../env';

/** The data-key category of clinical content (one key per patient). */
export const HEALTH_KEYS = 'HEALTH';
/** Blind index purpose of diagnosis codes. */
export const DIAGNOSIS_INDEX = 'diagnosis-code';

/** The record's keyring: patients' data keys wrapped under RECORD_MASTER_KEY(_FILE). */
export const recordKeyring = (database: Database, env: RecordEnv) =>
  new SubjectKeyring(database, loadMasterEnvelope('RECORD', env));

/** The nil subject: keys of the service itself (signature, index keys), not of a patient. */
export const SERVICE_SUBJECT = '00000000-0000-0000-0000-000000000000';

/**
 * Opens (or on first start creates) the service's own signing key: a master key that cannot open
 * the keys already in the database stops the start with the settings to fix, instead of failing
 * every later read.
 */
export async function checkMasterKey(keyring: SubjectKeyring): Promise<void> {
  try {
    await keyring.keyFor(SERVICE_SUBJECT, 'signature');
  } catch (e) {
    if (!(e instanceof EnvelopeError)) throw e;
    throw new Error(
      `record: the configured master key cannot open the data keys in this database (${e.message}). ` +
        'Configure the key they were sealed with (RECORD_MASTER_KEY or RECORD_MASTER_KEY_FILE), ' +
        'with a new one in RECORD_MASTER_KEY and the old one in RECORD_PREVIOUS_MASTER_KEYS to rotate.',
    );
  }
}
