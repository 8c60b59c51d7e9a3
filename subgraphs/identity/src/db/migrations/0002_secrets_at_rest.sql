-- Secrets at rest: TOTP secrets (account.totp_secret) and private signing keys are sealed by the
-- service (AES-256-GCM envelope under IDENTITY_MASTER_KEY, bound to table, column and row id).
-- Rows written before this migration are sealed at start (KeyStore/AccountStore.sealAtRest),
-- which also empties the plaintext private_jwk column.
alter table signing_key add column if not exists private_key_sealed text;
-- statement-break
alter table signing_key alter column private_jwk drop not null;
-- statement-break
-- Key rotation: a retired key stays published in the JWKS until tokens it signed have expired.
alter table signing_key add column if not exists retired_at timestamptz;
-- statement-break
create index if not exists signing_key_retired_idx on signing_key (retired_at) where retired_at is not null;
