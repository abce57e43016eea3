import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Clock } from '../core/clock.ts';
import { AppError, isAppError } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import { idempotencyStore as store } from '../db/idempotency-store.ts';
import type { Database } from '../db/schema.ts';

const KEY = /^[A-Za-z0-9_-]{8,100}$/;
/** An in-flight key older than this belongs to a request that died before committing: it may be taken again. */
const ABANDONED_MS = 60_000;

/**
 * Runs a request's effect at most once per Idempotency-Key (docs/algorithms/ledger.md):
 *
 * - no key: the effect runs in a transaction, as usual;
 * - a new key: it is claimed, the effect runs, and the answer is recorded **in the
 *   effect's own transaction**, so an effect is never committed without its record;
 * - the same key and body again: the first answer is replayed (`Idempotent-Replayed: true`);
 * - the same key with another body: 422; while the first is still running: 409;
 * - a refusal (4xx) is recorded and replayed too; a failure (5xx) frees the key.
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

  const replay = await deps.db.kysely.transaction().execute(async (trx) => {
    if (await store.claim(trx, { principal, key: header, method: req.method, route, request_hash: hash, created_at: deps.clock.now() })) return null;
    const row = (await store.find(trx, principal, header))!;
    if (row.request_hash !== hash || row.route !== route || row.method !== req.method) throw new AppError('idempotency.key_reused');
    if (row.status === 'completed') return row;
    if (deps.clock.now().getTime() - row.created_at.getTime() < ABANDONED_MS) throw new AppError('idempotency.in_flight');
    await store.reclaim(trx, principal, header, deps.clock.now());
    return null;
  });
  if (replay) {
    const stored = JSON.parse(replay.response_body ?? 'null') as { error?: { code: string; params: Record<string, string | number> } } | null;
    if (stored?.error) throw new AppError(stored.error.code as never, stored.error.params);
    return reply.code(replay.response_code ?? 200).header('idempotent-replayed', 'true').send(stored);
  }

  try {
    const prepared = (prepare ? await prepare() : undefined) as P;
    const result = await deps.db.kysely.transaction().execute(async (trx) => {
      const value = await work(trx, prepared);
      await store.complete(trx, principal, header, status, JSON.stringify(value));
      return value;
    });
    return reply.code(status).send(result);
  } catch (error) {
    if (isAppError(error) && error.status < 500) {
      await store.complete(deps.db.kysely, principal, header, error.status, JSON.stringify({ error: { code: error.code, params: error.params } }));
    } else {
      await store.release(deps.db.kysely, principal, header);
    }
    throw error;
  }
}
