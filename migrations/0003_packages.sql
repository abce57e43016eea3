-- Hajj packages. The row in `packages` holds what changes without a new version (status,
-- capacity, seats taken); every content change of a published package is a new row in
-- `package_versions`, so a pilgrim keeps the version they chose.

create table packages (
  id               uuid primary key,
  provider_id      uuid not null references providers (id),
  season           text not null check (season ~ '^14[4-9][0-9]H$'),
  status           text not null check (status in ('draft', 'published', 'closed')),
  current_version  integer not null check (current_version >= 1),
  capacity         integer not null check (capacity between 1 and 100000),
  seats_taken      integer not null default 0,
  created_at       timestamptz not null,
  updated_at       timestamptz not null,
  published_at     timestamptz,
  closed_at        timestamptz,
  constraint packages_seats check (seats_taken >= 0 and seats_taken <= capacity)
);
create index packages_provider_idx on packages (provider_id, created_at);
create index packages_published_idx on packages (status, season) where status = 'published';

create table package_versions (
  package_id           uuid not null references packages (id),
  version              integer not null check (version >= 1),
  title                jsonb not null,
  description          jsonb not null,
  type                 text not null check (type in ('dedicated', 'general')),
  departure_city       text,
  makkah_hotel         text not null,
  makkah_distance_m    integer not null check (makkah_distance_m between 0 and 50000),
  makkah_room_occupancy integer not null check (makkah_room_occupancy between 1 and 8),
  madinah_hotel        text,
  madinah_distance_m   integer check (madinah_distance_m between 0 and 50000),
  mina_camp            text not null check (mina_camp in ('A', 'B', 'C', 'D')),
  arafat_service       text not null,
  meals                text not null check (meals in ('none', 'breakfast', 'half_board', 'full_board')),
  transport            text not null check (transport in ('bus', 'train')),
  guidance_languages   text[] not null,
  insurance            boolean not null,
  eligible_countries   text[] not null check (cardinality(eligible_countries) >= 1),
  price_lines          jsonb not null,
  subtotal             bigint not null check (subtotal >= 0),
  vat                  bigint not null check (vat >= 0),
  total                bigint not null check (total > 0),
  created_at           timestamptz not null,
  primary key (package_id, version),
  constraint package_versions_total check (total = subtotal + vat),
  constraint package_versions_departure check ((type = 'dedicated') = (departure_city is not null))
);
create index package_versions_countries_idx on package_versions using gin (eligible_countries);
create index package_versions_languages_idx on package_versions using gin (guidance_languages);
