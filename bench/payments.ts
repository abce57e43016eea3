import pg from 'pg';
import { loadConfig } from '../src/core/config.ts';
import { newId } from '../src/core/ids.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrator.ts';
import { createServices } from '../src/services.ts';
import { progress } from './seed.ts';
import { benchDatabaseEnv, drain, emit } from './support.ts';

const WALLETS = Number(process.env.BENCH_WALLETS ?? 1000);
const TRANSFERS = Number(process.env.BENCH_TRANSFERS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);

/**
 * payments: posted transfers per second through the ledger service, against bare SQL
 * inserting the same rows one transaction each (the totals' trigger off), same
 * concurrency, same run. PostgreSQL only. Three paths: `transfers.per_second`, the
 * group commit (`ledger.transferGrouped`: the payments that arrive together locked,
 * judged and written in one transaction the ledger owns); `transfers.per_second.single`,
 * one transaction each (one statement locks the paying wallet, checks its running
 * totals and inserts the transfer, whose trigger updates the totals); and
 * `transfers.alone.per_second`, that one statement without a transaction around it.
 */
export async function run() {
  process.env.BENCH_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/manasik_bench';
  const { env } = await benchDatabaseEnv();
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: CONCURRENCY });
  await migrate(db);
  const services = createServices({ config: loadConfig({ ...process.env, ...env }), db });
  const { ledger } = services;

  // Wallets with money in them (one bank top-up each), and one provider payable to pay.
  const bar = progress('wallets', WALLETS);
  const wallets: string[] = [];
  let payable = '';
  let bank = '';
  await db.kysely.transaction().execute(async (trx) => {
    payable = (await ledger.providerPayable(trx, newId())).id;
    bank = (await ledger.platform(trx, 'bank')).id;
  });
  for (let i = 0; i < WALLETS; i++) {
    const accountId = newId();
    await db.kysely.insertInto('accounts').values({ id: accountId, email: `w${i}@pay.example`, email_normalized: `w${i}@pay.example`, role: 'pilgrim', display_name: 'W', locale: 'en', created_at: new Date(), updated_at: new Date() } as never).execute();
    await db.kysely.transaction().execute(async (trx) => {
      const w = await ledger.wallet(trx, accountId);
      await ledger.transfer(trx, [{ debit: bank, credit: w.id, amount: 100_000_000, kind: 'top_up_bank', externalRef: `seed-${i}` }]);
      wallets.push(w.id);
    });
    bar.increment();
  }
  bar.stop();

  const serviceSeconds = await drain(TRANSFERS, CONCURRENCY, (i) =>
    db.kysely.transaction().execute((trx) => ledger.transfer(trx, [{ debit: wallets[i % WALLETS]!, credit: payable, amount: 1000 + (i % 997), kind: 'booking_payment' }], { fundedBy: wallets[i % WALLETS]! })));

  // The same transfer called alone (no enclosing transaction): its one statement is atomic by itself.
  const aloneSeconds = await drain(TRANSFERS, CONCURRENCY, (i) =>
    ledger.transfer(db.kysely, [{ debit: wallets[i % WALLETS]!, credit: payable, amount: 1000 + (i % 997), kind: 'booking_payment' }], { fundedBy: wallets[i % WALLETS]! }));

  // The group commit: the same payments, each caller waiting for its own answer, the ledger writing
  // those that arrive together in one transaction of its own (two batches in flight). Measured last,
  // just before the ceiling, so that both see the same machine (others share it).
  const groupedSeconds = await drain(TRANSFERS, CONCURRENCY, (i) =>
    ledger.transferGrouped([{ debit: wallets[i % WALLETS]!, credit: payable, amount: 1000 + (i % 997), kind: 'booking_payment' }], { fundedBy: wallets[i % WALLETS]! }));

  // The books are checked before the ceiling, which writes rows outside the service.
  const problems = await ledger.check();

  // The ceiling: the bare INSERT of the same rows into the same table (its indexes, foreign keys
  // and constraints), without the wallets' running totals that the service keeps by a trigger.
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: CONCURRENCY });
  await pool.query('alter table ledger_transfers disable trigger ledger_wallet_totals');
  const sqlSeconds = await drain(TRANSFERS, CONCURRENCY, (i) =>
    pool.query(`insert into ledger_transfers (id, batch_id, debit_account, credit_account, amount, kind, flags, created_at) values ($1, $1, $2, $3, $4, 'booking_payment', 'posted', now())`, [newId(), wallets[i % WALLETS], payable, 1000 + (i % 997)]));
  await pool.query('alter table ledger_transfers enable trigger ledger_wallet_totals');
  await pool.end();
  await db.close();
  const ceiling = TRANSFERS / sqlSeconds;
  const line = (metric: string, seconds: number, note: string) => {
    const rate = TRANSFERS / seconds;
    emit({ bench: 'payments', metric, value: Number(rate.toFixed(1)), unit: 'transfers/s', ceiling: Number(ceiling.toFixed(1)), ratio: Number((rate / ceiling).toFixed(3)), ceilingWork: 'INSERT of the same rows, one transaction each', note, transfers: TRANSFERS, wallets: WALLETS, concurrency: CONCURRENCY, engine: 'postgres' });
  };
  line('transfers.per_second', groupedSeconds, 'group commit (ledger.transferGrouped): the payments that arrive together judged and written in one transaction of the ledger\'s');
  line('transfers.per_second.single', serviceSeconds, 'one transaction per payment (ledger.transfer in the caller\'s transaction)');
  line('transfers.alone.per_second', aloneSeconds, 'the service\'s one statement without an enclosing transaction (BEGIN and COMMIT are the caller\'s)');
  emit({ bench: 'payments', metric: 'ledger.check_problems', value: problems.length, unit: 'count', transfers: TRANSFERS });
}
