-- Seasons: the calendar every action checks, the countries of the direct programme, the
-- seats per country, and the eligibility rules (data, versioned per season).

create table seasons (
  code                text primary key check (code ~ '^14[4-9][0-9]H$'),
  registration_opens  timestamptz not null,
  preference_opens    timestamptz not null,
  preference_closes   timestamptz not null,
  draw_at             timestamptz not null,
  offers_close        timestamptz not null,
  open_sale_at        timestamptz not null,
  visa_cutoff         timestamptz not null,
  reference_date      date not null,   -- ages are counted on this day
  arrival_date        date not null,   -- vaccination windows are counted back from this day
  season_end          date not null,   -- passports must stay valid for a while after it
  created_at          timestamptz not null,
  updated_at          timestamptz not null,
  constraint seasons_calendar_order check (
    registration_opens < preference_opens and preference_opens < preference_closes
    and preference_closes <= draw_at and draw_at < offers_close
    and offers_close <= open_sale_at and open_sale_at < visa_cutoff
    and arrival_date <= season_end)
);

-- Countries of residence served by the direct programme. Default: the 1445H list
-- (data/direct-hajj-countries.json); the ministry edits it.
create table programme_countries (
  code      text primary key check (code ~ '^[A-Z]{2}$'),
  added_at  timestamptz not null
);
insert into programme_countries (code, added_at) values ('AD', now()), ('AG', now()), ('AI', now()), ('AM', now()), ('AR', now()), ('AT', now()), ('AU', now()), ('AW', now()), ('BB', now()), ('BE', now()), ('BG', now()), ('BM', now()), ('BO', now()), ('BR', now()), ('BS', now()), ('BW', now()), ('BZ', now()), ('CA', now()), ('CH', now()), ('CL', now()), ('CO', now()), ('CR', now()), ('CU', now()), ('CY', now()), ('CZ', now()), ('DE', now()), ('DK', now()), ('DM', now()), ('DO', now()), ('EC', now()), ('EE', now()), ('ES', now()), ('FI', now()), ('FK', now()), ('FO', now()), ('FR', now()), ('GB', now()), ('GD', now()), ('GE', now()), ('GF', now()), ('GI', now()), ('GL', now()), ('GR', now()), ('GT', now()), ('GU', now()), ('GY', now()), ('HK', now()), ('HN', now()), ('HR', now()), ('HT', now()), ('HU', now()), ('IE', now()), ('IS', now()), ('IT', now()), ('JM', now()), ('JP', now()), ('KN', now()), ('KR', now()), ('KY', now()), ('LC', now()), ('LI', now()), ('LS', now()), ('LT', now()), ('LU', now()), ('LV', now()), ('MC', now()), ('MD', now()), ('MQ', now()), ('MS', now()), ('MT', now()), ('MX', now()), ('NI', now()), ('NL', now()), ('NO', now()), ('NZ', now()), ('PA', now()), ('PE', now()), ('PL', now()), ('PM', now()), ('PR', now()), ('PT', now()), ('PY', now()), ('RE', now()), ('RO', now()), ('RS', now()), ('SC', now()), ('SE', now()), ('SH', now()), ('SI', now()), ('SK', now()), ('SM', now()), ('SR', now()), ('SV', now()), ('SZ', now()), ('TC', now()), ('TT', now()), ('TW', now()), ('UA', now()), ('US', now()), ('UY', now()), ('VC', now()), ('VE', now()), ('VG', now()), ('VI', now()), ('YT', now());

create table country_quotas (
  season      text not null references seasons (code),
  country     text not null references programme_countries (code),
  seats       integer not null check (seats between 0 and 1000000),
  updated_at  timestamptz not null,
  primary key (season, country)
);

-- Every change of a season's rules is a new version; an evaluation names the version it used.
create table eligibility_rules (
  season      text not null references seasons (code),
  version     integer not null check (version >= 1),
  rules       jsonb not null,
  created_by  uuid references accounts (id),
  created_at  timestamptz not null,
  primary key (season, version)
);
