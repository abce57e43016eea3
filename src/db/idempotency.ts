import type { Transaction } from 'kysely';
import type { Clock } from '../core/clock.ts';
import { AppError, isAppError, type ErrorParams } from '../core/errors.ts';
import type { RequestContext } from '../core/principal.ts';
import type { Db } from './database.ts';
import { idempotencyStore as store } from './idempotency-store.ts';
import type { Database } from './schema.ts';

type Stored = { value?: unknown; error?: { code: string; params: ErrorParams } };

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

  const replay = (row: { request_hash: string; route: string; response_body: string | null }): T => {
    if (row.request_hash !== request.fingerprint || row.route !== request.operation) throw new AppError('idempotency.key_reused');
    const stored = JSON.parse(row.response_body ?? '{}') as Stored;
    request.replayed = true;
    if (stored.error) throw new AppError(stored.error.code as never, stored.error.params);
    return stored.value as T;
  };

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
