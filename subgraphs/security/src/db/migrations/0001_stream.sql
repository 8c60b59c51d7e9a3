-- The audit stream (ADR 0018): every source service's audit chain copied here by pull.
-- One row per source: the cursor (last copied seq and its hash), the state of its pulls, and a
-- halt when its chain broke (a break is never copied; the source stays halted until an operator
-- has examined it).
create table audit_source (
  service text primary key,
  last_seq bigint not null default 0 check (last_seq >= 0),
  last_hash text not null default '0000000000000000000000000000000000000000000000000000000000000000',
  last_pulled_at timestamptz,
  last_error_code text,
  failures integer not null default 0 check (failures >= 0),
  next_pull_at timestamptz not null default '-infinity',
  halted_reason text,
  halted_at_seq bigint
)
-- statement-break
-- The copied events, exactly once by (service, seq). stream_id is the global order for downstream
-- consumers (privacy-monitoring rules read by a stream_id cursor): ingestion inserts under a
-- global advisory transaction lock, so ids commit in increasing order and a reader that has seen
-- id N never later finds a committed row below N.
create table audit_record (
  service text not null,
  seq bigint not null,
  id uuid not null,
  occurred_at timestamptz not null,
  actor_id text not null,
  actor_role text not null,
  patient_id uuid not null,
  categories text[] not null,
  operation text,
  request_id text not null,
  client_address text,
  purpose text,
  prev_hash text not null,
  hash text not null,
  received_at timestamptz not null default now(),
  stream_id bigserial not null unique,
  primary key (service, seq)
)
-- statement-break
create index audit_record_patient_idx on audit_record (patient_id, occurred_at desc)
-- statement-break
create index audit_record_actor_idx on audit_record (actor_id, occurred_at desc)
-- statement-break
create index audit_record_occurred_idx on audit_record (occurred_at)
-- statement-break
create function audit_stream_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = '42501';
end $$
-- statement-break
create trigger audit_record_no_update before update or delete on audit_record
  for each row execute function audit_stream_refuse_change()
-- statement-break
create trigger audit_record_no_truncate before truncate on audit_record
  for each statement execute function audit_stream_refuse_change()
-- statement-break
-- Heads of every source's chain, taken periodically from the source itself: a later chain that
-- no longer holds the checkpointed event (or holds another one) was truncated or rewritten.
create table chain_checkpoint (
  service text not null,
  seq bigint not null,
  hash text not null,
  taken_at timestamptz not null default now(),
  primary key (service, seq)
)
-- statement-break
create index chain_checkpoint_taken_idx on chain_checkpoint (service, taken_at desc)
-- statement-break
-- Results of chain checks: ok true (verified), false (tampering: reason TRUNCATED, ALTERED, GAP),
-- null (could not verify: UNREACHABLE — an outage, not tampering).
create table chain_verification (
  id bigserial primary key,
  service text not null,
  checked_at timestamptz not null default now(),
  ok boolean,
  checked_events integer not null default 0,
  broken_at_seq bigint,
  reason_code text check (reason_code in ('TRUNCATED', 'ALTERED', 'GAP', 'UNREACHABLE')),
  check ((ok is true and reason_code is null) or (ok is not true and reason_code is not null))
)
-- statement-break
create index chain_verification_service_idx on chain_verification (service, checked_at desc, id desc)
-- statement-break
create trigger chain_checkpoint_no_change before update or delete on chain_checkpoint
  for each row execute function audit_stream_refuse_change()
-- statement-break
-- Leases of the stream's jobs (pull, checkpoint, verify): one replica runs each round.
create table stream_job_lease (
  job text primary key,
  holder text,
  lease_until timestamptz not null default '-infinity'
)
