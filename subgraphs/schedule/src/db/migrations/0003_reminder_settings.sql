create table reminder_setting (
  patient_id uuid primary key,
  preferred_channel text not null check (preferred_channel in ('EMAIL', 'SMS', 'PUSH', 'VOICE')),
  updated_at timestamptz not null default now()
)
-- statement-break
create table push_subscription (
  endpoint text primary key,
  patient_id uuid not null,
  p256dh text not null,
  auth text not null,
  created_at timestamptz not null default now()
)
-- statement-break
create index push_subscription_patient_idx on push_subscription (patient_id, created_at desc)
