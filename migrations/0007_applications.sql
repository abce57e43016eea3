-- Family applications for a season's direct Hajj programme, and their ranked packages.

create table applications (
  id                uuid primary key,
  season            text not null references seasons (code),
  admin_account_id  uuid not null references accounts (id),
  country           text not null check (country ~ '^[A-Z]{2}$'),   -- the family's country of residence
  version           integer not null default 1,                     -- bumps on every change (no lost update)
  created_at        timestamptz not null,
  updated_at        timestamptz not null
);
create index applications_season_country_idx on applications (season, country);

create table application_members (
  application_id  uuid not null references applications (id),
  account_id      uuid not null references accounts (id),
  season          text not null,
  role            text not null check (role in ('admin', 'member')),
  added_at        timestamptz not null,
  primary key (application_id, account_id),
  unique (season, account_id)      -- a person is in at most one application per season
);

create table application_preferences (
  application_id   uuid not null references applications (id),
  rank             integer not null check (rank between 1 and 5),
  package_id       uuid not null references packages (id),
  package_version  integer not null,
  primary key (application_id, rank),
  unique (application_id, package_id)
);
create index application_preferences_package_idx on application_preferences (package_id, rank);

-- What a country's Hajj mission tells its nationals, in their languages.
create table mission_requirements (
  country     text not null check (country ~ '^[A-Z]{2}$'),
  language    text not null check (language ~ '^[a-z]{2}$'),
  body        text not null,
  updated_by  uuid references accounts (id),
  updated_at  timestamptz not null,
  primary key (country, language)
);
