-- ICD-10 (МКБ-10) directory: the shipped subset (Icd10Store.ensureSubset) and rows imported from the
-- Minzdrav NSI file (scripts/import-icd10.ts). search_text is the title as search compares it
-- (lower case, ё as е, words between spaces), computed by the store so that search needs no
-- extension and does not depend on the server's collation (Postgres and PGlite alike).
create table icd10_code (
  code text primary key check (code ~ '^[A-Z][0-9][0-9](\.[0-9]{1,2})?$'),
  title text not null check (btrim(title) <> ''),
  search_text text not null,
  source text not null check (source = 'subset' or source ~ '^nsi:.+$'),
  active boolean not null default true,
  imported_at timestamptz not null default now()
)
-- statement-break
-- Code prefix search (LIKE 'J06%') whatever the database's collation.
create index icd10_code_prefix_idx on icd10_code (code text_pattern_ops) where active
