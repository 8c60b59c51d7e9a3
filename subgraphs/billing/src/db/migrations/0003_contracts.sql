-- Contracts for paid medical services (Decree No. 736) and tax-deduction certificates.
-- Templates and certificates are append-only; a contract is immutable once accepted or signed.

-- Versioned templates of the contract: a save is a new version, never an edit.
create table contract_template (
  version integer primary key check (version > 0),
  body jsonb not null,
  created_by text not null,
  created_at timestamptz not null default now()
)
-- statement-break
create trigger contract_template_append_only before update or delete on contract_template
  for each row execute function billing_append_only()
-- statement-break
create sequence contract_number_seq
-- statement-break
-- `data` is the ContractData snapshot the contract was made of (parties with their personal data,
-- services with the prices of the day, terms): the PDF is always rendered from it and the
-- template version, never from the current patient profile or price list.
create table contract (
  id uuid primary key,
  number text not null unique,
  patient_id uuid not null,
  branch_id uuid not null,
  template_version integer not null references contract_template (version),
  data jsonb not null,
  status text not null check (status in ('DRAFT', 'ACCEPTED', 'SIGNED')),
  accepted_at timestamptz,
  acceptance_channel text check (acceptance_channel in ('PORTAL', 'DESK')),
  accepted_by text,
  created_by text not null,
  created_at timestamptz not null default now(),
  constraint contract_acceptance check (
    (status = 'DRAFT' and accepted_at is null and acceptance_channel is null and accepted_by is null)
    or (status = 'ACCEPTED' and acceptance_channel = 'PORTAL' and accepted_at is not null and accepted_by is not null)
    or (status = 'SIGNED' and acceptance_channel = 'DESK' and accepted_at is not null and accepted_by is not null)
  )
)
-- statement-break
create index contract_patient on contract (patient_id, created_at)
-- statement-break
-- A draft may only be concluded (status and the acceptance columns, once); a concluded contract
-- never changes, and no contract is ever deleted.
create function contract_immutable() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'billing: contract % cannot be deleted', old.number
      using errcode = 'integrity_constraint_violation';
  end if;
  if old.status <> 'DRAFT' then
    raise exception 'billing: contract % is % and cannot change', old.number, old.status
      using errcode = 'integrity_constraint_violation';
  end if;
  if new.id is distinct from old.id or new.number is distinct from old.number
     or new.patient_id is distinct from old.patient_id or new.branch_id is distinct from old.branch_id
     or new.template_version is distinct from old.template_version or new.data is distinct from old.data
     or new.created_by is distinct from old.created_by or new.created_at is distinct from old.created_at then
    raise exception 'billing: contract % can only be concluded, not edited', old.number
      using errcode = 'integrity_constraint_violation';
  end if;
  return new;
end
$$
-- statement-break
create trigger contract_immutable before update or delete on contract
  for each row execute function contract_immutable()
-- statement-break
create trigger contract_no_truncate before truncate on contract
  for each statement execute function billing_append_only()
-- statement-break
create sequence tax_certificate_number_seq
-- statement-break
-- Issued tax-deduction certificates (КНД 1151156): the validated certificate data (taxpayer and
-- patient with their documents, sums by service code, clinic, signer) and the file GUID, so that
-- the PDF and the XML file are reproduced byte for byte. Append-only: a correction is a new row.
create table tax_certificate (
  id uuid primary key,
  number text not null unique,
  patient_id uuid not null,
  year integer not null check (year >= 2024),
  data jsonb not null,
  file_guid uuid not null,
  total_kopecks bigint not null check (total_kopecks > 0),
  created_by text not null,
  created_at timestamptz not null default now()
)
-- statement-break
create index tax_certificate_patient on tax_certificate (patient_id, year)
-- statement-break
create trigger tax_certificate_append_only before update or delete on tax_certificate
  for each row execute function billing_append_only()