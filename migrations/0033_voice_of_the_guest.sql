-- Voice of the Guest (docs/observatory.md): complaints with deadlines as data and their event
-- log; surveys as versioned questionnaires, single-use invitations raised from domain events,
-- responses with a snapshot of their context; field inspections; published scorecards.

-- The care centre's agents file complaints on a caller's behalf, in the caller's language;
-- field inspectors score places on their phones.
alter table accounts drop constraint accounts_role_check;
alter table accounts add constraint accounts_role_check check (role in
  ('pilgrim', 'provider_staff', 'ministry_officer', 'ministry_admin', 'mission_officer', 'gate_officer', 'statistics_officer', 'care_agent', 'field_inspector'));

-- ── Complaints ──────────────────────────────────────────────────────────────────────────────

-- The deadlines' calendar: working days and hours in Riyadh, and how long a pilgrim may reopen.
create table complaint_settings (
  id               smallint primary key check (id = 1),
  working_days     smallint[] not null,
  work_from_minute smallint not null check (work_from_minute between 0 and 1440),
  work_to_minute   smallint not null check (work_to_minute between 0 and 1440),
  reopen_days      smallint not null check (reopen_days between 0 and 365),
  close_after_days smallint not null check (close_after_days between 1 and 365),
  updated_at       timestamptz not null
);
insert into complaint_settings values (1, '{0,1,2,3,4}', 480, 1020, 14, 14, now());

-- Periods in which the clock runs round the clock (the season).
create table complaint_round_the_clock (
  id         uuid primary key,
  label      text not null,
  starts_at  timestamptz not null,
  ends_at    timestamptz not null check (ends_at > starts_at)
);

-- Targets per category and severity, in clock minutes (null: that deadline does not apply).
create table complaint_deadline_rules (
  category              text not null,
  severity              text not null check (severity in ('low', 'medium', 'high', 'critical')),
  acknowledge_minutes   integer check (acknowledge_minutes >= 0),
  first_answer_minutes  integer check (first_answer_minutes > 0),
  resolve_minutes       integer check (resolve_minutes > 0),
  updated_at            timestamptz not null,
  primary key (category, severity)
);

-- Complaint references (C2027-000123) come from a sequence: never two the same under load.
create sequence complaint_reference_seq;

-- The default rules (the ministry changes them by API): acknowledged at once; a first answer
-- within 2 hours and resolution within 72; health and safety, and anything critical, within 30
-- minutes and 12 hours; high severity within an hour and 24 hours.
insert into complaint_deadline_rules (category, severity, acknowledge_minutes, first_answer_minutes, resolve_minutes, updated_at)
select c, s, 0,
       case when c = 'health_safety' or s = 'critical' then 30 when s = 'high' then 60 else 120 end,
       case when c = 'health_safety' or s = 'critical' then 720 when s = 'high' then 1440 else 4320 end,
       now()
from unnest(array['housing', 'transport', 'food', 'health_safety', 'camp_services', 'guidance', 'refund', 'staff_conduct', 'permit', 'platform', 'other']) as c
cross join unnest(array['low', 'medium', 'high', 'critical']) as s;

create table complaints (
  id                 uuid primary key,
  reference          text not null unique,
  complainant_id     uuid not null references accounts (id),
  filed_by           uuid not null references accounts (id),
  channel            text not null check (channel in ('web', 'care_centre')),
  language           text not null,
  country_code       text check (country_code ~ '^[A-Z]{2}$'),
  about              text not null check (about in ('provider', 'booking', 'permit', 'site', 'platform')),
  provider_id        uuid references providers (id),
  booking_id         uuid references bookings (id),
  permit_booking_id  uuid references permit_bookings (id),
  site               text,
  no_booking_found   boolean not null default false,
  category           text not null,
  severity           text not null check (severity in ('low', 'medium', 'high', 'critical')),
  description        text not null,
  description_screened text not null,
  place              text,
  occurred_at        timestamptz,
  state              text not null check (state in ('received', 'acknowledged', 'with_provider', 'provider_responded', 'awaiting_pilgrim', 'escalated', 'resolved', 'closed')),
  resume_state       text,
  ever_escalated     boolean not null default false,
  resolved_at        timestamptz,
  closed_at          timestamptz,
  -- The earliest deadline not met and not yet breached: the sweep's one indexed column.
  next_deadline_at   timestamptz,
  next_deadline_kind text,
  rating             smallint check (rating between 1 and 5),
  created_at         timestamptz not null,
  updated_at         timestamptz not null,
  version            integer not null default 1,
  constraint complaints_provider_subject check (about not in ('provider', 'booking') or provider_id is not null)
);
create index complaints_next_deadline on complaints (next_deadline_at) where next_deadline_at is not null;
create index complaints_provider on complaints (provider_id, created_at desc);
create index complaints_complainant on complaints (complainant_id, created_at desc);
create index complaints_country on complaints (country_code, created_at desc);
create index complaints_state on complaints (state, created_at desc);

