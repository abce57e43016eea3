import type { Selectable } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Executor, Trx } from '../../db/database.ts';
import type { AuditContext } from '../audit/index.ts';
import { writeAudit } from '../audit/index.ts';
import { publishEvent } from '../events/index.ts';
import type { BookingContext } from './context.ts';
import { nextDeadline, payInFull, schedule } from './domain/instalments.ts';
import { payableAmount } from './domain/payable.ts';
import { presentBooking } from './presenters.ts';
import type { BookingsTable } from './tables.ts';

/** A booking's side of paying and refunding; the money itself moves in the ledger, in the same transaction (src/workflows). */
export function paymentUseCases(c: BookingContext) {
  const { deps, repo, clock, db } = c;

  async function scheduleLines(executor: Executor, b: Selectable<BookingsTable>) {
    const [season, plan] = await Promise.all([deps.seasons.read(executor, b.season), repo.instalmentPlan(executor, b.season)]);
    return schedule(b.amount_due, plan?.steps ?? payInFull, season.arrivalDate);
  }

  return {
    /** The caller's family's booking, locked, for paying or cancelling it (the family's admin only). */
    async lockForPayer(ctx: RequestContext, trx: Trx, id: string) {
      const b = await repo.find(trx, id, true);
      const family = b && (await deps.applications.family(trx, b.application_id));
      if (!b || !family || !family.members.includes(ctx.actor?.accountId ?? '')) throw new AppError('booking.not_found');
      if (family.adminAccountId !== ctx.actor?.accountId) throw new AppError('application.admin_only');
      return { booking: b, family };
    },

    /** What a payment towards `b` will be (everything owed by default), or the refusal — before any money moves. */
    payable: (b: Selectable<BookingsTable>, requested?: number) =>
      payableAmount({ status: b.status, holdDeadline: b.hold_deadline, amountDue: b.amount_due, amountPaid: b.amount_paid }, requested, clock.now()),

    /**
     * Records money paid towards a held booking (checked with `payable` and moved in the
     * ledger by the caller, same transaction); the payment that completes the price
     * confirms it, and one that completes a step of the season's plan moves the deadline.
     */
    async recordPayment(ctx: AuditContext, trx: Trx, b: Selectable<BookingsTable>, amount: number, providerId: string) {
      const paid = b.amount_paid + amount;
      await repo.addPayment(trx, b.id, amount, clock.now());
      await writeAudit(trx, clock, ctx, { action: 'booking.paid', subjectType: 'booking', subjectId: b.id, data: { amount, paid, due: b.amount_due } });
      if (paid < b.amount_due) {
        const next = nextDeadline(await scheduleLines(trx, b), paid, b.hold_deadline ?? clock.now());
        if (next && b.hold_deadline && next.getTime() !== b.hold_deadline.getTime()) {
          await repo.setDeadline(trx, b.id, next, clock.now());
          await writeAudit(trx, clock, ctx, { action: 'booking.deadline_moved', subjectType: 'booking', subjectId: b.id, data: { from: b.hold_deadline.toISOString(), to: next.toISOString() } });
        }
        return presentBooking({ ...b, amount_paid: paid, hold_deadline: next ?? b.hold_deadline });
      }
      await repo.setStatus(trx, b.id, 'confirmed', clock.now());
      await writeAudit(trx, clock, ctx, { action: 'booking.confirmed', subjectType: 'booking', subjectId: b.id, data: { seats: b.seats } });
      await publishEvent(trx, clock, c.bookingEvent('booking.confirmed', b, providerId));
      return presentBooking({ ...b, amount_paid: paid, status: 'confirmed', confirmed_at: clock.now() });
    },

    /** Records money returned for a booking (the ledger legs are the caller's, same transaction). */
    async recordRefund(ctx: AuditContext, trx: Trx, id: string, amount: number) {
      await repo.addPayment(trx, id, -amount, clock.now());
      await writeAudit(trx, clock, ctx, { action: 'booking.refunded', subjectType: 'booking', subjectId: id, data: { amount } });
    },

    /** A booking's payment schedule: each step's amount, its date, and whether it is paid. */
    async scheduleOf(ctx: RequestContext, id: string) {
      const b = await repo.find(db.kysely, id);
      const family = b && (await deps.applications.family(db.kysely, b.application_id));
      if (!b || !family || !family.members.includes(ctx.actor?.accountId ?? '')) throw new AppError('booking.not_found');
      const lines = await scheduleLines(db.kysely, b);
      return lines.map((l, i) => {
        const paid = b.amount_paid >= l.cumulative;
        return { step: i + 1, amount: l.amount, dueAt: (l.dueAt ?? (i === 0 && !paid ? b.hold_deadline : null))?.toISOString() ?? null, paid };
      });
    },
  };
}
