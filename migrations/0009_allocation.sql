-- Fair allocation: the draw (frozen entries, commitment, seed, results), bookings (holds and
-- confirmations that occupy seats), and the open sale's waiting room. See
-- docs/algorithms/draw.md and docs/algorithms/capacity.md.

-- A pool criterion: families in which nobody has performed Hajj before.
alter table pilgrim_profiles add column performed_hajj boolean not null default false;

-- Seats of a country's quota held or confirmed. Moved only by conditional updates.
alter table country_quotas add column seats_used integer not null default 0;
alter table country_quotas add constraint country_quotas_used check (seats_used >= 0);

create table draws (
  season           text primary key references seasons (code),
  status           text not null check (status in ('frozen', 'seeded', 'drawn', 'published')),
  parameters       jsonb not null,     -- capacities, quotas and pools as frozen (published)
  parameters_hash  text not null,
  merkle_root      text not null check (merkle_root ~ '^[0-9a-f]{64}$'),
  entry_count      integer not null check (entry_count >= 0),
  offer_hours      integer not null check (offer_hours between 1 and 720),
  frozen_at        timestamptz not null,
  frozen_by        uuid references accounts (id),
  random_value     text,
  random_source    text,
  seed             text,
  seeded_at        timestamptz,
  seeded_by        uuid references accounts (id),
  drawn_at         timestamptz,
  summary          jsonb,              -- result tables and fairness audit
  published_at     timestamptz,
  published_by     uuid references accounts (id),
  constraint draws_seeded check ((random_value is null) = (seed is null))
);

-- The frozen applications, in leaf order. `record` is the canonical text that was hashed.
create table draw_entries (
  season          text not null references draws (season),
  leaf_index      integer not null,
  application_id  uuid not null references applications (id),
  admin_account_id uuid not null,      -- who is told the result (not part of the record)
  record          text not null,
  family_size     smallint not null check (family_size between 1 and 8),
  country         text not null,
  choices         uuid[] not null,
  pool            text not null,
  submitted_at    timestamptz not null,
  primary key (season, leaf_index),
  unique (season, application_id)
);

-- One row per place in the draw order. No foreign key to draws: a key check is a trigger per
-- row, which doubled the time to load a season's 550,000 results; the only writer (the run)
-- inserts them in the transaction that holds the draw's row lock.
create table draw_results (
  season             text not null,
  position           integer not null,
  application_id     uuid not null,
  outcome            text not null check (outcome in ('won', 'waiting')),
  package_id         uuid,
  choice_rank        smallint,
  phase              text,
  waitlist_position  integer,
  primary key (season, position),
  unique (season, application_id)
);

-- A family's claim on seats: held → confirmed (paid) → visa_ready → completed, or expired, declined,
-- cancelled. Live bookings (held to completed) occupy seats (packages.seats_taken and
-- country_quotas.seats_used move in the same transaction as the status).
create table bookings (
  id               uuid primary key,
  season           text not null references seasons (code),
  application_id   uuid not null references applications (id),
  package_id       uuid not null references packages (id),
  package_version  integer not null,
  country          text not null,
  seats            smallint not null check (seats between 1 and 8),
  source           text not null check (source in ('draw', 'cascade', 'open_sale')),
  status           text not null check (status in ('held', 'confirmed', 'visa_ready', 'completed', 'expired', 'declined', 'cancelled')),
  hold_deadline    timestamptz,
  created_at       timestamptz not null,
  updated_at       timestamptz not null,
  confirmed_at     timestamptz,
  ended_at         timestamptz,
  version          integer not null default 1
);
-- A family holds at most one live booking a season, and gets at most one offer from the draw.
create unique index bookings_one_live on bookings (season, application_id) where status in ('held', 'confirmed', 'visa_ready', 'completed');
create unique index bookings_one_offer on bookings (season, application_id) where source in ('draw', 'cascade');
create index bookings_due_idx on bookings (hold_deadline) where status = 'held';
create index bookings_package_idx on bookings (package_id) where status in ('held', 'confirmed', 'visa_ready', 'completed');

-- The open sale's waiting room. Shared by every server process.
create table open_sales (
  season            text primary key references seasons (code),
  admit_per_minute  integer not null check (admit_per_minute between 1 and 1000000),
  first_batch       integer not null check (first_batch >= 0),
  token_minutes     integer not null check (token_minutes between 1 and 120),
  hold_minutes      integer not null check (hold_minutes between 5 and 10080),
  order_seed        text,                -- drawn at the opening, published with the order
  ordered_at        timestamptz,
  early_count       integer,
  next_position     integer not null default 1
);

create table sale_queue (
  season      text not null references open_sales (season),
  account_id  uuid not null references accounts (id),
  arrived_at  timestamptz not null,
  position    integer,                   -- null until the opening for early arrivals
  primary key (season, account_id),
  unique (season, position)
);

-- Secrets the platform generates for itself and every process shares (admission tokens).
create table platform_secrets (
  name        text primary key,
  value       text not null,
  created_at  timestamptz not null
);
