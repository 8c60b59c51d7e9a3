-- Data-subject requests under 152-FZ (src/modules/requests): the register with legal deadlines.
create table data_request (
  id uuid primary key,
  patient_id uuid not null,
  type text not null check (type in ('ACCESS', 'CORRECTION', 'STOP_PROCESSING', 'CONSENT_WITHDRAWAL', 'ERASURE')),
  channel text not null check (channel in ('PORTAL', 'IN_PERSON', 'MAIL', 'EMAIL')),
  status text not null check (status in ('RECEIVED', 'IN_PROGRESS', 'EXTENDED', 'COMPLETED', 'REFUSED')),
  -- What the patient asks for, in their words (what to correct, which processing to stop).
  details text,
  -- Calendar date of receipt in Europe/Moscow; the deadline counts from the next day.
  received_on date not null,
  due_on date not null,
  original_due_on date not null,
  legal_basis text not null,
  filed_by_account_id text not null,
  owner_account_id text,
  extension_reason text,
  refusal_reason text,
  completion_note text,
  -- Opaque id of what the executing module produced (an export, an act of destruction).
  outcome_ref text,
  escalated_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
)
-- statement-break
create index data_request_patient_idx on data_request (patient_id, created_at)
-- statement-break
create index data_request_open_idx on data_request (due_on) where status not in ('COMPLETED', 'REFUSED')
-- statement-break
-- Every step of a request (received, assigned, extended, reminded, escalated, completed, refused).
create table data_request_step (
  id bigserial primary key,
  request_id uuid not null references data_request (id),
  action text not null,
  from_status text,
  to_status text not null,
  -- The staff or patient account; null for the reminder job.
  account_id text,
  note text,
  at timestamptz not null default now()
)
-- statement-break
create index data_request_step_idx on data_request_step (request_id, id)
-- statement-break
create function data_request_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'security: % is append-only', tg_table_name;
end $$
-- statement-break
create trigger data_request_step_append_only before update or delete on data_request_step
  for each row execute function data_request_append_only()
