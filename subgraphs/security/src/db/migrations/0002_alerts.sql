-- Privacy-monitoring alerts (issue 15 §2, §3). Alerts are raised by the rules from the central
-- audit stream (audit_record, 0001) and from chain verifications; the officer's triage is a state
-- on the alert plus an append-only history of steps (who, when, what, note).
create table security_alert (
  id uuid primary key,
  rule text not null,
  severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
  -- One alert per rule and key (person, patient, day or window): a repeat is the same alert.
  dedupe_key text not null unique,
  actor_id text,
  actor_role text,
  patient_id uuid,
  service text,
  occurred_at timestamptz not null,
  evidence jsonb not null,
  status text not null default 'NEW' check (status in ('NEW', 'EXPLAINED', 'UNEXPLAINED', 'INCIDENT')),
  assignee_id text,
  raised_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
)
-- statement-break
create index security_alert_queue_idx on security_alert (status, raised_at desc)
-- statement-break
create index security_alert_actor_idx on security_alert (actor_id, raised_at desc)
-- statement-break
create index security_alert_patient_idx on security_alert (patient_id, raised_at desc)
-- statement-break
create table security_alert_step (
  id bigserial primary key,
  alert_id uuid not null references security_alert (id),
  step text not null check (step in ('RAISED', 'NOTIFIED', 'ASSIGNED', 'TRIAGED', 'NOTE')),
  account_id text,
  status text,
  assignee_id text,
  note text,
  at timestamptz not null default now()
)
-- statement-break
create index security_alert_step_alert_idx on security_alert_step (alert_id, id)
-- statement-break
create or replace function security_alert_step_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'security_alert_step is append-only' using errcode = '42501';
end $$
-- statement-break
create trigger security_alert_step_no_change before update or delete on security_alert_step
  for each row execute function security_alert_step_refuse_change()
-- statement-break
-- Where the rules stopped reading the stream (audit_record.stream_id) and the verifications.
create table monitoring_cursor (
  name text primary key,
  position bigint not null default 0
)
-- statement-break
-- Patients whose every staff access is reported (flagged by the security officer).
create table vip_patient (
  patient_id uuid primary key,
  flagged_by text not null,
  flagged_at timestamptz not null default now()
)
