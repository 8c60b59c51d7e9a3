-- The billing subgraph: price list, invoices, the append-only ledger, payments, refunds, fiscal
-- receipts and register shifts. Money is integer kopecks everywhere.

-- Price list per branch with validity dates: a new price is a new row (valid_from); never edited.
create table price_item (
  id uuid primary key,
  branch_id uuid not null,
  code text not null,
  kind text not null check (kind in ('SERVICE', 'LAB_TEST', 'OTHER')),
  -- The schedule's service id or the lab's test code the price is for (null for OTHER).
  ref_id text,
  name text not null,
  price_kopecks bigint not null check (price_kopecks >= 0),
  vat text not null check (vat in ('none', 'vat0', 'vat5', 'vat7', 'vat10', 'vat20', 'vat22')),
  valid_from date not null,
  valid_to date,
  created_by text not null,
  created_at timestamptz not null default now(),
  check (valid_to is null or valid_to > valid_from)
)
-- statement-break
create unique index price_item_version on price_item (branch_id, code, valid_from)
-- statement-break
create index price_item_ref on price_item (branch_id, kind, ref_id, valid_from)
-- statement-break
create sequence invoice_number_seq
-- statement-break
create table invoice (
  id uuid primary key,
  number text not null unique,
  patient_id uuid not null,
  branch_id uuid not null,
  source text not null check (source in ('APPOINTMENT', 'LAB_ORDER', 'DESK')),
  -- The appointment or lab order it bills (one invoice per source).
  source_id text,
  created_by text not null,
  created_at timestamptz not null default now(),
  unique (source, source_id)
)
-- statement-break
create index invoice_patient on invoice (patient_id, created_at)
-- statement-break
create index invoice_branch on invoice (branch_id, created_at)
-- statement-break
create table invoice_line (
  invoice_id uuid not null references invoice (id),
  line_no integer not null check (line_no > 0),
  price_item_id uuid references price_item (id),
  name text not null,
  unit_price_kopecks bigint not null check (unit_price_kopecks >= 0),
  quantity integer not null check (quantity > 0),
  discount_kopecks bigint not null default 0 check (discount_kopecks >= 0),
  discount_reason text,
  amount_kopecks bigint not null check (amount_kopecks >= 0),
  vat text not null,
  primary key (invoice_id, line_no),
  check (amount_kopecks = unit_price_kopecks * quantity - discount_kopecks),
  check (discount_kopecks = 0 or discount_reason is not null)
)
-- statement-break
-- Desk payments (cash, card) and online ones. The status is operational state; money is only in
-- the ledger, written once when a payment is captured.
create table payment (
  id uuid primary key,
  invoice_id uuid not null references invoice (id),
  patient_id uuid not null,
  method text not null check (method in ('CASH', 'CARD', 'ONLINE')),
  amount_kopecks bigint not null check (amount_kopecks > 0),
  status text not null check (status in ('PENDING_FISCAL', 'CAPTURED', 'FAILED', 'AWAITING_PAYER', 'CAPTURING', 'CANCELED')),
  status_reason text,
  register_id text,
  provider_payment_id text unique,
  confirmation_url text,
  customer_contact text,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  captured_at timestamptz
)
-- statement-break
create index payment_invoice on payment (invoice_id)
-- statement-break
create index payment_pending on payment (status) where status in ('PENDING_FISCAL', 'CAPTURING', 'AWAITING_PAYER')
-- statement-break
create table refund (
  id uuid primary key,
  payment_id uuid not null references payment (id),
  invoice_id uuid not null references invoice (id),
  patient_id uuid not null,
  amount_kopecks bigint not null check (amount_kopecks > 0),
  reason text not null,
  status text not null check (status in ('PENDING', 'DONE', 'FAILED')),
  status_reason text,
  provider_refund_id text,
  created_by text not null,
  created_at timestamptz not null default now(),
  done_at timestamptz
)
-- statement-break
create index refund_payment on refund (payment_id)
-- statement-break
-- One append-only ledger: charges, payments, refunds (a refund is a reversal of a payment).
-- balance = charges - payments + refunds.
create table ledger_entry (
  id bigint generated always as identity primary key,
  invoice_id uuid not null references invoice (id),
  kind text not null check (kind in ('CHARGE', 'PAYMENT', 'REFUND')),
  amount_kopecks bigint not null check (amount_kopecks > 0),
  payment_id uuid references payment (id),
  refund_id uuid references refund (id),
  actor text not null,
  created_at timestamptz not null default now(),
  check ((kind = 'CHARGE' and payment_id is null and refund_id is null)
    or (kind = 'PAYMENT' and payment_id is not null and refund_id is null)
    or (kind = 'REFUND' and payment_id is not null and refund_id is not null))
)
-- statement-break
create index ledger_invoice on ledger_entry (invoice_id)
-- statement-break
create unique index ledger_payment_once on ledger_entry (payment_id) where kind = 'PAYMENT'
-- statement-break
create unique index ledger_refund_once on ledger_entry (refund_id) where kind = 'REFUND'
-- statement-break
-- Fiscal receipts as the register printed them (the task uuid is the id): written once.
create table receipt (
  id uuid primary key,
  payment_id uuid not null references payment (id),
  refund_id uuid references refund (id),
  patient_id uuid not null,
  operation text not null check (operation in ('SELL', 'SELL_RETURN')),
  register_id text not null,
  body jsonb not null,
  total_kopecks bigint not null,
  fiscal_document_number integer not null,
  fiscal_sign text not null,
  fn_number text not null,
  registration_number text not null,
  shift_number integer not null,
  receipt_number integer,
  fiscal_at timestamptz not null,
  created_at timestamptz not null default now()
)
-- statement-break
create index receipt_payment on receipt (payment_id)
-- statement-break
create table fiscal_shift (
  id uuid primary key,
  register_id text not null,
  branch_id uuid,
  status text not null check (status in ('OPEN', 'CLOSED')),
  shift_number integer,
  opened_by text not null,
  opened_at timestamptz not null default now(),
  closed_by text,
  closed_at timestamptz,
  close_report jsonb
)
-- statement-break
create unique index fiscal_shift_one_open on fiscal_shift (register_id) where status = 'OPEN'
-- statement-break
-- Completed appointments of the schedule, kept until invoiced (or without a price: for the cashier).
create table billable_visit (
  appointment_id uuid primary key,
  patient_id uuid not null,
  branch_id uuid not null,
  service_id uuid,
  completed_at timestamptz not null,
  invoice_id uuid references invoice (id),
  note text
)
-- statement-break
create function billing_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'billing: % is append-only', tg_table_name;
end
$$
-- statement-break
create trigger ledger_entry_append_only before update or delete on ledger_entry
  for each row execute function billing_append_only()
