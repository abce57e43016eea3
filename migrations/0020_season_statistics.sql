-- Season statistics (docs/statistics.md): one record per pilgrim per season, with the
-- arrival and (once known) the departure; import batches from the channels outside the
-- platform; and per season a version that every change of its records moves, with the
-- tables computed at that version.

-- The border and statistics authority's staff: record arrivals and departures, import batches.
alter table accounts drop constraint accounts_role_check;
alter table accounts add constraint accounts_role_check check (role in
  ('pilgrim', 'provider_staff', 'ministry_officer', 'ministry_admin', 'mission_officer', 'gate_officer', 'statistics_officer'));

-- Partitioned by season: a season of two million records is one table of its own, scanned
-- alone by its tables, loaded by COPY into a fresh table that is indexed afterwards and
-- attached at once, and replaced by dropping it. No foreign key to seasons: the simulator
-- builds seasons the calendar never had (1444H), and a key check per row would double the
-- time to load one. `person_key` is a keyed hash of the pilgrim's document (never the number).
create table hajj_records (
  season          text not null check (season ~ '^1[3-5][0-9]{2}H$'),
  person_key      uuid not null,
  source          text not null check (source in ('direct', 'hajj_office', 'domestic_hajj', 'border', 'simulator')),
  batch_id        uuid,
  residence       text not null check (residence in ('foreign', 'domestic')),
  nationality     text not null check (nationality ~ '^[A-Z]{2}$'),
  gender          text not null check (gender in ('male', 'female')),
  age             smallint not null check (age between 0 and 130),
  arrival_mode    text check (arrival_mode in ('air', 'land', 'sea')),
  entry_port      text check (entry_port ~ '^[A-Z]{3}$'),
  arrival_date    date not null,
  makkah_route    boolean not null,
  departure_port  text check (departure_port ~ '^[A-Z]{3}$'),
  departure_date  date,
  recorded_at     timestamptz not null,
  -- Only pilgrims from abroad arrive through a port, by a mode; the Makkah Route only by air.
  constraint hajj_records_ports check ((residence = 'foreign') = (arrival_mode is not null) and (arrival_mode is null) = (entry_port is null)),
  constraint hajj_records_makkah_route check (not makkah_route or arrival_mode = 'air'),
  constraint hajj_records_departure check ((departure_port is null) = (departure_date is null)
    and (departure_date is null or (residence = 'foreign' and departure_date >= arrival_date))),
  primary key (season, person_key)
) partition by list (season);

-- A season's records as a whole: `version` moves with every change to them (in the changing
-- transaction); `tables` were computed at `tables_version`. A season being built by the
-- simulator in the background is `building` until its records are attached at once.
create table statistics_seasons (
  season          text primary key check (season ~ '^1[3-5][0-9]{2}H$'),
  version         bigint not null default 0,
  status          text not null check (status in ('complete', 'building')),
  build_total     integer,
  build_done      integer,
  tables          jsonb,
  tables_version  bigint,
  computed_at     timestamptz
);

-- Batches imported from the channels outside the platform. The same batch sent again has the
-- same digest (of its channel, kind and records) and is counted once.
create table statistics_batches (
  id              uuid primary key,
  season          text not null check (season ~ '^1[3-5][0-9]{2}H$'),
  kind            text not null check (kind in ('arrivals', 'departures')),
  source          text not null check (source in ('hajj_office', 'domestic_hajj', 'border')),
  digest          text not null check (digest ~ '^[0-9a-f]{64}$'),
  records         integer not null check (records > 0),
  submitted_by    uuid references accounts (id),
  submitted_at    timestamptz not null,
  unique (season, digest)
);
create index statistics_batches_season_idx on statistics_batches (season, submitted_at);
