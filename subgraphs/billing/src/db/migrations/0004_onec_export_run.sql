-- One 1C export round at a time across replicas: a round holds this lease (renewed as it goes,
-- released at its end; a crashed holder's lease runs out). Two exporters at once could both look
-- a record up in 1C, find nothing and both create it. Also the last round's outcome, for the
-- accountant's status.
create table onec_export_run (
  id smallint primary key check (id = 1),
  holder uuid,
  lease_until timestamptz not null default '-infinity',
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_exported integer not null default 0,
  last_failed integer not null default 0
)
-- statement-break
insert into onec_export_run (id) values (1)
