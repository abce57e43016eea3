import { parse } from 'csv-parse/sync';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { daysUntil } from '../../core/dates.ts';
import { parseRiyals } from '../../shared/money.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Db, Executor } from '../../db/database.ts';
import { runOnce } from '../../db/idempotency.ts';
import { writeAudit } from '../audit/index.ts';
import type { BookingService } from '../bookings/index.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import { paymentLegs, refundFor, type LedgerService } from '../ledger/index.ts';
import type { SeasonService } from '../seasons/index.ts';
import type { ApplicationService } from '../applications/index.ts';
import type { PilgrimService } from '../pilgrims/index.ts';
import type { AuditContext } from '../audit/index.ts';
import type { Selectable } from 'kysely';
import type { BookingsTable } from '../bookings/index.ts';
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
  bookings: Pick<BookingService, 'lockForPayer' | 'recordPayment' | 'refundSchedule' | 'cancel' | 'liveForPackages' | 'recordRefund'>;
  catalogue: Pick<CatalogueService, 'priceOf' | 'packageIdsOf'>;
  seasons: Pick<SeasonService, 'get'>;
  applications: Pick<ApplicationService, 'family'>;
  pilgrims: Pick<PilgrimService, 'assertStepReady'>;
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
      history: movements(history, wallet.id),
    };
  }

  /** What cancelling returns: the season's schedule by days before arrival; everything when the provider was suspended. */
  async function refundOf(executor: Executor, b: Selectable<BookingsTable>, full: boolean) {
    const season = await deps.seasons.get(b.season, executor);
    const daysBefore = daysUntil(season.arrivalDate, clock.now());
    const schedule = await deps.bookings.refundSchedule(executor, b.season);
    const { refund, fee, rule } = full ? { refund: b.amount_paid, fee: 0, rule: null } : refundFor(b.amount_paid, daysBefore, schedule);
    return { paid: b.amount_paid, refund, fee, daysBefore, rule, reason: full ? ('provider_suspended' as const) : ('schedule' as const), schedule };
  }

  /** Moves `refund` of what a booking was paid back to the wallet that paid it: provider share and VAT in proportion. */
  async function returnMoney(trx: Executor, b: Selectable<BookingsTable>, payerAccountId: string, refund: number) {
    const price = (await deps.catalogue.priceOf(trx, b.package_id, b.package_version))!;
    const due = { subtotal: price.subtotal * b.seats, vat: price.vat * b.seats };
    const total = due.subtotal + due.vat;
    // VAT paid so far follows the same rounding as the payments (domain/payment.ts); the refund takes its share of it.
    const vatPaid = b.amount_paid === total ? due.vat : Math.floor((b.amount_paid * due.vat) / total);
    const vatAfter = Math.floor(((b.amount_paid - refund) * due.vat) / total);
    const wallet = await ledger.wallet(trx, payerAccountId);
    await ledger.transfer(trx, [
      { debit: (await ledger.providerPayable(trx, price.providerId)).id, credit: wallet.id, amount: refund - (vatPaid - vatAfter), kind: 'refund', bookingId: b.id },
      { debit: (await ledger.platform(trx, 'vat')).id, credit: wallet.id, amount: vatPaid - vatAfter, kind: 'refund_vat', bookingId: b.id },
    ]);
  }

  /** Refunds by the schedule (or in full), then cancels, in one transaction. */
  async function cancelWithRefund(trx: Executor, ctx: AuditContext, b: Selectable<BookingsTable>, payerAccountId: string, full: boolean) {
    const r = await refundOf(trx, b, full);
    if (r.refund > 0) await returnMoney(trx, b, payerAccountId, r.refund);
    await deps.bookings.cancel(trx, ctx, b, r.refund, full ? 'provider_suspended' : 'pilgrim');
    return r;
  }

  return {
    view: (ctx: RequestContext) => view(db.kysely, ctx.actor!.accountId),

    /** What cancelling now would return, and why (the schedule and the days before arrival). */
    async cancellationPreview(ctx: RequestContext, bookingId: string) {
      return db.kysely.transaction().execute(async (trx) => {
        const b = await deps.bookings.lockForPayer(trx, ctx, bookingId);
        return refundOf(trx, b, false);
      });
    },

    /** The family's admin cancels; the refund goes back to the wallet at once (once per Idempotency-Key). */
    cancelBooking: (ctx: RequestContext, bookingId: string) =>
      runOnce(deps, ctx, async (trx) => {
        const b = await deps.bookings.lockForPayer(trx, ctx, bookingId);
        const r = await cancelWithRefund(trx, ctx, b, ctx.actor!.accountId, false);
        return { ...r, wallet: await view(trx, ctx.actor!.accountId) };
      }),

    /**
     * A hold that expires or is declined after an instalment was paid: everything paid goes
     * back to the wallet, in the transaction that ends the hold — no money without a booking.
     */
    async refundEndedHold(trx: Executor, ctx: AuditContext, b: Selectable<BookingsTable>, payerAccountId: string) {
      if (b.amount_paid <= 0) return;
      await returnMoney(trx, b, payerAccountId, b.amount_paid);
      await deps.bookings.recordRefund(trx, ctx, b.id, b.amount_paid);
    },

    /** A provider's suspension: every live booking of its packages is cancelled and refunded in full. */
    async refundSuspended(trx: Executor, ctx: AuditContext, providerId: string, payerOf: (applicationId: string) => Promise<string | undefined>) {
      const live = await deps.bookings.liveForPackages(trx, await deps.catalogue.packageIdsOf(trx, providerId));
      for (const b of live) {
        const payer = await payerOf(b.application_id);
        if (payer) await cancelWithRefund(trx, ctx, b, payer, true);
      }
      return live.length;
    },

    /**
     * Pays towards a held booking from the wallet: the provider's share and the VAT
     * as separate legs, the booking's paid amount and (when complete) its confirmation,
     * all in one transaction, once per Idempotency-Key. Refused after the deadline: the money stays.
     */
    payBooking: (ctx: RequestContext, bookingId: string, amount?: number) => runOnce(deps, ctx, async (trx) => {
      const booking = await deps.bookings.lockForPayer(trx, ctx, bookingId);
      // Paying is accepting the offer: every member's passport scan and photo must be approved first.
      const family = await deps.applications.family(trx, booking.application_id);
      await deps.pilgrims.assertStepReady(trx, family?.members ?? [], 'accept_offer');
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
    }),

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
