-- Each pilgrim wallet carries its running totals (docs/algorithms/ledger.md, "Paying from a
-- wallet"): what has been posted to it and what its open holds reserve. They are kept by a
-- statement trigger on ledger_transfers, in the same transaction as every transfer, whatever wrote
-- it (the services, COPY, a hand-written statement), so a payment checks its wallet by reading one
-- row it has locked instead of summing the wallet's history. Balances are still the sums of the
-- transfers: `ledger check` compares the totals with the sums and reports any difference.
-- Only wallets carry totals: the platform's and providers' accounts are credited by every payment,
-- and a total there would make every payment wait for every other.

alter table ledger_accounts add column posted_total bigint not null default 0;
alter table ledger_accounts add column held_total bigint not null default 0;

update ledger_accounts a set
  posted_total = coalesce((select sum(case when t.credit_account = a.id then t.amount else -t.amount end)
                           from ledger_transfers t
                           where (t.credit_account = a.id or t.debit_account = a.id) and t.flags in ('posted', 'post_pending')), 0),
  held_total = coalesce((select sum(t.amount) from ledger_transfers t
                         where t.debit_account = a.id and t.flags = 'pending'
                           and not exists (select 1 from ledger_transfers r where r.pending_id = t.id)), 0)
where a.kind = 'pilgrim_wallet';

create function ledger_wallet_totals() returns trigger language plpgsql as $$
begin
  -- The wallets first, locked in id order (two statements touching several wallets never wait for each other in a circle),
  -- and for no key update: the foreign-key checks of concurrent transfers hold key-share locks on the same rows.
  perform 1 from ledger_accounts
    where kind = 'pilgrim_wallet' and id in (select credit_account from inserted union select debit_account from inserted)
    order by id for no key update;
  update ledger_accounts a set posted_total = a.posted_total + d.posted, held_total = a.held_total + d.held
  from (
    select account, sum(posted) as posted, sum(held) as held from (
      select credit_account as account, amount as posted, 0 as held from inserted where flags in ('posted', 'post_pending')
      union all
      select debit_account, -amount, 0 from inserted where flags in ('posted', 'post_pending')
      union all
      select debit_account, 0, amount from inserted where flags = 'pending'
      union all
      select debit_account, 0, -amount from inserted where flags in ('post_pending', 'void_pending')
    ) m group by account
  ) d
  where a.id = d.account and a.kind = 'pilgrim_wallet';
  return null;
end $$;
create trigger ledger_wallet_totals after insert on ledger_transfers
  referencing new table as inserted for each statement execute function ledger_wallet_totals();
