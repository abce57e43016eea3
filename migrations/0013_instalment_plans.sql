-- How a season's bookings may be paid: in steps of a percentage of the price, the first by the
-- offer's deadline, each later one a number of days before the arrival date (data per season;
-- without a row: everything by the offer's deadline).
create table instalment_plans (
  season      text primary key references seasons (code),
  steps       jsonb not null,        -- [{ "percent": 30, "daysBeforeArrival": null }, { "percent": 70, "daysBeforeArrival": 45 }]
  updated_by  uuid references accounts (id),
  updated_at  timestamptz not null
);
