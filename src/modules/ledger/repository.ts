import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { LedgerAccountsTable, LedgerTransfersTable } from './tables.ts';

/** The only place that queries the ledger's tables. */
export function createLedgerRepository() {
  return {
    async ensureAccount(db: Executor, row: Insertable<LedgerAccountsTable>) {
      await db.insertInto('ledger_accounts').values(row).onConflict((oc) => oc.column('code').doNothing()).execute();
      return db.selectFrom('ledger_accounts').selectAll().where('code', '=', row.code).executeTakeFirstOrThrow();
    },
    byCode: (db: Executor, code: string, lock = false) => {
      const q = db.selectFrom('ledger_accounts').selectAll().where('code', '=', code);
      return (lock ? q.forUpdate() : q).executeTakeFirst();
    },
    byBankReference: (db: Executor, reference: string) =>
      db.selectFrom('ledger_accounts').selectAll().where('bank_reference', '=', reference).executeTakeFirst(),
    async lock(db: Executor, id: string) {
      await db.selectFrom('ledger_accounts').select('id').where('id', '=', id).forUpdate().execute();
    },
    async insertTransfers(db: Executor, rows: Insertable<LedgerTransfersTable>[]) {
      if (rows.length) await db.insertInto('ledger_transfers').values(rows).execute();
    },
    /**
     * Inserts transfers paid from a wallet, in one statement, only if the wallet has `need`
     * available: the wallet's row is locked (`FOR NO KEY UPDATE`: concurrent transfers' foreign-key checks hold key-share locks on it) and its running totals read at their
     * latest version (a locking read waits for a payment in flight and sees what it committed),
     * then the rows are inserted if they fit. The statement trigger updates the totals. Answers
     * what was available before and whether the rows were written.
     */
    async insertFunded(db: Executor, walletId: string, need: number, rows: LedgerTransfersTable[]) {
      const col = <K extends keyof LedgerTransfersTable>(k: K) => rows.map((r) => r[k]);
      const { rows: [r] } = await sql<{ available: string | null; written: number }>`
        with w as (
          select posted_total - held_total as available from ledger_accounts where id = ${walletId} and kind = 'pilgrim_wallet' for no key update),
        ins as (
          insert into ledger_transfers (id, batch_id, debit_account, credit_account, amount, kind, flags, booking_id, external_ref, created_at)
          select u.id, u.batch_id, u.debit_account, u.credit_account, u.amount, u.kind, 'posted', u.booking_id, u.external_ref, ${rows[0]?.created_at ?? new Date()}::timestamptz
          from unnest(${col('id')}::uuid[], ${col('batch_id')}::uuid[], ${col('debit_account')}::uuid[], ${col('credit_account')}::uuid[], ${col('amount')}::bigint[],
            ${col('kind')}::text[], ${col('booking_id')}::uuid[], ${col('external_ref')}::text[]) as u(id, batch_id, debit_account, credit_account, amount, kind, booking_id, external_ref)
          where (select available from w) >= ${need}
          returning 1)
        select (select available from w)::text as available, (select count(*) from ins)::int as written`.execute(db);
      return { available: r?.available == null ? null : Number(r.available), written: (r?.written ?? 0) > 0 };
    },
    /**
     * The available money (posted minus held) of the pilgrim wallets among `ids`, for a batch of
     * payments: locked in id order (`FOR NO KEY UPDATE`, as `insertFunded`), so that two batches
     * touching the same wallets wait for each other instead of deadlocking, and so that the
     * totals' trigger finds them already locked. A locking read sees each row's latest committed
     * version. Without `lock` (the concurrency test's control only) the rows are read as of the
     * statement's snapshot, which is the race the lock closes.
     */
    async walletsAvailable(db: Executor, ids: readonly string[], lock = true) {
      if (ids.length === 0) return new Map<string, number>();
      const q = db.selectFrom('ledger_accounts').select(['id', sql<string>`posted_total - held_total`.as('available')])
        .where('id', 'in', [...ids]).where('kind', '=', 'pilgrim_wallet').orderBy('id');
      const rows = await (lock ? q.forNoKeyUpdate() : q).execute();
      return new Map(rows.map((r) => [r.id, Number(r.available)]));
    },
    /** Inserts posted transfers in one statement (one array per column); the totals' trigger runs once for them all. */
    async insertPosted(db: Executor, rows: readonly LedgerTransfersTable[]) {
      if (rows.length === 0) return;
      const col = <K extends keyof LedgerTransfersTable>(k: K) => rows.map((r) => r[k]);
      await sql`
        insert into ledger_transfers (id, batch_id, debit_account, credit_account, amount, kind, flags, booking_id, external_ref, created_at)
        select u.id, u.batch_id, u.debit_account, u.credit_account, u.amount, u.kind, 'posted', u.booking_id, u.external_ref, u.created_at
        from unnest(${col('id')}::uuid[], ${col('batch_id')}::uuid[], ${col('debit_account')}::uuid[], ${col('credit_account')}::uuid[], ${col('amount')}::bigint[],
          ${col('kind')}::text[], ${col('booking_id')}::uuid[], ${col('external_ref')}::text[], ${rows.map((r) => r.created_at.toISOString())}::timestamptz[])
          as u(id, batch_id, debit_account, credit_account, amount, kind, booking_id, external_ref, created_at)`.execute(db);
    },
    /**
     * Inserts a transfer that records an outside event (a bank transaction, a gateway
     * payment) unless one with the same kind and reference exists — also one that a
     * concurrent transaction is committing: PostgreSQL waits for it, then skips. True
     * when this call wrote it.
     */
    async insertTransferOnce(db: Executor, row: Insertable<LedgerTransfersTable>) {
      const written = await db.insertInto('ledger_transfers').values(row)
        .onConflict((oc) => oc.columns(['kind', 'external_ref']).where('external_ref', 'is not', null).doNothing())
        .returning('id').executeTakeFirst();
      return written !== undefined;
    },
    findTransfer: (db: Executor, id: string) => db.selectFrom('ledger_transfers').selectAll().where('id', '=', id).executeTakeFirst(),
    byExternalRef: (db: Executor, kind: string, ref: string) =>
      db.selectFrom('ledger_transfers').selectAll().where('kind', '=', kind).where('external_ref', '=', ref).executeTakeFirst(),
    /**
     * Credits minus debits of posted movements (posted transfers and posted holds), and the
     * holds still open on each side.
     */
    balance: (db: Executor, accountId: string) =>
      sql<{ posted: number; pending_debits: number; pending_credits: number }>`
        select
          coalesce(sum(case when t.flags in ('posted', 'post_pending') and t.credit_account = ${accountId} then t.amount else 0 end), 0)
            - coalesce(sum(case when t.flags in ('posted', 'post_pending') and t.debit_account = ${accountId} then t.amount else 0 end), 0) as posted,
          coalesce(sum(case when t.flags = 'pending' and t.debit_account = ${accountId} and r.id is null then t.amount else 0 end), 0) as pending_debits,
          coalesce(sum(case when t.flags = 'pending' and t.credit_account = ${accountId} and r.id is null then t.amount else 0 end), 0) as pending_credits
        from ledger_transfers t
        left join ledger_transfers r on r.pending_id = t.id
        where t.debit_account = ${accountId} or t.credit_account = ${accountId}`.execute(db).then((r) => r.rows[0]!),
    history: (db: Executor, accountId: string, limit: number) =>
      db.selectFrom('ledger_transfers').selectAll()
        .where((w) => w.or([w('debit_account', '=', accountId), w('credit_account', '=', accountId)]))
        .orderBy('created_at', 'desc').orderBy('id').limit(limit).execute(),
    forBooking: (db: Executor, bookingId: string) =>
      db.selectFrom('ledger_transfers').selectAll().where('booking_id', '=', bookingId).where('flags', '=', 'posted').orderBy('created_at').orderBy('batch_id').execute(),
    duePending: (db: Executor, now: Date, limit: number) =>
      db.selectFrom('ledger_transfers as t').leftJoin('ledger_transfers as r', 'r.pending_id', 't.id').selectAll('t')
        .where('t.flags', '=', 'pending').where('r.id', 'is', null).where('t.timeout_at', '<=', now).limit(limit).execute(),
    /** Paid towards each booking according to the ledger: payments and their VAT, less refunds and theirs. */
    paidPerBooking: (db: Executor) =>
      sql<{ booking_id: string; paid: number }>`
        select booking_id,
               sum(case when kind in ('booking_payment', 'booking_vat') then amount when kind in ('refund', 'refund_vat') then -amount else 0 end)::bigint as paid
        from ledger_transfers where booking_id is not null and flags in ('posted', 'post_pending') group by booking_id`.execute(db).then((r) => r.rows),
    /**
     * Wallets whose books are wrong, by the sums of their transfers: posted or available below
     * zero, or running totals (the trigger's work) that differ from the sums.
     */
    walletProblems: (db: Executor) =>
      sql<{ code: string; posted: number; available: number; posted_total: number; held_total: number; held: number }>`
        with sums as (
          select a.id, a.code, a.posted_total, a.held_total,
                 coalesce(sum(case when t.flags in ('posted', 'post_pending') and t.credit_account = a.id then t.amount
                                   when t.flags in ('posted', 'post_pending') and t.debit_account = a.id then -t.amount else 0 end), 0) as posted,
                 coalesce(sum(case when t.flags = 'pending' and t.debit_account = a.id and not exists (select 1 from ledger_transfers r where r.pending_id = t.id) then t.amount else 0 end), 0) as held
          from ledger_accounts a left join ledger_transfers t on t.debit_account = a.id or t.credit_account = a.id
          where a.kind = 'pilgrim_wallet' group by a.id, a.code, a.posted_total, a.held_total)
        select code, posted, posted - held as available, posted_total, held_total, held from sums
        where posted < 0 or posted - held < 0 or posted_total <> posted or held_total <> held`.execute(db).then((r) => r.rows),
    badTransfers: (db: Executor) =>
      sql<{ id: string; problem: string }>`
        select id, 'not positive or one-sided' as problem from ledger_transfers where amount <= 0 or debit_account = credit_account
        union all
        select r.id, 'resolves a transfer that is not pending' from ledger_transfers r join ledger_transfers p on p.id = r.pending_id where p.flags <> 'pending'
        union all
        select r.id, 'resolution differs from its hold' from ledger_transfers r join ledger_transfers p on p.id = r.pending_id
          where r.amount <> p.amount or r.debit_account <> p.debit_account or r.credit_account <> p.credit_account`.execute(db).then((r) => r.rows),
  };
}
