-- Umrah and Rawdah permits (src/modules/permits, docs/algorithms/permits.md): sites with gates and
-- sections, window templates, windows with their counters, people known by their document, frequency
-- rules and penalties as data, bookings of a group with a permit per member, the revocation list,
-- the waiting list, and what gates scanned.

create table permit_sites (
  id                        uuid primary key,
  code                      text not null unique check (code ~ '^[a-z][a-z0-9-]{1,39}$'),
  number                    integer not null unique check (number between 1 and 65535), -- the site in tokens
  kind                      text not null check (kind in ('umrah', 'rawdah', 'other')),
  name_ar                   text not null,
  name_en                   text not null,
  max_group                 integer not null check (max_group between 1 and 20),
  offer_minutes             integer not null check (offer_minutes between 1 and 1440),
  cancel_lead_minutes       integer not null check (cancel_lead_minutes between 0 and 10080),
  gate_max_offline_minutes  integer not null check (gate_max_offline_minutes between 5 and 10080),
  created_at                timestamptz not null,
  updated_at                timestamptz not null
);

-- A section's hours: [{ "from": minutes after midnight, "to": … }] in Saudi time (to ≤ 1440).
create table permit_sections (
  site_id  uuid not null references permit_sites (id),
  section  text not null check (section in ('men', 'women')),
  hours    jsonb not null,
  primary key (site_id, section)
);

create table permit_gates (
  id        uuid primary key,
  site_id   uuid not null references permit_sites (id),
  number    integer not null check (number between 1 and 255),   -- the gate in tokens
  name_ar   text not null,
  name_en   text not null,
  sections  text[] not null check (cardinality(sections) >= 1 and sections <@ array['men', 'women']),
  unique (site_id, number)
);

create table permit_templates (
  id                   uuid primary key,
  site_id              uuid not null references permit_sites (id),
  name                 text not null,
  window_minutes       integer not null check (window_minutes between 5 and 720),
  capacity             integer not null check (capacity between 1 and 1000000),  -- per window, per section
  early_grace_minutes  integer not null check (early_grace_minutes between 0 and 120),
  late_grace_minutes   integer not null check (late_grace_minutes between 0 and 120),
  created_at           timestamptz not null
);

-- A window of one section. `booked` counts permits and held waiting-list offers; it never passes
-- `capacity` (conditional updates, docs/algorithms/permits.md); `checked_in` and `no_shows` are the
-- occupancy read model the heat map sums.
create table permit_windows (
  id                   uuid primary key,
  site_id              uuid not null references permit_sites (id),
  section              text not null check (section in ('men', 'women')),
  starts_at            timestamptz not null,
  ends_at              timestamptz not null check (ends_at > starts_at),
  capacity             integer not null check (capacity >= 0),
  booked               integer not null default 0,
  checked_in           integer not null default 0,
  no_shows             integer not null default 0,
  waiting              integer not null default 0,
  early_grace_minutes  integer not null,
  late_grace_minutes   integer not null,
  release_at           timestamptz not null,
  closed_at            timestamptz,
  close_reason         text,
  swept_at             timestamptz,                                   -- no-shows recorded
  template_id          uuid references permit_templates (id),
  created_at           timestamptz not null,
  unique (site_id, section, starts_at)
);
create index permit_windows_site_time on permit_windows (site_id, starts_at);
create index permit_windows_unswept on permit_windows (ends_at) where swept_at is null;

-- A person is their document, not an account: a second account with the same document is the same
-- person, and every rule counts per person. The number itself is never stored.
create table permit_persons (
  id             uuid primary key,
  doc_key        text not null unique,      -- HMAC-SHA256(platform pepper, kind:number), hex
  doc_kind       text not null check (doc_kind in ('national_id', 'iqama', 'passport')),
  doc_last4      text not null,
  doc_salt       text not null,             -- 8 random bytes, base64url: the permits' document hash
  doc_hash       text not null,             -- SHA-256(salt ‖ number) cut to 16 bytes, base64url
  gender         text not null check (gender in ('male', 'female')),
  nationality    text not null,
  date_of_birth  date not null,
  name_ar        text not null,
  name_en        text not null,
  visa_type      text,
  valid_until    date,
  verified_at    timestamptz not null,
  created_at     timestamptz not null
);

create table permit_account_persons (
  account_id  uuid not null references accounts (id),
  person_id   uuid not null references permit_persons (id),
  is_self     boolean not null,
  created_at  timestamptz not null,
  primary key (account_id, person_id)
);
create unique index permit_account_persons_self on permit_account_persons (account_id) where is_self;

-- Frequency rules as data, per site and season (windows dated applies_from … applies_to).
create table permit_rules (
  id            uuid primary key,
  site_id       uuid not null references permit_sites (id),
  code          text not null check (code ~ '^[a-z][a-z0-9-]{1,59}$'),
  kind          text not null check (kind in ('per_hijri_month', 'per_days', 'max_active', 'min_gap_hours')),
  hijri_month   integer check (hijri_month between 1 and 12),
  days          integer check (days between 1 and 3650),
  max_count     integer check (max_count between 1 and 1000),
  gap_hours     integer check (gap_hours between 1 and 87600),
  applies_from  date,
  applies_to    date,
  created_at    timestamptz not null,
  unique (site_id, code)
);

