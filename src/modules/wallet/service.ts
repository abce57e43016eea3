import { parse } from 'csv-parse/sync';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { parseRiyals } from '../../common/money.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Db, Executor, Trx } from '../../db/database.ts';
import { runOnce } from '../../db/idempotency.ts';
import { writeAudit } from '../audit/index.ts';
import { paymentLegs, type Due, type LedgerService } from '../ledger/index.ts';
import { movements } from './domain/history.ts';

export interface StatementLine {
  line: number;
  reference: string;
  amount: number;
  transactionId: string;
}

/** Reads a bank statement (CSV: date, reference, amount in riyals, transaction id), all lines or none. */
export function parseStatement(csv: string): StatementLine[] {
  let records: string[][];
  try {
    records = parse(csv, { skip_empty_lines: true, trim: true, bom: true, relax_column_count: false });
  } catch (error) {
    throw new AppError('wallet.bad_statement', { line: (error as { lines?: number }).lines ?? 1, problem: 'not_csv' }, { cause: error });
  }
  const [header, ...rows] = records;
  const expected = ['date', 'reference', 'amount', 'transaction_id'];
  if (!header || header.map((h) => h.toLowerCase()).join(',') !== expected.join(',')) throw new AppError('wallet.bad_statement', { line: 1, problem: 'bad_header' });
  return rows.map((r, i) => {
    const [, reference = '', amountText = '', transactionId = ''] = r;
    let amount: number;
    try {
      amount = parseRiyals(amountText);
    } catch {
      throw new AppError('wallet.bad_statement', { line: i + 2, problem: 'not_an_amount', value: amountText });
    }
    if (amount <= 0) throw new AppError('wallet.bad_statement', { line: i + 2, problem: 'not_incoming' });
    if (!/^[A-Za-z0-9-]{3,64}$/.test(transactionId)) throw new AppError('wallet.bad_statement', { line: i + 2, problem: 'no_transaction_id' });
    return { line: i + 2, reference: reference.toUpperCase(), amount, transactionId };
  });
}

/** Money owed for a booking, as the wallet moves it: who is paid (the provider) and how the price splits into the provider's share and VAT. */
export interface BookingMoney {
  bookingId: string;
  providerId: string;
  /** The whole booking's price: every seat's subtotal and VAT. */
  due: Due;
  /** Halalas paid towards it so far. */
  paid: number;
}

/**
 * The pilgrim's wallet: balance and history from the ledger, top-ups by bank
 * transfer (reconciled from a statement file), and the wallet's legs of paying
 * for a booking and of a refund. Every movement is a ledger transfer in the
 * same transaction as the change it pays for; the processes that pay or cancel
 * a booking are workflows (src/workflows) that call these steps.
 */
export function createWalletService(deps: { db: Db; clock: Clock; ledger: LedgerService }) {
  const { db, clock, ledger } = deps;

  async function view(executor: Executor, accountId: string) {
    const wallet = await ledger.wallet(executor, accountId);
    const balance = await ledger.balance(executor, wallet.id);
    const history = await ledger.history(executor, wallet.id, 50);
    return {
      bankReference: wallet.bank_reference!,
      balance: balance.posted,
      available: balance.available,
      pendingIn: balance.pendingCredits,
      history: movements(history, wallet.id),
    };
  }

  return {
    view: (ctx: RequestContext) => view(db.kysely, ctx.actor!.accountId),
    /** The wallet of `accountId` as it stands inside the caller's transaction (for an operation's answer). */
    viewIn: (trx: Trx, accountId: string) => view(trx, accountId),

    /**
     * Pays `amount` towards a booking from the payer's wallet: the provider's share and
     * the VAT as separate legs (domain rule in the ledger module). The wallet is locked
     * and must hold the money, or nothing is written (`wallet.insufficient_funds`, with
     * how much is missing).
     */
    async payForBooking(trx: Trx, payerAccountId: string, money: BookingMoney, amount: number) {
      const legs = paymentLegs(money.due, money.paid, amount);
      const [wallet, payable, vat] = await Promise.all([ledger.wallet(trx, payerAccountId), ledger.providerPayable(trx, money.providerId), ledger.platform(trx, 'vat')]);
      await ledger.transfer(trx, [
        { debit: wallet.id, credit: payable.id, amount: legs.provider, kind: 'booking_payment', bookingId: money.bookingId },
        { debit: wallet.id, credit: vat.id, amount: legs.vat, kind: 'booking_vat', bookingId: money.bookingId },
      ], { fundedBy: wallet.id });
    },

    /** Moves `refund` of what a booking was paid back to the wallet that paid it: provider share and VAT in proportion. */
    async refundBooking(trx: Trx, payerAccountId: string, money: BookingMoney, refund: number) {
      if (refund <= 0) return;
      const total = money.due.subtotal + money.due.vat;
      // VAT paid so far follows the same rounding as the payments (ledger/domain/payment.ts); the refund takes its share of it.
      const vatPaid = money.paid === total ? money.due.vat : Math.floor((money.paid * money.due.vat) / total);
      const vatAfter = Math.floor(((money.paid - refund) * money.due.vat) / total);
      const [wallet, payable, vat] = await Promise.all([ledger.wallet(trx, payerAccountId), ledger.providerPayable(trx, money.providerId), ledger.platform(trx, 'vat')]);
      await ledger.transfer(trx, [
        { debit: payable.id, credit: wallet.id, amount: refund - (vatPaid - vatAfter), kind: 'refund', bookingId: money.bookingId },
        { debit: vat.id, credit: wallet.id, amount: vatPaid - vatAfter, kind: 'refund_vat', bookingId: money.bookingId },
      ]);
    },

    /**
     * Credits wallets from a bank statement: each line's reference names a wallet; a
     * transaction already credited is skipped (statements overlap); a reference that names
     * no wallet is reported, never guessed. All in one transaction.
     */
    async importStatement(ctx: RequestContext, csv: string) {
      const lines = parseStatement(csv);
      return runOnce(deps, ctx, async (trx) => {
        const clearing = await ledger.platform(trx, 'bank');
        const credited: { line: number; reference: string; amount: number }[] = [];
        const duplicates: number[] = [];
        const unmatched: { line: number; reference: string; amount: number }[] = [];
        // In transaction-id order, so two imports of overlapping statements wait for each other instead of deadlocking.
        const byTransaction = [...lines].sort((a, b) => (a.transactionId < b.transactionId ? -1 : a.transactionId > b.transactionId ? 1 : a.line - b.line));
        for (const l of byTransaction) {
          const wallet = await ledger.walletByBankReference(trx, l.reference);
          if (!wallet) {
            unmatched.push({ line: l.line, reference: l.reference, amount: l.amount });
            continue;
          }
          const fresh = await ledger.recordOnce(trx, { debit: clearing.id, credit: wallet.id, amount: l.amount, kind: 'top_up_bank', externalRef: l.transactionId });
          if (fresh) credited.push({ line: l.line, reference: l.reference, amount: l.amount });
          else duplicates.push(l.line);
        }
        const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;
        credited.sort(byLine);
        unmatched.sort(byLine);
        duplicates.sort((a, b) => a - b);
        await writeAudit(trx, clock, ctx, { action: 'wallet.statement_imported', subjectType: 'ledger', subjectId: clearing.id, data: { credited: credited.length, duplicates: duplicates.length, unmatched: unmatched.length } });
        return { credited, duplicates, unmatched };
      });
    },
  };
}
export type WalletService = ReturnType<typeof createWalletService>;
