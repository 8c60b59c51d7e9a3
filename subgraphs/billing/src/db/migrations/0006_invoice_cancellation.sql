-- What billed an invoice was cancelled (the lab's lab.order_cancelled). Nothing is edited: an
-- unpaid invoice gets a REVERSAL entry in the ledger (the charge taken back, at most once per
-- invoice), and every cancelled invoice one row here saying what was made of it.
-- balance = charges - reversals - payments + refunds.
alter table ledger_entry drop constraint ledger_entry_kind_check
-- statement-break
alter table ledger_entry add constraint ledger_entry_kind_check
  check (kind in ('CHARGE', 'PAYMENT', 'REFUND', 'REVERSAL'))
-- statement-break
alter table ledger_entry drop constraint ledger_entry_check
-- statement-break
alter table ledger_entry add constraint ledger_entry_check
  check ((kind in ('CHARGE', 'REVERSAL') and payment_id is null and refund_id is null)
    or (kind = 'PAYMENT' and payment_id is not null and refund_id is null)
    or (kind = 'REFUND' and payment_id is not null and refund_id is not null))
-- statement-break
create unique index ledger_reversal_once on ledger_entry (invoice_id) where kind = 'REVERSAL'
-- statement-break
-- REVERSED: nothing was paid, the charge was reversed (the invoice is cancelled, nothing owed).
-- REFUND_DECISION_NEEDED: money was paid or is on its way: nothing reversed, the cashier decides
-- with the patient whether to refund (refundPayment) — listed for them until nothing is kept.
create table invoice_cancellation (
  invoice_id uuid primary key references invoice (id),
  outcome text not null check (outcome in ('REVERSED', 'REFUND_DECISION_NEEDED')),
  -- Why, in Russian (shown to cashiers and accountants).
  reason text not null,
  actor text not null,
  -- When the source was cancelled (the event's time).
  cancelled_at timestamptz not null,
  created_at timestamptz not null default now()
)
-- statement-break
create trigger invoice_cancellation_append_only before update or delete on invoice_cancellation
  for each row execute function billing_append_only()
