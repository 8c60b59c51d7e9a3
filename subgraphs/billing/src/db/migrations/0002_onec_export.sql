-- Export to 1C:Accounting: our record (payment, refund, or the payer's counterparty) -> the 1C
-- object's Ref_Key, and the retry state of records not exported yet. A row is either exported
-- (with its Ref_Key, for good) or failed (last error and when to try again).
create table onec_export (
  kind text not null check (kind in ('payment', 'refund', 'counterparty')),
  our_id text not null,
  ref_key uuid,
  status text not null check (status in ('exported', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  last_error text,
  next_attempt_at timestamptz,
  exported_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (kind, our_id),
  constraint onec_export_state check (
    (status = 'exported' and ref_key is not null and exported_at is not null)
    or (status = 'failed' and ref_key is null and next_attempt_at is not null)
  )
)
-- statement-break
-- The accountant's list of failures, and the scheduler's "what is due" query.
create index onec_export_failed_idx on onec_export (next_attempt_at) where status = 'failed'
-- statement-break
-- Once exported, a row never changes again: the 1C object exists and is ours.
create function onec_export_keep_exported() returns trigger language plpgsql as $$
begin
  if old.status = 'exported' then
    raise exception 'onec_export row % % is exported and cannot change', old.kind, old.our_id
      using errcode = 'integrity_constraint_violation';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end
$$
-- statement-break
create trigger onec_export_keep_exported before update or delete on onec_export
  for each row execute function onec_export_keep_exported()
