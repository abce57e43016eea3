-- Money: a double-entry ledger (docs/algorithms/ledger.md). Every movement is a transfer that
-- debits one account and credits another by a positive amount; transfers are never changed or
-- removed; balances are sums of transfers. A pending transfer (a hold) is resolved exactly once,
-- by a post or a void that names it.

create table ledger_accounts (
  id              uuid primary key,
  code            text not null unique,     -- 'wallet:<account>', 'payable:<provider>', 'platform_fees', 'vat', 'clearing:card', 'clearing:bank', 'refunds'
  kind            text not null check (kind in ('pilgrim_wallet', 'provider_payable', 'platform_fees', 'vat', 'gateway_clearing', 'refunds')),
  owner_id        uuid,                     -- the pilgrim account of a wallet, the provider of a payable
  bank_reference  text unique,              -- what a bank transfer to this wallet must quote
  created_at      timestamptz not null
);

create table ledger_transfers (
  id              uuid primary key,
  batch_id        uuid not null,            -- the transfers of one operation (a payment's legs)
  debit_account   uuid not null references ledger_accounts (id),
  credit_account  uuid not null references ledger_accounts (id),
  amount          bigint not null check (amount > 0),      -- halalas
  kind            text not null,            -- top_up, booking_payment, booking_vat, commission, refund, …
  flags           text not null default 'posted' check (flags in ('posted', 'pending', 'post_pending', 'void_pending')),
  pending_id      uuid references ledger_transfers (id),
  timeout_at      timestamptz,
  booking_id      uuid references bookings (id),
  external_ref    text,                     -- the gateway payment or bank transaction it records
  created_at      timestamptz not null,
  constraint ledger_transfers_two_sides check (debit_account <> credit_account),
  constraint ledger_transfers_resolution check ((flags in ('post_pending', 'void_pending')) = (pending_id is not null)),
  constraint ledger_transfers_timeout check ((flags = 'pending') = (timeout_at is not null))
);
-- A hold is posted or voided once, never both, never twice.
create unique index ledger_transfers_resolved on ledger_transfers (pending_id) where pending_id is not null;
-- An outside payment is credited once, however often its notification arrives.
create unique index ledger_transfers_external on ledger_transfers (kind, external_ref) where external_ref is not null;
create index ledger_transfers_debit_idx on ledger_transfers (debit_account);
create index ledger_transfers_credit_idx on ledger_transfers (credit_account);
create index ledger_transfers_booking_idx on ledger_transfers (booking_id) where booking_id is not null;

create function ledger_transfers_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'ledger transfers are immutable';
end $$;
create trigger ledger_transfers_no_update before update or delete on ledger_transfers
  for each row execute function ledger_transfers_immutable();
create trigger ledger_transfers_no_truncate before truncate on ledger_transfers
  for each statement execute function ledger_transfers_immutable();

-- What a booking costs and what has been paid for it (the ledger check compares the latter with
-- the transfers).
alter table bookings add column amount_due bigint not null default 0 check (amount_due >= 0);
alter table bookings add column amount_paid bigint not null default 0 check (amount_paid >= 0);

-- Answers to requests that move money or change a booking, by Idempotency-Key, kept at least
-- 24 hours. A row is written in the same transaction as the request's effect; a request still in
-- flight is recognised by a transaction-scoped advisory lock on its key, not by a row.
create table idempotency_keys (
  principal     text not null,             -- who sent it (account id)
  key           text not null,
  method        text not null,
  route         text not null,
  request_hash  text not null,
  status        text not null check (status = 'completed'),
  response_code integer,
  response_body text,
  created_at    timestamptz not null,
  primary key (principal, key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);
