-- Live popularity: demand in seats per package and country of residence, kept as counters in
-- the same transaction as every ranking or family change, so reading it costs one small scan
-- instead of aggregating every application of the season. Each counter is split into shards
-- (by application) so that thousands of families ranking one popular package do not queue on a
-- single row; writers update their rows in sorted key order, so they cannot deadlock.
create table package_demand (
  package_id          uuid not null references packages (id),
  country             text not null,
  shard               smallint not null check (shard between 0 and 15),
  season              text not null,
  -- No CHECK (>= 0) here: INSERT … ON CONFLICT checks the proposed row before it becomes an
  -- update, and a decrement is proposed as a negative row. The recount test guards the values.
  first_choice_seats  integer not null default 0,
  any_choice_seats    integer not null default 0,
  families            integer not null default 0,
  primary key (package_id, country, shard)
);
create index package_demand_season_idx on package_demand (season, country);

-- Counters for rankings made before this migration.
insert into package_demand (package_id, country, shard, season, first_choice_seats, any_choice_seats, families)
select p.package_id, a.country, 0, a.season,
       sum(case when p.rank = 1 then m.size else 0 end), sum(m.size), count(*)
from application_preferences p
join applications a on a.id = p.application_id
join (select application_id, count(*) as size from application_members group by application_id) m on m.application_id = p.application_id
group by p.package_id, a.country, a.season;
