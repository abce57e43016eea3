import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Selectable, Transaction } from 'kysely';
import type { Clock } from '../core/clock.ts';
import { AppError, isAppError } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import { idempotencyStore as store } from '../db/idempotency-store.ts';
import type { Database } from '../db/schema.ts';
import type { IdempotencyKeysTable } from '../modules/ledger/tables.ts';

const KEY = /^[A-Za-z0-9_-]{8,100}$/;

/**
 * Runs a request's effect at most once per Idempotency-Key (docs/algorithms/ledger.md):
 *
 * - no key: the effect runs in a transaction, as usual;
 * - a new key: the effect runs in a transaction that holds the key's lock and records
 *   the answer **in the same transaction**, so an effect never commits without its
 *   record, and a request killed half-way leaves neither (the lock dies with it);
 * - the same key and body again: the first answer is replayed (`Idempotent-Replayed: true`);
 * - the same key with another body: 422; while the first is still running: 409;
 * - a refusal (4xx) is recorded and replayed too; a failure (5xx) is not recorded.
 */
export async function idempotent<T, P = undefined>(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: { db: Db; clock: Clock },
  work: (trx: Transaction<Database>, prepared: P) => Promise<T>,
  status = 200,
  /** Outside work that must not run inside a database transaction (a call to a payment gateway); skipped on a replay. */
  prepare?: () => Promise<P>,
): Promise<FastifyReply> {
  const header = req.headers['idempotency-key'];
  if (header === undefined) {
    const prepared = (prepare ? await prepare() : undefined) as P;
    return reply.code(status).send(await deps.db.kysely.transaction().execute((trx) => work(trx, prepared)));
  }
  if (typeof header !== 'string' || !KEY.test(header)) throw new AppError('idempotency.bad_key');
  const principal = req.ctx.actor!.accountId;
  const route = req.routeOptions.url ?? req.url;
  const hash = createHash('sha256').update(JSON.stringify([req.method, route, req.params, req.body ?? null])).digest('hex');
  const record = { principal, key: header, method: req.method, route, request_hash: hash };

  const replay = (row: Selectable<IdempotencyKeysTable>) => {
    if (row.request_hash !== hash || row.route !== route || row.method !== req.method) throw new AppError('idempotency.key_reused');
    const stored = JSON.parse(row.response_body ?? 'null') as { error?: { code: string; params: Record<string, string | number> } } | null;
    if (stored?.error) throw new AppError(stored.error.code as never, stored.error.params);
    return reply.code(row.response_code ?? 200).header('idempotent-replayed', 'true').send(stored);
  };

  const earlier = await store.find(deps.db.kysely, principal, header);
  if (earlier) return replay(earlier);
  const prepared = (prepare ? await prepare() : undefined) as P;
  try {
    const outcome = await deps.db.kysely.transaction().execute(async (trx) => {
      if (!(await store.tryLock(trx, principal, header))) throw new AppError('idempotency.in_flight');
      const row = await store.find(trx, principal, header); // finished while we prepared
      if (row) return { row };
      const value = await work(trx, prepared);
      await store.record(trx, { ...record, response_code: status, response_body: JSON.stringify(value), created_at: deps.clock.now() });
      return { value };
    });
    return 'row' in outcome ? replay(outcome.row!) : reply.code(status).send(outcome.value);
  } catch (error) {
    if (isAppError(error) && error.status < 500 && !error.code.startsWith('idempotency.')) {
      await store.record(deps.db.kysely, { ...record, response_code: error.status, response_body: JSON.stringify({ error: { code: error.code, params: error.params } }), created_at: deps.clock.now() });
    }
    throw error;
  }
}
