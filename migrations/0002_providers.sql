-- Providers and their licences; provider staff membership; the domain event log.

create table providers (
  id                     uuid primary key,
  legal_name_ar          text not null,
  legal_name_en          text not null,
  cr_number              text not null unique,      -- commercial registration
  licence_number         text not null unique,      -- the ministry's Hajj service licence
  ownership_declaration  text not null,
  paid_up_capital        bigint not null check (paid_up_capital >= 0),  -- halalas
  bank_guarantee_ref     text not null,
  offices                jsonb not null,
  contacts               jsonb not null,
  status                 text not null check (status in ('pending', 'licensed', 'rejected', 'suspended')),
  licence_valid_from     date,
  licence_valid_to       date,
  decision_reason        text,
  applied_by             uuid not null references accounts (id),
  created_at             timestamptz not null,
  updated_at             timestamptz not null,
  constraint providers_licence_dates check (
    (status not in ('licensed', 'suspended'))
    or (licence_valid_from is not null and licence_valid_to is not null and licence_valid_to > licence_valid_from))
);
create index providers_status_idx on providers (status, legal_name_en);

-- Who works for which provider, and as what. An account belongs to at most one provider.
create table provider_members (
  provider_id  uuid not null references providers (id),
  account_id   uuid not null unique references accounts (id),
  role         text not null check (role in ('owner', 'manager', 'agent')),
  created_at   timestamptz not null,
  primary key (provider_id, account_id)
);

-- Accounts of provider staff point at a real provider from now on (rows seeded before this
-- migration are checked by the demo seed, not here).
alter table accounts add constraint accounts_provider_fk foreign key (provider_id) references providers (id) not valid;

-- Domain events, written in the transaction of the change they describe; webhooks and
-- notifications consume them. Append-only like the audit log.
create table domain_events (
  id           bigint generated always as identity primary key,
  type         text not null check (type ~ '^[a-z_]+\.[a-z_]+$'),
  provider_id  uuid references providers (id),
  subject_id   text not null,
  payload      jsonb not null,
  occurred_at  timestamptz not null
);
create index domain_events_provider_idx on domain_events (provider_id, id);
create trigger domain_events_no_update_delete before update or delete on domain_events
  for each row execute function audit_log_reject_change();
