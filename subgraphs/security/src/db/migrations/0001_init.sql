create table entry (
  id uuid primary key,
  patient_id uuid not null,
  author_account_id text not null,
  text text not null,
  created_at timestamptz not null default now()
)
-- statement-break
create index entry_patient_idx on entry (patient_id, created_at)
-- statement-break
create index entry_author_idx on entry (author_account_id, patient_id)
