import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** Anything that runs a query: the pool or a transaction. For reads that need no lock. */
export type Executor = Kysely<Database> | Transaction<Database>;

/**
 * An open transaction, distinct from the pool by type: a function that locks
 * rows, or that must commit with its caller's other writes, takes a `Trx`, so
 * it cannot be called outside one (`Kysely<Database>` does not fit: its
 * `isTransaction` is a boolean, a transaction's is `true`).
 */
export type Trx = Transaction<Database>;
