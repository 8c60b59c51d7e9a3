-- The medical record. Clinical text is sealed under the patient's data key (subject_key,
-- KEYRING_MIGRATION): columns ending in _sealed hold `dk1.` ciphertexts bound to table, column,
-- row and patient. Signed versions, addenda and their diagnosis index are append-only: the
-- triggers below refuse UPDATE and DELETE whatever the caller.

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
create table visit (
  id uuid primary key,
  patient_id uuid not null,
  appointment_id uuid unique,
  doctor_account_id text not null,
  specialist_id uuid,
  branch_id uuid,
  started_at timestamptz not null,
  status text not null default 'OPEN' check (status in ('OPEN', 'SIGNED')),
  created_at timestamptz not null default now()
)
-- statement-break
create index visit_patient_idx on visit (patient_id, started_at desc)
-- statement-break
create index visit_doctor_idx on visit (doctor_account_id, started_at desc)
-- statement-break
-- One working draft per visit and author; deleted when signed.
create table visit_draft (
  id uuid primary key,
  visit_id uuid not null references visit (id),
  patient_id uuid not null,
  author_account_id text not null,
  -- What the draft will become: the first version, or a correction of `replaces_version_id`.
  kind text not null check (kind in ('ORIGINAL', 'CORRECTION')),
  replaces_version_id uuid,
  revision int not null default 1,
  content_sealed text not null,
  updated_at timestamptz not null default now(),
  unique (visit_id, author_account_id)
)
-- statement-break
create table visit_version (
  id uuid primary key,
  visit_id uuid not null references visit (id),
  patient_id uuid not null,
  number int not null,
  status text not null check (status in ('FINAL', 'AMENDED', 'ENTERED_IN_ERROR')),
  replaces_version_id uuid references visit_version (id),
  reason_sealed text,
  content_sealed text not null,
  content_hash text not null,
  signed_by text not null,
  signed_at timestamptz not null,
  signature_method text not null,
  signature text not null,
  unique (visit_id, number)
)
-- statement-break
create table visit_addendum (
  id uuid primary key,
  visit_id uuid not null references visit (id),
  patient_id uuid not null,
  text_sealed text not null,
  content_hash text not null,
  signed_by text not null,
  signed_at timestamptz not null,
  signature_method text not null,
  signature text not null
)
-- statement-break
create index visit_addendum_visit_idx on visit_addendum (visit_id, signed_at)
-- statement-break
-- Equality search on diagnosis codes without decrypting: blind index (HMAC) of the code.
create table diagnosis_index (
  version_id uuid not null references visit_version (id),
  patient_id uuid not null,
  code_index text not null,
  primary key (version_id, code_index)
)
-- statement-break
create index diagnosis_index_code_idx on diagnosis_index (code_index, patient_id)
-- statement-break
create or replace function record_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: signed clinical documents cannot be changed or deleted', tg_table_name
    using errcode = '42501';
end $$
-- statement-break
create trigger visit_version_frozen before update or delete on visit_version
  for each row execute function record_refuse_change()
-- statement-break
create trigger visit_version_no_truncate before truncate on visit_version
  for each statement execute function record_refuse_change()
-- statement-break
create trigger visit_addendum_frozen before update or delete on visit_addendum
  for each row execute function record_refuse_change()
-- statement-break
create trigger visit_addendum_no_truncate before truncate on visit_addendum
  for each statement execute function record_refuse_change()
-- statement-break
create trigger diagnosis_index_frozen before update or delete on diagnosis_index
  for each row execute function record_refuse_change()
-- statement-break
create table attachment (
  id uuid primary key,
  visit_id uuid not null references visit (id),
  patient_id uuid not null,
  file_name_sealed text not null,
  content_type text not null,
  size_bytes int not null,
  sha256 text not null,
  storage_key text not null,
  uploaded_by text not null,
  created_at timestamptz not null default now()
)
-- statement-break
create index attachment_visit_idx on attachment (visit_id, created_at)
-- statement-break
create trigger attachment_frozen before update or delete on attachment
  for each row execute function record_refuse_change()
-- statement-break
-- Break-glass: a doctor without a care relationship opens one patient's record for a while.
create table break_glass (
  id uuid primary key,
  doctor_account_id text not null,
  patient_id uuid not null,
  reason_sealed text not null,
  started_at timestamptz not null default now(),
  expires_at timestamptz not null
)
-- statement-break
create index break_glass_active_idx on break_glass (doctor_account_id, patient_id, expires_at)
-- statement-break
create trigger break_glass_frozen before update or delete on break_glass
  for each row execute function record_refuse_change()
-- statement-break
-- Alerts for the security officer until security operations consume the events.
create table security_alert (
  id uuid primary key,
  kind text not null,
  severity text not null,
  actor_account_id text not null,
  patient_id uuid not null,
  break_glass_id uuid references break_glass (id),
  created_at timestamptz not null default now(),
  emailed_at timestamptz,
  email_error text
)
-- statement-break
create index security_alert_created_idx on security_alert (created_at desc)
