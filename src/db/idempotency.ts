import type { Transaction } from 'kysely';
import type { Clock } from '../core/clock.ts';
import { AppError, isAppError, type ErrorParams } from '../core/errors.ts';
import type { RequestContext } from '../core/principal.ts';
import type { Db } from './database.ts';
import { idempotencyStore as store } from './idempotency-store.ts';
import type { Database } from './schema.ts';

type Stored = { value?: unknown; error?: { code: string; params: ErrorParams } };
type StoredRow = { request_hash: string; route: string; response_body: string | null };

/** The first answer given again to a request with the same key: its value, or its refusal thrown; another request under the key is refused. */
function replayAnswer<T>(ctx: RequestContext, row: StoredRow): T {
  const request = ctx.idempotency!;
  if (row.request_hash !== request.fingerprint || row.route !== request.operation) throw new AppError('idempotency.key_reused');
  const stored = JSON.parse(row.response_body ?? '{}') as Stored;
  request.replayed = true;
  if (stored.error) throw new AppError(stored.error.code as never, stored.error.params);
  return stored.value as T;
}
const outcome = <T>(f: () => T): { value: T } | { error: Error } => {
  try {
    return { value: f() };
  } catch (error) {
    return { error: error as Error };
  }
};

/**
 * Runs an operation's work at most once per Idempotency-Key
 * (docs/algorithms/ledger.md). Every operation that books, pays or issues a
 * permit runs through here; the HTTP layer only reads the key into the context.
 *
 * - no key: the work runs in a transaction, as usual;
 * - a new key: the work runs in a transaction that holds the key's lock and records
 *   the answer **in the same transaction**, so an effect never commits without its
 *   record, and a request killed half-way leaves neither (the lock dies with it);
 * - the same key and request again: the first answer is given again (`ctx.idempotency.replayed`);
 * - the same key with another request: `idempotency.key_reused`; while the first is
 *   still running: `idempotency.in_flight`;
 * - a refusal (4xx) is recorded and given again too; a failure (5xx) is not recorded.
 *
 * The work's answer must be plain JSON (dates as strings): it is stored, and a
 * retry gets the stored copy.
 *
 * `prepare` is outside work that must not run inside a transaction (a call to a
 * payment gateway); it is skipped when an answer is given again.
 *
 * @example return runOnce(deps, ctx, (trx) => pay(trx, ctx, bookingId))
 */
export async function runOnce<T, P = undefined>(
  deps: { db: Db; clock: Clock },
  ctx: RequestContext,
  work: (trx: Transaction<Database>, prepared: P) => Promise<T>,
  prepare?: () => Promise<P>,
): Promise<T> {
  const request = ctx.idempotency;
  if (!request || !ctx.actor) {
    const prepared = (prepare ? await prepare() : undefined) as P;
    return deps.db.kysely.transaction().execute((trx) => work(trx, prepared));
  }
  const principal = ctx.actor.accountId;
  const record = { principal, key: request.key, method: 'OP', route: request.operation, request_hash: request.fingerprint };

  const replay = (row: StoredRow) => replayAnswer<T>(ctx, row);

  const earlier = await store.find(deps.db.kysely, principal, request.key);
  if (earlier) return replay(earlier);
  const prepared = (prepare ? await prepare() : undefined) as P;
  try {
    const outcome = await deps.db.kysely.transaction().execute(async (trx) => {
      if (!(await store.tryLock(trx, principal, request.key))) throw new AppError('idempotency.in_flight');
      const row = await store.find(trx, principal, request.key); // finished while we prepared
      if (row) return { row };
      const value = await work(trx, prepared);
      await store.record(trx, { ...record, response_code: 200, response_body: JSON.stringify({ value } satisfies Stored), created_at: deps.clock.now() });
      return { value };
    });
    return 'row' in outcome ? replay(outcome.row!) : outcome.value;
  } catch (error) {
    if (isAppError(error) && error.status < 500 && !error.code.startsWith('idempotency.') && !request.replayed) {
      const stored: Stored = { error: { code: error.code, params: error.params } };
      await store.record(deps.db.kysely, { ...record, response_code: error.status, response_body: JSON.stringify(stored), created_at: deps.clock.now() });
    }
    throw error;
  }
}

/**
 * `runOnce` for a group-commit writer (the open sale), whose batch answers many
 * requests in one transaction: the same rules, in three steps.
 *
 * 1. `earlier`, before the request joins a batch: an answer already recorded under its key is given again;
 * 2. `claim`, in the batch's transaction: each key's lock is taken (or `idempotency.in_flight`),
 *    and an answer recorded meanwhile is given again; the others are `'fresh'`: do the work;
 * 3. `records`, the statement that records the fresh requests' answers (values, and refusals
 *    below 500) within the batch's own write, in the same transaction as their effects.
 */
export const groupedOnce = {
  async earlier<T>(db: Db, ctx: RequestContext): Promise<{ value: T } | { error: Error } | null> {
    if (!ctx.idempotency || !ctx.actor) return null;
    const row = await store.find(db.kysely, ctx.actor.accountId, ctx.idempotency.key);
    return row ? outcome(() => replayAnswer<T>(ctx, row)) : null;
  },

  async claim(trx: Transaction<Database>, ctxs: readonly RequestContext[]): Promise<({ value: unknown } | { error: Error } | 'fresh')[]> {
    const keyed = ctxs.flatMap((ctx, i) => (ctx.idempotency && ctx.actor ? [{ i, principal: ctx.actor.accountId, key: ctx.idempotency.key }] : []));
    const answers: ({ value: unknown } | { error: Error } | 'fresh')[] = ctxs.map(() => 'fresh');
    if (keyed.length === 0) return answers;
    const locked = await store.tryLockMany(trx, keyed);
    keyed.forEach((k, j) => { if (!locked[j]) answers[k.i] = { error: new AppError('idempotency.in_flight') }; });
    const mine = keyed.filter((_, j) => locked[j]);
    const rows = new Map((await store.findMany(trx, mine)).map((r) => [`${r.principal}\n${r.key}`, r]));
    for (const k of mine) {
      const row = rows.get(`${k.principal}\n${k.key}`);
      if (row) answers[k.i] = outcome(() => replayAnswer(ctxs[k.i]!, row));
    }
    return answers;
  },

  records(clock: Clock, answers: readonly { ctx: RequestContext; value?: unknown; error?: AppError }[]) {
    const rows = answers.flatMap(({ ctx, value, error }) => {
      if (!ctx.idempotency || !ctx.actor || (error && error.status >= 500)) return [];
      const stored: Stored = error ? { error: { code: error.code, params: error.params } } : { value };
      return [{ principal: ctx.actor.accountId, key: ctx.idempotency.key, method: 'OP', route: ctx.idempotency.operation, request_hash: ctx.idempotency.fingerprint, response_code: error ? error.status : 200, response_body: JSON.stringify(stored) }];
    });
    return rows.length ? store.recordMany(rows, clock.now()) : null;
  },
};