-- The event log: every step, by whom, with its message; deadlines' targets and breaches are
-- events too, so adherence is computed from here and never from stored flags.
create table complaint_events (
  id             bigint generated always as identity primary key,
  complaint_id   uuid not null references complaints (id),
  action         text not null,
  actor          text not null check (actor in ('system', 'pilgrim', 'agent', 'provider', 'ministry')),
  actor_id       uuid,
  from_state     text,
  to_state       text,
  message        text,
  message_screened text,
  data           jsonb not null default '{}',
  -- For `deadline_met` and `breach` events, the deadline concerned and (met) whether late and
  -- whether a breach was recorded before: the figures the indicators add up, typed and indexed.
  deadline_kind  text,
  late           boolean,
  after_breach   boolean,
  at             timestamptz not null
);
create index complaint_events_complaint on complaint_events (complaint_id, id);
create index complaint_events_deadlines on complaint_events (complaint_id) include (action, deadline_kind, late, after_breach, at) where deadline_kind is not null;

create table complaint_attachments (
  id            uuid primary key,
  complaint_id  uuid not null references complaints (id),
  storage_key   text not null,
  content_type  text not null,
  size_bytes    integer not null,
  created_at    timestamptz not null
);
create index complaint_attachments_complaint on complaint_attachments (complaint_id);

-- A provider's public reply to its scorecard.
create table provider_scorecard_replies (
  provider_id  uuid primary key references providers (id),
  reply        text not null,
  updated_at   timestamptz not null
);

-- ── Surveys ─────────────────────────────────────────────────────────────────────────────────

create table survey_questionnaires (
  id          uuid primary key,
  code        text not null,
  version     integer not null,
  trigger     text not null check (trigger in ('booking_confirmed', 'arrival_recorded', 'permit_checked_in', 'season_completed')),
  programme   text not null check (programme in ('hajj', 'umrah', 'rawdah')),
  stage       text not null,
  title       jsonb not null,
  questions   jsonb not null,
  valid_days  smallint not null check (valid_days between 1 and 90),
  active      boolean not null default true,
  created_at  timestamptz not null,
  unique (code, version)
);
-- At most one active version of a questionnaire.
create unique index survey_questionnaires_active on survey_questionnaires (code) where active;

-- Who was served by whom: one row per person per booking (raised from booking.confirmed), the
-- denominator of complaints per 1,000 pilgrims and the context copied into invitations.
create table guest_journeys (
  account_id         uuid not null references accounts (id),
  subject            text not null,
  provider_id        uuid,
  package_id         uuid,
  country_code       text,
  nationality_group  text,
  language           text not null,
  started_at         timestamptz not null,
  primary key (account_id, subject)
);
create index guest_journeys_provider on guest_journeys (provider_id);
create index guest_journeys_started on guest_journeys (started_at);

