import type { Selectable } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Db, Executor } from '../../db/database.ts';
import type { ApplicationService } from '../applications/index.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import type { PilgrimService } from '../pilgrims/index.ts';
import type { SeasonService } from '../seasons/index.ts';
import { allowedBookingActions } from './domain/actions.ts';
import { payInFull, schedule } from './domain/instalments.ts';
import { createBookingsRepository } from './repository.ts';
import { paidStatuses, type BookingsTable } from './tables.ts';

/**
 * The family's own view of its bookings, in every season: what it holds,
 * what it owes and when, which documents it can download, and which actions
 * it may take now (a read model over bookings, the family, the package titles
 * and the members' names).
 */
export function createFamilyBookings(deps: {
  db: Db;
  clock: Clock;
  applications: Pick<ApplicationService, 'memberships' | 'family'>;
  catalogue: Pick<CatalogueService, 'titles'>;
  pilgrims: Pick<PilgrimService, 'factsFor'>;
  seasons: Pick<SeasonService, 'read'>;
}) {
  const repo = createBookingsRepository();
  const { db, clock } = deps;

  async function present(executor: Executor, ctx: RequestContext, b: Selectable<BookingsTable>) {
    const family = (await deps.applications.family(executor, b.application_id))!;
    const [titles, facts, season, plan] = await Promise.all([
      deps.catalogue.titles(executor, [b.package_id], ctx.locale),
      deps.pilgrims.factsFor(executor, family.members),
      deps.seasons.read(executor, b.season),
      repo.instalmentPlan(executor, b.season),
    ]);
    const lines = schedule(b.amount_due, plan?.steps ?? payInFull, season.arrivalDate);
    const paid = (paidStatuses as readonly string[]).includes(b.status);
    const url = (tail: string) => `/api/v1/bookings/${b.id}/${tail}`;
    const members = family.members.map((id) => ({ accountId: id, name: facts.get(id)?.name ?? '', admin: id === family.adminAccountId }));
    return {
      id: b.id,
      season: b.season,
      applicationId: b.application_id,
      packageId: b.package_id,
      packageTitle: titles.get(b.package_id) ?? '',
      seats: b.seats,
      source: b.source,
      status: b.status,
      holdDeadline: b.hold_deadline?.toISOString() ?? null,
      createdAt: b.created_at.toISOString(),
      confirmedAt: b.confirmed_at?.toISOString() ?? null,
      amountDue: b.amount_due,
      amountPaid: b.amount_paid,
      outstanding: b.amount_due - b.amount_paid,
      arrivalDate: season.arrivalDate,
      schedule: lines.map((l, i) => ({
        step: i + 1,
        amount: l.amount,
        dueAt: (l.dueAt ?? (i === 0 && b.amount_paid < l.cumulative ? b.hold_deadline : null))?.toISOString() ?? null,
        paid: b.amount_paid >= l.cumulative,
      })),
      members,
      documents: {
        confirmation: paid ? url('confirmation.pdf') : null,
        receipt: b.amount_paid > 0 || paid ? url('receipt.pdf') : null,
        cards: paid ? members.map((m) => ({ accountId: m.accountId, name: m.name, url: url(`cards/${m.accountId}.pdf`) })) : [],
      },
      allowedActions: allowedBookingActions(
        { status: b.status, holdDeadline: b.hold_deadline, amountDue: b.amount_due, amountPaid: b.amount_paid },
        { isFamilyAdmin: family.adminAccountId === ctx.actor?.accountId },
        clock.now(),
      ),
    };
  }

  return {
    /** Every booking of every family the caller belongs to, newest first (an empty list: none yet). */
    async list(ctx: RequestContext) {
      const memberships = await deps.applications.memberships(ctx);
      const rows = await repo.forApplications(db.kysely, memberships.map((m) => m.applicationId));
      return Promise.all(rows.map((b) => present(db.kysely, ctx, b)));
    },

    /** One booking of the caller's family (any member may read it). */
    async one(ctx: RequestContext, id: string) {
      const b = await repo.find(db.kysely, id);
      const family = b && (await deps.applications.family(db.kysely, b.application_id));
      if (!b || !family || !family.members.includes(ctx.actor?.accountId ?? '')) throw new AppError('booking.not_found');
      return present(db.kysely, ctx, b);
    },
  };
}
export type FamilyBookings = ReturnType<typeof createFamilyBookings>;
