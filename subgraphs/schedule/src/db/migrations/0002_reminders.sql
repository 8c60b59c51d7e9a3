alter table appointment add column reminder_status text not null default 'PENDING'
  check (reminder_status in ('PENDING', 'SCHEDULED', 'SENT', 'FAILED', 'NO_CHANNEL', 'SKIPPED'))
-- statement-break
create index appointment_reminder_idx on appointment (lower(during)) where reminder_status = 'PENDING' and status in ('BOOKED', 'CONFIRMED')
-- statement-break
alter table specialist add column notify_email text
-- statement-break
create table doctor_day_list (
  specialist_id uuid not null references specialist (id),
  day date not null,
  status text not null default 'SCHEDULED' check (status in ('SCHEDULED', 'SENT', 'FAILED', 'SKIPPED')),
  primary key (specialist_id, day)
)
-- statement-break
create table service_secret (
  name text primary key,
  value text not null,
  created_at timestamptz not null default now()
)
