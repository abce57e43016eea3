import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { GuardMode } from '../../db/counters.ts';
import { isUniqueViolation, type Db, type Executor } from '../../db/database.ts';
import { createLedgerRepository } from './repository.ts';
import type { LedgerAccountKind, LedgerTransfersTable } from './tables.ts';
import { createTransferWriter } from './transfer-writer.ts';

export interface Leg {
  debit: string;
  credit: string;
  amount: number;
  kind: string;
  bookingId?: string | undefined;
  externalRef?: string | undefined;
}

/** Platform accounts, by code. */
export const platformAccounts = {
  fees: { code: 'platform_fees', kind: 'platform_fees' },
  vat: { code: 'vat', kind: 'vat' },
  refunds: { code: 'refunds', kind: 'refunds' },
  card: { code: 'clearing:card', kind: 'gateway_clearing' },
  bank: { code: 'clearing:bank', kind: 'gateway_clearing' },
} as const satisfies Record<string, { code: string; kind: LedgerAccountKind }>;

/** Bank references: 10 characters from an alphabet without 0/O or 1/I, easy to read out. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const bankReference = () => `MN${[...randomBytes(8)].map((b) => ALPHABET[b % 32]).join('')}`;

/**
 * The ledger (docs/algorithms/ledger.md): accounts, immutable transfers in
 * batches, holds that post or void exactly once, balances as sums. Money
 * moves nowhere else. Every call takes the caller's transaction, except
 * `transferGrouped`, which writes by group commit in the ledger's own.
 */
