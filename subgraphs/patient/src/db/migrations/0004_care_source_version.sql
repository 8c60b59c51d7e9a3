-- The newest appointment event applied per care source: an older one arriving later (a retry
-- after a failure, a dead letter replayed) must not bring back what a newer one withdrew.
create table care_source_version (
  source text primary key,
  occurred_at timestamptz not null
)
