-- Lab results released to a patient (the lab subgraph's lab.results_released): written in the
-- event's inbox transaction, turned into a notification job by the reminder scheduler.
create table lab_results_notice (
  order_id uuid primary key,
  patient_id uuid not null,
  received_at timestamptz not null default now(),
  queued_at timestamptz
)
-- statement-break
create index lab_results_notice_pending_idx on lab_results_notice (received_at) where queued_at is null
