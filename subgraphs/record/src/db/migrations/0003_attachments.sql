-- Attachments (0001 created the table): the SHA-256 of a file is sealed like its name, since a bare
-- hash lets anyone holding the database confirm that a patient has a known document.
alter table attachment rename column sha256 to sha256_sealed
