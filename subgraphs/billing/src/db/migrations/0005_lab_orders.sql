-- The schedule's appointment facts (ids, times, status), newest event per appointment: billing
-- learns the branch of a lab order from the visit it was ordered in (the lab does not know it).
create table appointment_fact (
  appointment_id uuid primary key,
  patient_id uuid not null,
  doctor_account_id text not null,
  branch_id uuid not null,
  starts_at timestamptz not null,
  status text not null,
  updated_at timestamptz not null
)
-- statement-break
create index appointment_fact_patient_doctor on appointment_fact (patient_id, doctor_account_id, starts_at)
-- statement-break
-- The lab's orders as billing saw them (lab.order_placed): invoiced (invoice_id), or waiting for
-- the cashier with the reason in Russian (note: no visit to find the branch, no price for a test).
-- No clinical note, no results: the tests' ids, price references and names only.
create table billable_lab_order (
  order_id uuid primary key,
  patient_id uuid not null,
  ordered_by text not null,
  ordered_at timestamptz not null,
  tests jsonb not null,
  branch_id uuid,
  invoice_id uuid references invoice (id),
  note text,
  cancelled_at timestamptz
)
-- statement-break
create index billable_lab_order_unbilled on billable_lab_order (patient_id, ordered_by)
  where invoice_id is null and cancelled_at is null
