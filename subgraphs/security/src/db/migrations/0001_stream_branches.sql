-- The actor's branches as the source recorded them (part of the hashed event when present): the
-- privacy rules judge after-hours access in the zone of the actor's branch.
alter table audit_record add column if not exists actor_branches text[]
