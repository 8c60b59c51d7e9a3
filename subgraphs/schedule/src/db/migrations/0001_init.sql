create extension if not exists btree_gist
-- statement-break
create table branch (
  id uuid primary key,
  name text not null unique,
  address text not null,
  time_zone text not null,
  min_notice_minutes int not null default 60 check (min_notice_minutes between 0 and 10080),
  horizon_days int not null default 60 check (horizon_days between 1 and 365),
  hold_minutes int not null default 5 check (hold_minutes between 1 and 60),
  late_cancel_hours int not null default 12 check (late_cancel_hours between 0 and 168),
  reminder_lead_hours int not null default 24 check (reminder_lead_hours between 1 and 168),
  created_at timestamptz not null default now()
)
-- statement-break
create table room (
  id uuid primary key,
  branch_id uuid not null references branch (id),
  name text not null,
  unique (branch_id, name)
)
-- statement-break
create table service (
  id uuid primary key,
  name text not null unique,
  specialty text not null,
  duration_minutes int not null check (duration_minutes between 5 and 480)
)
-- statement-break
create table specialist (
  id uuid primary key,
  account_id text not null unique,
  display_name text not null,
  sort_name text not null,
  specialties text[] not null default '{}'
)
-- statement-break
create index specialist_specialties_idx on specialist using gin (specialties)
-- statement-break
create table specialist_branch (
  specialist_id uuid not null references specialist (id),
  branch_id uuid not null references branch (id),
  primary key (specialist_id, branch_id)
)
-- statement-break
create table specialist_service (
  specialist_id uuid not null references specialist (id),
  service_id uuid not null references service (id),
  primary key (specialist_id, service_id)
)
-- statement-break
create table weekly_template (
  id uuid primary key,
  specialist_id uuid not null references specialist (id),
  branch_id uuid not null references branch (id),
  room_id uuid references room (id),
  weekday int not null check (weekday between 1 and 7),
  start_time time not null,
  end_time time not null,
  slot_minutes int not null check (slot_minutes between 5 and 240),
  breaks jsonb not null default '[]',
  valid_from date,
  valid_until date,
  check (end_time > start_time)
)
-- statement-break
create index weekly_template_specialist_idx on weekly_template (specialist_id)
-- statement-break
create table schedule_exception (
  id uuid primary key,
  specialist_id uuid not null references specialist (id),
  branch_id uuid not null references branch (id),
  room_id uuid references room (id),
  kind text not null check (kind in ('VACATION', 'SICK_LEAVE', 'DAY_OFF', 'EXTRA_HOURS')),
  during tstzrange not null
)
-- statement-break
create index schedule_exception_idx on schedule_exception using gist (specialist_id, during)
-- statement-break
create table holiday (
  id uuid primary key,
  branch_id uuid references branch (id),
  day date not null,
  name text not null
)
-- statement-break
create unique index holiday_unique_idx on holiday (coalesce(branch_id, '00000000-0000-0000-0000-000000000000'::uuid), day)
-- statement-break
create table appointment (
  id uuid primary key,
  patient_id uuid not null,
  specialist_id uuid not null references specialist (id),
  branch_id uuid not null references branch (id),
  service_id uuid not null references service (id),
  room_id uuid references room (id),
  during tstzrange not null,
  status text not null check (status in ('HELD', 'BOOKED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW', 'CANCELLED')),
  hold_expires_at timestamptz,
  source text not null check (source in ('PORTAL', 'RECEPTION', 'REMINDER')),
  patient_comment text,
  cancel_reason text,
  cancelled_late boolean not null default false,
  overbooked boolean not null default false,
  overbook_reason text,
  confirmed_at timestamptz,
  checked_in_at timestamptz,
  completed_at timestamptz,
  cancelled_at timestamptz,
  call_status text not null default 'NOT_CALLED' check (call_status in ('NOT_CALLED', 'REACHED', 'NOT_REACHED')),
  called_at timestamptz,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (not overbooked or overbook_reason is not null),
  -- Double booking is impossible in the database: one doctor, one room, one patient at a time.
  constraint appointment_specialist_no_overlap exclude using gist (specialist_id with =, during with &&)
    where (status <> 'CANCELLED' and not overbooked),
  constraint appointment_room_no_overlap exclude using gist (room_id with =, during with &&)
    where (room_id is not null and status <> 'CANCELLED' and not overbooked),
  constraint appointment_patient_no_overlap exclude using gist (patient_id with =, during with &&)
    where (status <> 'CANCELLED')
)
-- statement-break
create index appointment_branch_day_idx on appointment (branch_id, lower(during))
-- statement-break
create index appointment_patient_idx on appointment (patient_id, lower(during))
-- statement-break
create index appointment_specialist_idx on appointment (specialist_id, lower(during))
-- statement-break
create index appointment_held_idx on appointment (hold_expires_at) where status = 'HELD'
-- statement-break
create table idempotency_key (
  actor text not null,
  key text not null,
  operation text not null,
  request_hash text not null,
  appointment_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (actor, key)
)
-- statement-break
create table schedule_permission (
  account_id text not null,
  permission text not null check (permission in ('OVERBOOK')),
  granted_by text not null,
  granted_at timestamptz not null default now(),
  primary key (account_id, permission)
)
