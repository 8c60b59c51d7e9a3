-- Personal-data incidents (issue 15 §4; 152-FZ art. 21 part 3.1): the record with the 24-hour and
-- 72-hour Roskomnadzor deadlines, the alerts it grew from, the affected patients resolved from
-- the audit stream (a snapshot: later audit growth does not change what was reported) and an
-- append-only history of steps.
create table security_incident (
  id uuid primary key,
  title text not null,
  description text not null,
  status text not null check (status in ('OPEN', 'NOTIFIED_24H', 'REPORTED_72H', 'CLOSED')),
  detected_at timestamptz not null,
  -- Exact instants: detected_at + 24 h and + 72 h.
  deadline_24h timestamptz not null,
  deadline_72h timestamptz not null,
  owner_account_id text not null,
  opened_by_account_id text not null,
  -- What the drafts need (the officer fills them in as the investigation goes).
  presumed_causes text,
  harm text,
  measures text,
  contact_person text,
  investigation_results text,
  responsible_persons text,
  -- When each notice was actually submitted, and Roskomnadzor's reference number of it.
  notified_24h_at timestamptz,
  notified_24h_ref text,
  reported_72h_at timestamptz,
  reported_72h_ref text,
  -- Set once by the overdue job when a deadline passed without the notice.
  overdue_24h_at timestamptz,
  overdue_72h_at timestamptz,
  -- The affected patients: the scope the officer defined (or derived from the alerts) and the
  -- snapshot resolved from audit_record — patient ids and counts only (no names exist here).
  scope jsonb,
  affected jsonb,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (deadline_24h = detected_at + interval '24 hours' and deadline_72h = detected_at + interval '72 hours')
)
-- statement-break
create index security_incident_status_idx on security_incident (status, detected_at desc)
-- statement-break
create table security_incident_alert (
  incident_id uuid not null references security_incident (id),
  alert_id uuid not null references security_alert (id),
  linked_by text not null,
  linked_at timestamptz not null default now(),
  primary key (incident_id, alert_id)
)
-- statement-break
-- One alert belongs to at most one incident.
create unique index security_incident_alert_once on security_incident_alert (alert_id)
-- statement-break
create table security_incident_step (
  id bigserial primary key,
  incident_id uuid not null references security_incident (id),
  action text not null,
  from_status text,
  to_status text not null,
  -- The officer's account; null for the overdue job.
  account_id text,
  note text,
  at timestamptz not null default now()
)
-- statement-break
create index security_incident_step_idx on security_incident_step (incident_id, id)
-- statement-break
create function security_incident_step_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'security_incident_step is append-only' using errcode = '42501';
end $$
-- statement-break
create trigger security_incident_step_no_change before update or delete on security_incident_step
  for each row execute function security_incident_step_refuse_change()