export function createLedgerService(deps: { db: Db; clock: Clock; guard?: GuardMode }) {
  const repo = createLedgerRepository();
  const writer = createTransferWriter(deps);
  const { clock } = deps;

  const postedRows = (batch: string, legs: Leg[]) => {
    const now = clock.now();
    return legs.filter((l) => l.amount > 0).map((l): LedgerTransfersTable => ({
      id: newId(), batch_id: batch, debit_account: l.debit, credit_account: l.credit, amount: l.amount, kind: l.kind, flags: 'posted',
      pending_id: null, timeout_at: null, booking_id: l.bookingId ?? null, external_ref: l.externalRef ?? null, created_at: now,
    }));
  };

  const account = (executor: Executor, code: string, kind: LedgerAccountKind, ownerId: string | null = null, reference: string | null = null) =>
    repo.ensureAccount(executor, { id: newId(), code, kind, owner_id: ownerId, bank_reference: reference, created_at: clock.now() });

  async function balance(executor: Executor, accountId: string) {
    const b = await repo.balance(executor, accountId);
    const posted = Number(b.posted);
    const pendingDebits = Number(b.pending_debits);
    return { posted, pendingDebits, pendingCredits: Number(b.pending_credits), available: posted - pendingDebits };
  }

  return {
    account,
    balance,
    platform: (executor: Executor, which: keyof typeof platformAccounts) => account(executor, platformAccounts[which].code, platformAccounts[which].kind),
    /** A pilgrim's wallet (created on first use, with its bank reference). */
    wallet: async (executor: Executor, accountId: string) =>
      (await repo.byCode(executor, `wallet:${accountId}`)) ?? account(executor, `wallet:${accountId}`, 'pilgrim_wallet', accountId, bankReference()),
    providerPayable: (executor: Executor, providerId: string) => account(executor, `payable:${providerId}`, 'provider_payable', providerId),
    walletByBankReference: (executor: Executor, reference: string) => repo.byBankReference(executor, reference.trim().toUpperCase()),

    /**
     * Posts a batch of legs at once. With `fundedBy`, that wallet is locked and must have the
     * money available for every leg it pays, or nothing is written — in one statement, by the
     * wallet's running totals (migrations/0032_wallet_totals.sql).
     */
    async transfer(executor: Executor, legs: Leg[], options: { fundedBy?: string } = {}) {
      const batch = newId();
      const rows = postedRows(batch, legs);
      const result = { batchId: batch, transferIds: rows.map((r) => r.id) };
      if (!options.fundedBy) {
        await repo.insertTransfers(executor, rows);
        return result;
      }
      const need = rows.filter((r) => r.debit_account === options.fundedBy).reduce((s, r) => s + r.amount, 0);
      const refuse = (available: number) => new AppError('wallet.insufficient_funds', { missing: need - Math.max(available, 0), available, needed: need });
      if (deps.guard === 'unguarded') {
        // The concurrency test's control: the balance read without a lock, then the insert (the race the locked statement closes).
        const { available } = await balance(executor, options.fundedBy);
        if (available < need) throw refuse(available);
        await repo.insertTransfers(executor, rows);
        return result;
      }
      // One statement: the wallet locked, its running totals checked, the legs written if they fit.
      const { available, written } = await repo.insertFunded(executor, options.fundedBy, need, rows);
      if (available === null) throw new AppError('ledger.not_a_wallet');
      if (!written) throw refuse(available);
      return result;
    },

    /**
     * Posts a batch of legs like `transfer`, but in a transaction of the ledger's own, by group
     * commit (`transfer-writer.ts`): the payments that arrive together are judged and written in
     * one transaction. For a payment whose caller has nothing else to write with it; resolves when
     * it is committed, or rejects with its own refusal (`wallet.insufficient_funds`,
     * `ledger.not_a_wallet`).
     */
    async transferGrouped(legs: Leg[], options: { fundedBy?: string } = {}) {
      const batch = newId();
      const rows = postedRows(batch, legs);
      if (rows.length === 0) return { batchId: batch, transferIds: [] };
      return writer.write({ rows, payer: options.fundedBy ?? null });
    },

    /**
     * Posts one leg that records an outside event (`leg.externalRef` is required) exactly
     * once, however many times and however concurrently the event is reported: answers
     * false, writing nothing, when it was already recorded.
     */
    async recordOnce(executor: Executor, leg: Leg & { externalRef: string }) {
      const id = newId();
      return repo.insertTransferOnce(executor, {
        id, batch_id: id, debit_account: leg.debit, credit_account: leg.credit, amount: leg.amount, kind: leg.kind, flags: 'posted',
        pending_id: null, timeout_at: null, booking_id: leg.bookingId ?? null, external_ref: leg.externalRef, created_at: clock.now(),
      });
    },

    /** A hold: moves nothing yet, reserves until `timeoutAt`, then posts or voids exactly once. */
    async hold(executor: Executor, leg: Leg, timeoutAt: Date) {
      const id = newId();
      await repo.insertTransfers(executor, [{
        id, batch_id: id, debit_account: leg.debit, credit_account: leg.credit, amount: leg.amount, kind: leg.kind, flags: 'pending',
        pending_id: null, timeout_at: timeoutAt, booking_id: leg.bookingId ?? null, external_ref: leg.externalRef ?? null, created_at: clock.now(),
      }]);
      return id;
    },

    /** Posts or voids a hold. A second resolution of the same hold is refused (unique index), so it happens once. */
    async resolve(executor: Executor, pendingId: string, how: 'post' | 'void') {
      const pending = await repo.findTransfer(executor, pendingId);
      if (!pending || pending.flags !== 'pending') throw new AppError('ledger.not_pending');
      const id = newId();
      try {
        await repo.insertTransfers(executor, [{
          id, batch_id: pending.batch_id, debit_account: pending.debit_account, credit_account: pending.credit_account, amount: pending.amount,
          kind: pending.kind, flags: how === 'post' ? 'post_pending' : 'void_pending', pending_id: pendingId, timeout_at: null,
          booking_id: pending.booking_id, external_ref: null, created_at: clock.now(),
        }]);
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('ledger.already_resolved');
        throw error;
      }
      return id;
    },

    byExternalRef: (executor: Executor, kind: string, ref: string) => repo.byExternalRef(executor, kind, ref),
    /** The posted legs that concern a booking (payments, VAT, refunds), oldest first. */
    forBooking: (executor: Executor, bookingId: string) => repo.forBooking(executor, bookingId),
    duePending: (executor: Executor, limit = 50) => repo.duePending(executor, clock.now(), limit),
    history: (executor: Executor, accountId: string, limit = 100) => repo.history(executor, accountId, limit),

    /**
     * What the ledger verifies of itself: transfers well formed, holds resolved
     * consistently, no wallet below zero, wallets' running totals equal to their sums. An empty list is a healthy ledger. The
     * bookings' side of the books is checked by src/workflows/check-books.ts.
     */
    async check(executor: Executor = deps.db.kysely) {
      const [transfers, wallets] = await Promise.all([repo.badTransfers(executor), repo.walletProblems(executor)]);
      return [
        ...transfers.map((t) => `transfer ${t.id}: ${t.problem}`),
        ...wallets.filter((w) => Number(w.posted) < 0 || Number(w.available) < 0).map((w) => `wallet ${w.code}: balance ${w.posted}, available ${w.available}`),
        ...wallets.filter((w) => Number(w.posted_total) !== Number(w.posted) || Number(w.held_total) !== Number(w.held))
          .map((w) => `wallet ${w.code}: running totals ${w.posted_total} posted, ${w.held_total} held, but its transfers sum to ${w.posted} and ${w.held}`),
      ];
    },

    /** Paid towards each booking according to the ledger (booking id → halalas). */
    async paidPerBooking(executor: Executor = deps.db.kysely) {
      return new Map((await repo.paidPerBooking(executor)).map((r) => [r.booking_id, Number(r.paid)]));
    },
  };
}
export type LedgerService = ReturnType<typeof createLedgerService>;
