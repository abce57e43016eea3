-- Card top-ups through a payment gateway (docs/payments.md), and the simulated card gateway that
-- stands in for a real one in development and tests.

-- Our side: each card payment we started, and what the gateway told us.
create table card_payments (
  id                  uuid primary key,
  gateway             text not null,
  gateway_payment_id  text not null,
  account_id          uuid not null references accounts (id),
  amount              bigint not null check (amount > 0),
  status              text not null check (status in ('created', 'authorized', 'succeeded', 'failed')),
  pending_transfer    uuid references ledger_transfers (id),
  created_at          timestamptz not null,
  updated_at          timestamptz not null,
  unique (gateway, gateway_payment_id)
);
create index card_payments_open_idx on card_payments (updated_at) where status in ('created', 'authorized');

-- Every webhook event received, once (a replay is recognised by its id).
create table payment_events (
  gateway      text not null,
  event_id     text not null,
  payment_id   text not null,
  type         text not null,
  outcome      text not null,      -- applied, ignored (already final), unknown_payment
  received_at  timestamptz not null,
  primary key (gateway, event_id)
);

-- The simulator's own state (a real gateway keeps this on its side).
create table simgw_payments (
  id            text primary key,
  amount        bigint not null check (amount > 0),
  description   text not null,
  status        text not null check (status in ('requires_card', 'requires_3ds', 'succeeded', 'declined', 'failed')),
  card_last4    text,
  created_at    timestamptz not null,
  updated_at    timestamptz not null
);
create table simgw_events (
  id            text primary key,
  payment_id    text not null references simgw_payments (id),
  type          text not null,
  body          text not null,
  deliver_at    timestamptz not null,
  attempts      integer not null default 0,
  delivered_at  timestamptz,
  last_error    text
);
create index simgw_events_due_idx on simgw_events (deliver_at) where delivered_at is null;
