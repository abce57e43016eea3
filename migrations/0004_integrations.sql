-- Provider integrations: API keys and signed webhooks.

create table api_keys (
  id            uuid primary key,
  provider_id   uuid not null references providers (id),
  name          text not null,
  prefix        text not null,            -- first characters, to recognise a key in lists
  key_hash      text not null unique,     -- SHA-256 of the key; the key itself is shown once
  scopes        text[] not null check (cardinality(scopes) >= 1),
  created_by    uuid not null references accounts (id),
  created_at    timestamptz not null,
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
create index api_keys_provider_idx on api_keys (provider_id, created_at);

create table webhook_endpoints (
  id           uuid primary key,
  provider_id  uuid not null references providers (id),
  url          text not null,
  secret       text not null,             -- needed to sign every delivery, so kept as is
  events       text[] not null check (cardinality(events) >= 1),
  created_by   uuid not null references accounts (id),
  created_at   timestamptz not null,
  disabled_at  timestamptz
);
create index webhook_endpoints_provider_idx on webhook_endpoints (provider_id);

create table webhook_deliveries (
  id               uuid primary key,
  endpoint_id      uuid not null references webhook_endpoints (id),
  event_id         bigint not null references domain_events (id),
  status           text not null check (status in ('pending', 'delivered', 'dead')),
  attempts         integer not null default 0,
  next_attempt_at  timestamptz not null,
  last_status      integer,
  last_error       text,
  created_at       timestamptz not null,
  delivered_at     timestamptz,
  unique (endpoint_id, event_id)
);
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_endpoint_idx on webhook_deliveries (endpoint_id, created_at);

-- How far the fan-out has read the event log (one row).
create table webhook_cursor (
  id             integer primary key check (id = 1),
  last_event_id  bigint not null
);
insert into webhook_cursor (id, last_event_id) values (1, 0);
