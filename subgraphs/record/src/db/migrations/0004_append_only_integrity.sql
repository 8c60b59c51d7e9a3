-- Review of the record's evidence (0001 left these open): TRUNCATE of the diagnosis index, of
-- break-glass grants and of attachments, and DELETE/TRUNCATE of the security officer's alerts,
-- are refused like the other append-only tables. A signed version must continue its visit's
-- chain (number + 1, replacing the newest version, the visit's patient); an addendum belongs to
-- its visit's patient. The service always writes so; the database refuses anything else.
create trigger diagnosis_index_no_truncate before truncate on diagnosis_index
  for each statement execute function record_refuse_change()
-- statement-break
create trigger break_glass_no_truncate before truncate on break_glass
  for each statement execute function record_refuse_change()
-- statement-break
create trigger attachment_no_truncate before truncate on attachment
  for each statement execute function record_refuse_change()
-- statement-break
-- Alerts record their e-mail outcome (UPDATE), but are never removed.
create trigger security_alert_kept before delete on security_alert
  for each row execute function record_refuse_change()
-- statement-break
create trigger security_alert_no_truncate before truncate on security_alert
  for each statement execute function record_refuse_change()
-- statement-break
create or replace function record_version_chain() returns trigger language plpgsql as $$
declare
  visit_patient uuid;
  newest_id uuid;
  newest_number int;
begin
  select patient_id into visit_patient from visit where id = new.visit_id;
  select id, number into newest_id, newest_number from visit_version
   where visit_id = new.visit_id order by number desc limit 1;
  if visit_patient is distinct from new.patient_id
     or (newest_id is null and (new.number <> 1 or new.replaces_version_id is not null))
     or (newest_id is not null
         and (new.number <> newest_number + 1 or new.replaces_version_id is distinct from newest_id)) then
    raise exception 'visit_version breaks the version chain of its visit' using errcode = '23514';
  end if;
  return new;
end $$
-- statement-break
create trigger visit_version_chain before insert on visit_version
  for each row execute function record_version_chain()
-- statement-break
create or replace function record_addendum_patient() returns trigger language plpgsql as $$
begin
  if not exists (select 1 from visit where id = new.visit_id and patient_id = new.patient_id) then
    raise exception 'visit_addendum names another patient than its visit' using errcode = '23514';
  end if;
  return new;
end $$
-- statement-break
create trigger visit_addendum_patient before insert on visit_addendum
  for each row execute function record_addendum_patient()