-- The link's token is the invitation's id and its keyed MAC (HMAC-SHA-256 under a platform
-- secret), so the reminder can send the same link again and nothing secret is stored.
create table survey_invitations (
  id                uuid primary key,
  questionnaire_id  uuid not null references survey_questionnaires (id),
  account_id        uuid not null references accounts (id),
  subject           text not null,
  language          text not null,
  -- The context, copied when the invitation is raised (a later change of profile moves nothing).
  programme         text not null,
  stage             text not null,
  provider_id       uuid,
  package_id        uuid,
  country_code      text,
  nationality_group text,
  source_event_id   bigint,
  created_at        timestamptz not null,
  expires_at        timestamptz not null,
  remind_at         timestamptz,
  reminded_at       timestamptz,
  first_shown_at    timestamptz,
  shown_count       integer not null default 0,
  responded_at      timestamptz,
  unique (questionnaire_id, account_id, subject)
);
create index survey_invitations_account on survey_invitations (account_id, created_at desc);
create index survey_invitations_created on survey_invitations (created_at);
create index survey_invitations_shown on survey_invitations (first_shown_at) where first_shown_at is not null;
create index survey_invitations_provider on survey_invitations (provider_id);
create index survey_invitations_remind on survey_invitations (remind_at) where remind_at is not null;

-- One response per invitation; context copied from the invitation at the time it was raised.
create table survey_responses (
  id                 uuid primary key,
  invitation_id      uuid not null unique references survey_invitations (id),
  questionnaire_id   uuid not null references survey_questionnaires (id),
  programme          text not null,
  stage              text not null,
  language           text not null,
  provider_id        uuid,
  package_id         uuid,
  country_code       text,
  nationality_group  text,
  csat               smallint check (csat between 1 and 5),
  nps                smallint check (nps between 0 and 10),
  answers            jsonb not null,
  free_text          text,
  free_text_screened text,
  submitted_at       timestamptz not null,
  day                date not null
);
create index survey_responses_provider on survey_responses (provider_id);
create index survey_responses_day on survey_responses (day);

-- CSAT answers by stage (a season's survey asks about housing, Mina and Arafat, transport …).
create table survey_stage_scores (
  response_id  uuid not null references survey_responses (id),
  stage        text not null,
  csat         smallint not null check (csat between 1 and 5),
  primary key (response_id, stage)
);

-- How far the invitation writer has read the event log (it re-reads a margin behind it: an
-- event whose transaction committed late is still seen; invitations are unique, so twice is harmless).
create table survey_event_cursor (
  id             smallint primary key check (id = 1),
  last_event_id  bigint not null
);
insert into survey_event_cursor values (1, 0);

-- The survey counts of each past day (Riyadh), per dimension and group, folded once the day is
-- over (rows of a past day never change: invitations count on the day they were raised, showings
-- on the day of the first showing, responses and pilgrims served on their day). Unfiltered
-- indicators add these up and read only the days not yet folded from the rows themselves.
create table survey_rollup (
  day         date not null,
  programme   text not null,
  dim         text not null check (dim in ('provider', 'package', 'stage', 'country', 'language')),
  key         text,
  invited     integer not null,
  shown       integer not null,
  responses   integer not null,
  csat_n      integer not null,
  csat_top2   integer not null,
  nps_n       integer not null,
  promoters   integer not null,
  detractors  integer not null,
  pilgrims    integer not null
);
create index survey_rollup_dim on survey_rollup (dim, day);
create table survey_rollup_days (
  day        date primary key,
  folded_at  timestamptz not null
);

-- The published scorecards: per provider, the anonymised counts every figure is computed from
-- (docs/algorithms/scorecards.md) and when; the public reads only this table.
create table provider_scorecards (
  provider_id   uuid primary key references providers (id),
  counts        jsonb not null,
  inspections   jsonb not null,
  computed_at   timestamptz not null
);

-- ── Field inspections (mystery shopper) ─────────────────────────────────────────────────────

create table inspection_checklists (
  id          uuid primary key,
  place_type  text not null check (place_type in ('camp', 'hotel', 'bus')),
  version     integer not null,
  items       jsonb not null,
  active      boolean not null default true,
  created_at  timestamptz not null,
  unique (place_type, version)
);
create unique index inspection_checklists_active on inspection_checklists (place_type) where active;

create table inspections (
  id            uuid primary key,
  client_id     text not null,
  inspector_id  uuid not null references accounts (id),
  checklist_id  uuid not null references inspection_checklists (id),
  provider_id   uuid not null references providers (id),
  place         text not null,
  visited_at    timestamptz not null,
  answers       jsonb not null,
  score         numeric(5, 2) not null check (score between 0 and 100),
  photos        jsonb not null default '[]',
  created_at    timestamptz not null,
  unique (inspector_id, client_id)
);
create index inspections_provider on inspections (provider_id);
