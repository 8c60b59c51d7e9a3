-- Inbox rows written before consumers had names belong to consumer `default`; in this service they
-- were applied by the care projection, which is now the consumer `patient.inbox`. Without this an
-- event delivered again after the upgrade (the relay is at-least-once) is applied a second time.
-- (The table comes from the runtime's INBOX_MIGRATIONS; created here only for databases without it.)
create table if not exists inbox (
  consumer text not null default 'default',
  event_id uuid not null,
  type text not null,
  processed_at timestamptz not null default now(),
  primary key (consumer, event_id)
)
-- statement-break
update inbox set consumer = 'patient.inbox' where consumer = 'default'
