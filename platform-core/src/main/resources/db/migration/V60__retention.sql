-- Per-project retention of call data: calls (and their rollups) older than this many days are deleted.
alter table projects add column retention_days integer check (retention_days between 1 and 3650);
