import { sql } from 'kysely';
import type { Executor } from './database.ts';

/** The SQL behind Idempotency-Key handling (src/http/idempotency.ts). */
export const idempotencyStore = {
  find: (db: Executor, principal: string, key: string) =>
    db.selectFrom('idempotency_keys').selectAll().where('principal', '=', principal).where('key', '=', key).forUpdate().executeTakeFirst(),
  async claim(db: Executor, row: { principal: string; key: string; method: string; route: string; request_hash: string; created_at: Date }) {
    const done = await db.insertInto('idempotency_keys').values({ ...row, status: 'in_flight' }).onConflict((oc) => oc.columns(['principal', 'key']).doNothing()).executeTakeFirst();
    return Number(done.numInsertedOrUpdatedRows ?? 0) === 1;
  },
  async reclaim(db: Executor, principal: string, key: string, now: Date) {
    await db.updateTable('idempotency_keys').set({ created_at: now }).where('principal', '=', principal).where('key', '=', key).where('status', '=', 'in_flight').execute();
  },
  async complete(db: Executor, principal: string, key: string, code: number, body: string) {
    await db.updateTable('idempotency_keys').set({ status: 'completed', response_code: code, response_body: body }).where('principal', '=', principal).where('key', '=', key).execute();
  },
  async release(db: Executor, principal: string, key: string) {
    await db.deleteFrom('idempotency_keys').where('principal', '=', principal).where('key', '=', key).where('status', '=', 'in_flight').execute();
  },
  /** Forgets keys older than `before` (they are kept at least 24 hours). */
  purge: (db: Executor, before: Date) => sql`delete from idempotency_keys where created_at < ${before}`.execute(db),
};
