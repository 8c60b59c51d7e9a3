-- Idempotency keys move to the runtime's shared `idempotency` table (IDEMPOTENCY_MIGRATION, applied
-- before this folder). Same scope (`<kind>:<subject>`), operation and request hash as before;
-- the stored result is the appointment id.
insert into idempotency (actor, key, operation, request_hash, result, created_at)
select actor, key, operation, request_hash, to_jsonb(appointment_id::text), created_at
from idempotency_key
on conflict (actor, key) do nothing
-- statement-break
drop table idempotency_key
