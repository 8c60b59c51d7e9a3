import { type Database, loadMasterEnvelope, SubjectKeyring } from '@medikamente/runtime';
import type { RecordEnv } from '../../env';

/** The data-key category of clinical content (one key per patient). */
export const HEALTH_KEYS = 'HEALTH';
/** Blind index purpose of diagnosis codes. */
export const DIAGNOSIS_INDEX = 'diagnosis-code';

/** The record's keyring: patients' data keys wrapped under RECORD_MASTER_KEY(_FILE). */
export const recordKeyring = (database: Database, env: RecordEnv) =>
  new SubjectKeyring(database, loadMasterEnvelope('RECORD', env));
