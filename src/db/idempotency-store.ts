import { sql } from 'kysely';
import type { Executor } from './database.ts';

/** The SQL behind Idempotency-Key handling (src/http/idempotency.ts). */
export const idempotencyStore = {
  find: (db: Executor, principal: string, key: string) =>
    db.selectFrom('idempotency_keys').selectAll().where('principal', '=', principal).where('key', '=', key).executeTakeFirst(),
  /**
   * Takes the key's lock for this transaction, or answers false when another transaction
   * holds it (that request is still in flight). The lock ends with the transaction — also
   * when its process dies — so a key can never stay stuck.
   */
  tryLock: (db: Executor, principal: string, key: string) =>
    sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtextextended(${`idempotency:${principal}:${key}`}, 0)) as locked`.execute(db).then((r) => r.rows[0]!.locked),
  /** `tryLock` for many keys in one statement, answers in the keys' order. */
  tryLockMany: (db: Executor, keys: readonly { principal: string; key: string }[]) =>
    keys.length
      ? sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtextextended('idempotency:' || k.principal || ':' || k.key, 0)) as locked
          from unnest(${keys.map((k) => k.principal)}::text[], ${keys.map((k) => k.key)}::text[]) with ordinality as k(principal, key, i) order by k.i`.execute(db).then((r) => r.rows.map((x) => x.locked))
      : Promise.resolve([]),
  /** `find` for many keys in one statement. */
  findMany: (db: Executor, keys: readonly { principal: string; key: string }[]) =>
    keys.length
      ? sql<{ principal: string; key: string; request_hash: string; route: string; response_body: string | null }>`select i.principal, i.key, i.request_hash, i.route, i.response_body
          from idempotency_keys i join unnest(${keys.map((k) => k.principal)}::text[], ${keys.map((k) => k.key)}::text[]) as k(principal, key) on i.principal = k.principal and i.key = k.key`.execute(db).then((r) => r.rows)
      : Promise.resolve([]),
  async record(db: Executor, row: { principal: string; key: string; method: string; route: string; request_hash: string; response_code: number; response_body: string; created_at: Date }) {
    await db.insertInto('idempotency_keys').values({ ...row, status: 'completed' }).onConflict((oc) => oc.columns(['principal', 'key']).doNothing()).execute();
  },
  /**
   * The statement that records many answers, for a writer that runs it within one of its own
   * statements (a data-modifying CTE): one array per column, a key already answered kept as it is.
   */
  recordMany: (rows: readonly { principal: string; key: string; method: string; route: string; request_hash: string; response_code: number; response_body: string }[], createdAt: Date) => sql`
    insert into idempotency_keys (principal, key, method, route, request_hash, status, response_code, response_body, created_at)
    select u.principal, u.key, u.method, u.route, u.request_hash, 'completed', u.response_code, u.response_body, ${createdAt}::timestamptz
    from unnest(${rows.map((r) => r.principal)}::text[], ${rows.map((r) => r.key)}::text[], ${rows.map((r) => r.method)}::text[], ${rows.map((r) => r.route)}::text[],
      ${rows.map((r) => r.request_hash)}::text[], ${rows.map((r) => r.response_code)}::int[], ${rows.map((r) => r.response_body)}::text[])
      as u(principal, key, method, route, request_hash, response_code, response_body)
    on conflict (principal, key) do nothing`,
  /** Forgets keys older than `before` (they are kept at least 24 hours). */
  purge: (db: Executor, before: Date) => sql`delete from idempotency_keys where created_at < ${before}`.execute(db),
};
