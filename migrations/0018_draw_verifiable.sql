-- The draw's published format becomes manasik-draw/2 (docs/algorithms/draw.md): every file is
-- canonical JSON, shares are basis points, and the commitment names the random value's source
-- and round before the value exists. A draw frozen under manasik-draw/1 (development databases
-- only; no season was drawn under it in production) keeps its rows and its bookings; its files
-- are no longer served, since they cannot be written in the new format without changing hashes
-- that were published.
alter table draws add column algorithm text not null default 'manasik-draw/1';
alter table draws alter column algorithm drop default;
alter table draws add constraint draws_algorithm_known check (algorithm in ('manasik-draw/1', 'manasik-draw/2'));
-- SHA-256 of entries.ndjson as published at the freeze.
alter table draws add column entries_hash text check (entries_hash ~ '^[0-9a-f]{64}$');
-- The source named at the freeze (commitment.json's `randomness`), and what was entered once
-- it existed (seed.json's `randomness`).
alter table draws add column randomness_source jsonb;
alter table draws add column randomness jsonb;
alter table draws add constraint draws_v2_complete check (
  algorithm = 'manasik-draw/1' or (entries_hash is not null and randomness_source is not null));
alter table draws add constraint draws_v2_entered check (
  algorithm = 'manasik-draw/1' or (randomness is null) = (seed is null));
