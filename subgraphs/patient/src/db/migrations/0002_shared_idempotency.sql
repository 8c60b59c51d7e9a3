-- Idempotency keys move to the runtime's shared `idempotency` table (IDEMPOTENCY_MIGRATION, applied
-- before this folder). Keys were scoped per (account, operation); they are now per caller
-- (`user:<account>`), and the stored result is the patient id. No request hash was kept: those
-- rows replay their patient for any retry of the same operation, as they did before.
insert into idempotency (actor, key, operation, request_hash, result, created_at)
select 'user:' || actor_id, key, operation, null, to_jsonb(result_id::text), created_at
from idempotency_key
order by created_at
on conflict (actor, key) do nothing
-- statement-break
drop table idempotency_key