-- statement-break
create trigger receipt_append_only before update or delete on receipt
  for each row execute function billing_append_only()
-- statement-break
create trigger invoice_line_append_only before update or delete on invoice_line
  for each row execute function billing_append_only()
-- statement-break
create trigger invoice_append_only before update or delete on invoice
  for each row execute function billing_append_only()
-- statement-break
create trigger price_item_append_only before update or delete on price_item
  for each row execute function billing_append_only()
-- statement-break
create trigger ledger_entry_no_truncate before truncate on ledger_entry
  for each statement execute function billing_append_only()
-- statement-break
-- Every notification the payment provider's endpoint received, with what was made of it: accepted
-- (and confirmed by re-reading the payment), or ignored (wrong source, malformed, unknown or not
-- confirmed by the provider). Append-only: the trail of forged attempts.
create table payment_notification (
  id bigint generated always as identity primary key,
  received_at timestamptz not null default now(),
  source_address text not null,
  event text,
  object_id text,
  verdict text not null check (verdict in ('ACCEPTED', 'WRONG_SOURCE', 'MALFORMED', 'UNKNOWN_PAYMENT', 'NOT_CONFIRMED'))
)
-- statement-break
create trigger payment_notification_append_only before update or delete on payment_notification
  for each row execute function billing_append_only()
