import { sql } from 'kysely';
import type { Db, Trx } from '../db/database.ts';

/**
 * Runs `work` in `n` transactions at once and answers each one's outcome: 'ok', or the error's
 * code. On PostgreSQL the transactions start together: each takes its connection and waits until
 * `together` of them (default 16, fewer than a test database's pool of 20) have begun, so how much
 * they overlap does not depend on how busy the machine is. PGlite is one session: there the
 * transactions run one after another, and only guarded runs are meaningful.
 *
 * @example const outcomes = await raceTransactions(t.db, 20, (trx) => pay(trx)); // ['ok', 'wallet.insufficient_funds', …]
 */
export async function raceTransactions(db: Db, n: number, work: (trx: Trx, i: number) => Promise<unknown>, together = 16): Promise<string[]> {
  const gate = Math.min(n, together);
  let arrived = 0;
  let release = () => {};
  const all = new Promise<void>((resolve) => (release = resolve));
  return Promise.all(Array.from({ length: n }, (_, i) =>
    db.kysely.transaction().execute(async (trx) => {
      if (db.engine === 'postgres') {
        await sql`select 1`.execute(trx);
        if (++arrived === gate) release();
        await all;
      }
      return work(trx, i);
    }).then(() => 'ok', (error: { code?: string }) => error.code ?? String(error))));
}
