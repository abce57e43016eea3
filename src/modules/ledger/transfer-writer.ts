import { AppError } from '../../core/errors.ts';
import type { GuardMode } from '../../db/counters.ts';
import type { Db, Executor } from '../../db/database.ts';
import { groupLoader, writeInRounds } from '../../db/group-loader.ts';
import { judgeFunding } from './domain/funding.ts';
import { createLedgerRepository } from './repository.ts';
import type { LedgerTransfersTable } from './tables.ts';

/** One payment for the group commit: its posted rows (one batch id), and the wallet that must cover what it pays (null: not checked). */
export interface GroupedTransfer {
  rows: LedgerTransfersTable[];
  payer: string | null;
}

export interface GroupedResult {
  batchId: string;
  transferIds: string[];
}

/**
 * Writes payments from wallets by group commit, in transactions the ledger
 * owns. A payment that arrives while two batches are being written joins the
 * next batch: one transaction locks every pilgrim wallet the batch touches in
 * id order and reads their available money in one statement, judges each
 * payment in arrival order (`domain/funding.ts`: no wallet below zero, a
 * wallet's second payment sees its first), inserts the accepted payments' legs
 * in one statement (the totals' trigger runs once for them all), and commits.
 * Each caller gets its own answer or its own error (`wallet.insufficient_funds`,
 * `ledger.not_a_wallet`); a refusal costs the others nothing.
 *
 * A batch that fails as a whole (never a refusal: those are judged per
 * payment) is retried one payment per transaction, so no payment fails for
 * another's fault.
 */
export function createTransferWriter(deps: { db: Db; guard?: GuardMode }) {
  const repo = createLedgerRepository();
  const lock = deps.guard !== 'unguarded';

  /** One batch in the caller's transaction. */
  async function write(trx: Executor, items: readonly GroupedTransfer[]): Promise<(GroupedResult | AppError)[]> {
    const wallets = [...new Set(items.flatMap((i) => i.rows.flatMap((r) => [r.debit_account, r.credit_account])))].sort();
    const available = await repo.walletsAvailable(trx, wallets, lock);
    const verdicts = judgeFunding(available, items.map((i) => ({ payer: i.payer, legs: i.rows.map((r) => ({ debit: r.debit_account, credit: r.credit_account, amount: r.amount })) })));
    await repo.insertPosted(trx, items.flatMap((item, i) => (verdicts[i]!.ok ? item.rows : [])));
    return items.map((item, i) => {
      const verdict = verdicts[i]!;
      if (!verdict.ok) return new AppError(verdict.code, verdict.params);
      return { batchId: item.rows[0]?.batch_id ?? '', transferIds: item.rows.map((r) => r.id) };
    });
  }

  const inTransaction = (items: readonly GroupedTransfer[]) => deps.db.kysely.transaction().execute((trx) => write(trx, items));

  // Every payment has its own batch id, so the batch is one round; writeInRounds retries it one payment per transaction if it fails whole.
  const batch = (items: readonly GroupedTransfer[]) => writeInRounds(items, (i) => i.rows[0]?.batch_id ?? '', inTransaction);

  const loader = groupLoader<GroupedTransfer, GroupedResult>(batch);

  return {
    /** Posts one payment with the next batch; resolves when it is committed, or rejects with its own refusal. */
    write: (transfer: GroupedTransfer) => loader.load(transfer),
  };
}
