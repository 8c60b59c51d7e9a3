-- The lab subgraph: test catalogue, orders with pseudonymous specimens, results, critical alerts.

-- Doctors' care relationships, projected from the schedule subgraph's appointment events.
create table care_relationship (
  doctor_account_id text not null,
  patient_id uuid not null,
  source text not null,
  until timestamptz not null,
  primary key (doctor_account_id, patient_id, source)
)
-- statement-break
create index care_relationship_source_idx on care_relationship (source)
-- statement-break
create table care_source_version (
  source text primary key,
  occurred_at timestamptz not null
)
-- statement-break
-- The test catalogue (configured through the API). Ranges and codes are JSON.
create table lab_test (
  id uuid primary key,
  code text not null unique,
  code_system text not null,
  name text not null,
  specimen_type text not null,
  kind text not null,
  unit text,
  unit_aliases jsonb not null default '[]',
  reference_ranges jsonb not null default '[]',
  critical_low double precision,
  critical_high double precision,
  plausible_low double precision,
  plausible_high double precision,
  normal_codes jsonb not null default '[]',
  turnaround_hours integer not null,
  partner_client_id text not null,
  partner_name text not null,
  price_reference text,
  active boolean not null default true,
  updated_at timestamptz not null default now()
)
-- statement-break
-- One order = one specimen for one partner laboratory. The specimen code is the partner's only key.
create table lab_order (
  id uuid primary key,
  patient_id uuid not null,
  visit_id uuid,
  ordered_by text not null,
  partner_client_id text not null,
  partner_name text not null,
  priority text not null,
  clinical_note text,
  specimen_code text not null unique,
  specimen_type text not null,
  patient_sex text not null,
  patient_age_years integer,
  status text not null,
  status_reason text,
  review_comment text,
  reviewed_by text,
  -- Position in the partner's feed, taken when the specimen becomes available to it (collected)
  -- and again when it changes for the partner (cancelled).
  feed_seq bigint,
  feed_at timestamptz,
  created_at timestamptz not null default now(),
  collected_at timestamptz,
  sent_at timestamptz,
  received_at timestamptz,
  resulted_at timestamptz,
  reviewed_at timestamptz,
  released_at timestamptz,
  closed_at timestamptz
)
-- statement-break
create index lab_order_patient_idx on lab_order (patient_id, created_at)
-- statement-break
create sequence lab_feed_seq
-- statement-break
create index lab_order_partner_idx on lab_order (partner_client_id, feed_seq)
-- statement-break
create index lab_order_orderer_idx on lab_order (ordered_by, status)
-- statement-break
create table lab_order_test (
  order_id uuid not null references lab_order (id),
  test_id uuid not null references lab_test (id),
  position integer not null,
  primary key (order_id, test_id)
)
-- statement-break
-- A partner's result post: idempotent by the partner's own result id.
create table lab_result_post (
  partner_client_id text not null,
  partner_result_id text not null,
  order_id uuid not null references lab_order (id),
  request_hash text not null,
  answer jsonb not null,
  conclusion text,
  issued_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (partner_client_id, partner_result_id)
)
-- statement-break
create table lab_result (
  id uuid primary key,
  order_id uuid not null references lab_order (id),
  patient_id uuid not null,
  test_id uuid not null references lab_test (id),
  partner_result_id text not null,
  kind text not null,
  numeric_value double precision,
  unit text,
  coded_value text,
  text_value text,
  range_low double precision,
  range_high double precision,
  range_text text,
  flag text,
  partner_comment text,
  resulted_at timestamptz not null default now(),
  unique (order_id, test_id)
)
-- statement-break
create index lab_result_history_idx on lab_result (patient_id, test_id, resulted_at)
-- statement-break
-- Partner PDF reports, sealed under the patient's data key (stored in the blob storage).
create table lab_report (
  id uuid primary key,
  order_id uuid not null references lab_order (id),
  patient_id uuid not null,
  partner_result_id text not null,
  storage_key text not null,
  size_bytes integer not null,
  sha256 text not null,
  created_at timestamptz not null default now(),
  unique (order_id, partner_result_id)
)
-- statement-break
-- Critical-value alerts: raised for the ordering doctor, escalated when not acknowledged.
create table lab_alert (
  id uuid primary key,
  order_id uuid not null references lab_order (id),
  result_id uuid not null references lab_result (id) unique,
  patient_id uuid not null,
  doctor_account_id text not null,
  flag text not null,
  raised_at timestamptz not null default now(),
  escalate_at timestamptz not null,
  escalated_to text,
  escalated_at timestamptz,
  acknowledged_by text,
  acknowledged_at timestamptz
)
-- statement-break
create index lab_alert_open_idx on lab_alert (escalate_at) where acknowledged_at is null and escalated_at is null
-- statement-break
-- Every step of an alert (raised, notified, escalated, acknowledged): append-only.
create table lab_alert_step (
  id bigserial primary key,
  alert_id uuid not null references lab_alert (id),
  step text not null,
  account_id text,
  detail text,
  at timestamptz not null default now()
)
-- statement-break
create function lab_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'lab: % is append-only', tg_table_name;
end $$
-- statement-break
create trigger lab_alert_step_append_only before update or delete on lab_alert_step
  for each row execute function lab_append_only()
-- statement-break
create trigger lab_result_post_append_only before update or delete on lab_result_post
  for each row execute function lab_append_only()
-- statement-break
create trigger lab_result_append_only before update or delete on lab_result
  for each row execute function lab_append_only()