create table permit_penalty_rules (
  site_id   uuid not null references permit_sites (id),
  trigger   text not null check (trigger in ('no_show', 'late_cancel')),
  ban_days  integer not null check (ban_days between 1 and 3650),
  primary key (site_id, trigger)
);

create table permit_penalties (
  id          uuid primary key,
  person_id   uuid not null references permit_persons (id),
  site_id     uuid not null references permit_sites (id),
  trigger     text not null check (trigger in ('no_show', 'late_cancel')),
  permit_id   uuid not null,
  starts_at   timestamptz not null,
  ends_at     timestamptz not null,
  created_at  timestamptz not null,
  unique (permit_id, trigger)
);
create index permit_penalties_person on permit_penalties (person_id, ends_at);

-- A group's booking of one window (all members in one window and section); a permit per member.
create table permit_bookings (
  id          uuid primary key,
  account_id  uuid not null references accounts (id),
  site_id     uuid not null references permit_sites (id),
  window_id   uuid not null references permit_windows (id),
  section     text not null,
  size        integer not null check (size between 1 and 20),
  status      text not null check (status in ('active', 'cancelled', 'closed')),
  version     integer not null default 1,
  created_at  timestamptz not null,
  updated_at  timestamptz not null
);
create index permit_bookings_account on permit_bookings (account_id, created_at);

create table permits (
  id                 uuid primary key,
  booking_id         uuid not null references permit_bookings (id),
  member_index       integer not null check (member_index between 0 and 19),
  person_id          uuid not null references permit_persons (id),
  site_id            uuid not null references permit_sites (id),
  window_id          uuid not null references permit_windows (id),
  section            text not null,
  starts_at          timestamptz not null,
  ends_at            timestamptz not null,
  status             text not null check (status in ('valid', 'checked_in', 'cancelled', 'superseded', 'closed', 'no_show')),
  key_id             integer not null,
  token              text not null,
  issued_at          timestamptz not null,
  ended_at           timestamptz,
  checked_in_at      timestamptz,
  checked_in_gate    integer,
  checked_in_device  text
);
create index permits_person on permits (person_id, starts_at);
create index permits_booking on permits (booking_id);
create index permits_window_valid on permits (window_id) where status = 'valid';
create index permits_key on permits (key_id, ends_at) where status = 'valid';
-- A member holds one live permit of a booking, and a person one live permit of a window.
create unique index permits_one_live_member on permits (booking_id, member_index) where status in ('valid', 'checked_in');
create unique index permits_one_per_window on permits (person_id, window_id) where status in ('valid', 'checked_in');

-- Revocations in the order the list publishes them: `seq` is given after commit, by one publisher at a
-- time, so a gate that knows seq N knows every revocation numbered up to N (docs/algorithms/permits.md).
create table permit_revocations (
  id          bigserial primary key,
  seq         bigint unique,
  permit_id   uuid not null unique,
  reason      text not null check (reason in ('cancelled', 'rescheduled', 'closed')),
  expires_at  timestamptz not null,
  revoked_at  timestamptz not null
);
create index permit_revocations_unsequenced on permit_revocations (id) where seq is null;
create index permit_revocations_live on permit_revocations (expires_at);

create table permit_waitlist (
  id              uuid primary key,
  position        bigserial,
  window_id       uuid not null references permit_windows (id),
  account_id      uuid not null references accounts (id),
  person_ids      uuid[] not null,
  size            integer not null check (size between 1 and 20),
  status          text not null check (status in ('waiting', 'offered', 'accepted', 'expired', 'withdrawn', 'cancelled')),
  offered_at      timestamptz,
  offer_deadline  timestamptz,
  booking_id      uuid references permit_bookings (id),
  created_at      timestamptz not null,
  updated_at      timestamptz not null
);
create index permit_waitlist_line on permit_waitlist (window_id, position) where status = 'waiting';
create index permit_waitlist_offers on permit_waitlist (offer_deadline) where status = 'offered';
create unique index permit_waitlist_one on permit_waitlist (window_id, account_id) where status in ('waiting', 'offered');

-- What gates scanned, once per (device, nonce): a batch uploaded twice counts once.
create table permit_scans (
  device_id    text not null,
  nonce        text not null,
  gate_id      uuid not null references permit_gates (id),
  permit_id    uuid,
  verdict      text not null,
  outcome      text not null check (outcome in ('checked_in', 'double', 'refused', 'revoked')),
  scanned_at   timestamptz not null,
  device_at    timestamptz,
  uploaded_at  timestamptz not null,
  uploaded_by  uuid not null references accounts (id),
  primary key (device_id, nonce)
);
create index permit_scans_permit on permit_scans (permit_id);

-- Two admissions of one permit (devices offline at once), found on upload and reported.
create table permit_double_admissions (
  id            uuid primary key,
  permit_id     uuid not null references permits (id),
  gate_id       uuid not null references permit_gates (id),
  stood_device  text not null,
  stood_at      timestamptz not null,
  also_device   text not null,
  also_nonce    text not null,
  also_at       timestamptz not null,
  reported_at   timestamptz not null,
  unique (also_device, also_nonce)
);

-- Ministry integrations receive platform events (permits) that concern no provider.
alter table webhook_endpoints alter column provider_id drop not null;
