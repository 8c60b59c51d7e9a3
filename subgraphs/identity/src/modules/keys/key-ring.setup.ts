import { EnvelopeError, type Logger } from '@medikamente/runtime';
import type { IdentityEnv } from '../../env';
import type { AccountStore } from '../accounts/account.store';
import type { KeyStore } from './key.store';
import { KeyRing } from './key-ring';

/**
 * The signing keys, after sealing what was stored before encryption at rest (or under a previous
 * master key). A master key that cannot open the stored secrets fails with the settings to fix.
 */
export async function openKeyRing(
  stores: { keys: KeyStore; accounts: AccountStore },
  env: IdentityEnv,
  logger: Logger,
): Promise<KeyRing> {
  try {
    await stores.keys.sealAtRest();
    const totp = await stores.accounts.sealAtRest();
    if (totp.unreadable > 0)
      logger.warn({ accounts: totp.unreadable }, 'TOTP secrets that fail authentication were left unread');
    return await KeyRing.load(stores.keys, {
      accessTokenTtlSec: env.ACCESS_TOKEN_TTL_SEC,
      refreshSec: env.SIGNING_KEY_REFRESH_SEC,
      maxAgeDays: env.SIGNING_KEY_MAX_AGE_DAYS,
      onRotated: (r) => logger.info(r, 'signing key rotated'),
      onError: (e) => logger.warn({ err: (e as Error).message }, 'signing keys not re-read'),
    });
  } catch (e) {
    if (e instanceof EnvelopeError)
      throw new Error(
        `identity: the configured master key cannot open the secrets in this database (${e.message}). ` +
          'Configure the key they were sealed with (IDENTITY_MASTER_KEY or IDENTITY_MASTER_KEY_FILE); ' +
          'an older key goes in IDENTITY_PREVIOUS_MASTER_KEYS.',
      );
    throw e;
  }
}
