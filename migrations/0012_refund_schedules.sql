-- What a pilgrim gets back on cancelling, by how many days before the season's arrival date the
-- cancellation comes (data per season; docs/algorithms/ledger.md). Without a row the default applies.
create table refund_schedules (
  season      text primary key references seasons (code),
  rules       jsonb not null,        -- [{ "minDaysBefore": 60, "feeBps": 0 }, …]
  updated_by  uuid references accounts (id),
  updated_at  timestamptz not null
);
