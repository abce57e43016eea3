import { parse } from 'csv-parse/sync';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { parseRiyals } from '../../core/money.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Db, Executor } from '../../db/database.ts';
import { writeAudit } from '../audit/index.ts';
import type { BookingService } from '../bookings/index.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import { paymentLegs, type LedgerService } from '../ledger/index.ts';

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
    throw new AppError('wallet.bad_statement', { line: 0, problem: (error as Error).message.slice(0, 120) });
  }
  const [header, ...rows] = records;
  const expected = ['date', 'reference', 'amount', 'transaction_id'];
  if (!header || header.map((h) => h.toLowerCase()).join(',') !== expected.join(',')) throw new AppError('wallet.bad_statement', { line: 1, problem: `the header must be ${expected.join(',')}` });
  return rows.map((r, i) => {
    const [, reference = '', amountText = '', transactionId = ''] = r;
    let amount: number;
    try {
      amount = parseRiyals(amountText);
    } catch {
      throw new AppError('wallet.bad_statement', { line: i + 2, problem: `not an amount: ${amountText}` });
    }
    if (amount <= 0) throw new AppError('wallet.bad_statement', { line: i + 2, problem: 'only incoming transfers belong in a statement' });
    if (!/^[A-Za-z0-9-]{3,64}$/.test(transactionId)) throw new AppError('wallet.bad_statement', { line: i + 2, problem: 'a transaction id is required' });
    return { line: i + 2, reference: reference.toUpperCase(), amount, transactionId };
  });
}

/**
 * The pilgrim's wallet: balance and history from the ledger, top-ups by bank
 * transfer (reconciled from a statement file), paying a booking in full or in
 * instalments. Every movement is a ledger transfer in the same transaction as
 * the change it pays for.
 */
export function createWalletService(deps: {
  db: Db;
  clock: Clock;
  ledger: LedgerService;
  bookings: Pick<BookingService, 'lockForPayer' | 'recordPayment'>;
  catalogue: Pick<CatalogueService, 'priceOf'>;
}) {
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
      history: history.map((t) => ({
        id: t.id,
        at: t.created_at.toISOString(),
        kind: t.kind,
        state: t.flags,
        amount: t.credit_account === wallet.id ? t.amount : -t.amount,
        bookingId: t.booking_id,
      })),
    };
  }

  return {
    view: (ctx: RequestContext) => view(db.kysely, ctx.actor!.accountId),

    /**
     * Pays towards a held booking from the wallet: the provider's share and the VAT
     * as separate legs, the booking's paid amount and (when complete) its confirmation,
     * all in the caller's transaction. Refused after the deadline: the money stays.
     */
    async payBooking(trx: Executor, ctx: RequestContext, bookingId: string, amount?: number) {
      const booking = await deps.bookings.lockForPayer(trx, ctx, bookingId);
      const outstanding = booking.amount_due - booking.amount_paid;
      const pay = amount ?? outstanding;
      if (pay <= 0 || pay > outstanding) throw new AppError('booking.overpayment', { outstanding });
      const price = await deps.catalogue.priceOf(trx, booking.package_id, booking.package_version);
      if (!price) throw new AppError('booking.not_found');
      const legs = paymentLegs({ subtotal: price.subtotal * booking.seats, vat: price.vat * booking.seats }, booking.amount_paid, pay);
      const wallet = await ledger.wallet(trx, ctx.actor!.accountId);
      const payable = await ledger.providerPayable(trx, price.providerId);
      const vat = await ledger.platform(trx, 'vat');
      const result = await deps.bookings.recordPayment(trx, ctx, booking, pay);
      await ledger.transfer(trx, [
        { debit: wallet.id, credit: payable.id, amount: legs.provider, kind: 'booking_payment', bookingId },
        { debit: wallet.id, credit: vat.id, amount: legs.vat, kind: 'booking_vat', bookingId },
      ], { fundedBy: wallet.id });
      return { booking: result, wallet: await view(trx, ctx.actor!.accountId) };
    },

    /**
     * Credits wallets from a bank statement: each line's reference names a wallet; a
     * transaction already credited is skipped (statements overlap); a reference that names
     * no wallet is reported, never guessed. All in one transaction.
     */
    async importStatement(ctx: RequestContext, csv: string) {
      const lines = parseStatement(csv);
      return db.kysely.transaction().execute(async (trx) => {
        const clearing = await ledger.platform(trx, 'bank');
        const credited: { line: number; reference: string; amount: number }[] = [];
        const duplicates: number[] = [];
        const unmatched: { line: number; reference: string; amount: number }[] = [];
        for (const l of lines) {
          if (await ledger.byExternalRef(trx, 'top_up_bank', l.transactionId)) {
            duplicates.push(l.line);
            continue;
          }
          const wallet = await ledger.walletByBankReference(trx, l.reference);
          if (!wallet) {
            unmatched.push({ line: l.line, reference: l.reference, amount: l.amount });
            continue;
          }
          await ledger.transfer(trx, [{ debit: clearing.id, credit: wallet.id, amount: l.amount, kind: 'top_up_bank', externalRef: l.transactionId }]);
          credited.push({ line: l.line, reference: l.reference, amount: l.amount });
        }
        await writeAudit(trx, clock, ctx, { action: 'wallet.statement_imported', subjectType: 'ledger', subjectId: clearing.id, data: { credited: credited.length, duplicates: duplicates.length, unmatched: unmatched.length } });
        return { credited, duplicates, unmatched };
      });
    },
  };
}
export type WalletService = ReturnType<typeof createWalletService>;
