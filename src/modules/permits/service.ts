import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Executor } from '../../db/database.ts';
import { createBookingWriter } from './booking-writer.ts';
import { changeUseCases } from './changes.ts';
import { configUseCases } from './config.ts';
import { createPermitContext, type PermitDeps, type SiteFacts } from './context.ts';
import { gateUseCases } from './gate.ts';
import { identityUseCases } from './identity.ts';
import { occupancyUseCases } from './occupancy.ts';
import { permitBookingPolicy } from './policies.ts';
import { presentBooking, type BookingView } from './presenters.ts';
import { revocationListUseCases } from './revocation-list.ts';
import { sweepUseCases } from './sweeps.ts';
import { waitlistUseCases } from './waitlist.ts';

/**
 * Umrah and Rawdah permits (docs/algorithms/permits.md): the ministry's sites,
 * gates, templates, windows, rules and closures; identity by document through
 * the VisaRegistry; capacity-safe, idempotent booking by group commit; atomic
 * moves; waiting lists with offers; no-shows and penalties; signed permits,
 * the signed revocation list, the gates' sync, check-in and scan upload; and
 * the occupancy read model.
 */
export function createPermitService(deps: PermitDeps) {
  const c = createPermitContext(deps);
  const { db, clock } = c;
  const writer = createBookingWriter(c);

  async function views(ctx: RequestContext, bookings: Awaited<ReturnType<typeof c.repo.bookingsOf>>): Promise<BookingView[]> {
    if (bookings.length === 0) return [];
    const permits = await c.repo.permitsOf(db.kysely, bookings.map((b) => b.id));
    const windows = await db.kysely.selectFrom('permit_windows').select(['id', 'starts_at', 'ends_at', 'section']).where('id', 'in', [...new Set(bookings.map((b) => b.window_id))]).execute();
    const names = await db.kysely.selectFrom('permit_persons').select(['id', 'name_en', 'name_ar']).where('id', 'in', [...new Set(permits.map((p) => p.person_id))].concat('00000000-0000-4000-8000-000000000000')).execute();
    const nameOf = new Map(names.map((n) => [n.id, ctx.locale === 'ar' ? n.name_ar : n.name_en]));
    const out: BookingView[] = [];
    for (const b of bookings) {
      const site = (await c.site(b.site_id))!;
      const w = windows.find((x) => x.id === b.window_id)!;
      out.push(presentBooking(ctx, b, w, permits.filter((p) => p.booking_id === b.id), nameOf, site, c.gatesFor(site, w.section), ctx.locale, clock.now()));
    }
    return out;
  }

  const sites = async () => (await c.config.sites(db.kysely)).map((s) => s.id);

  return {
    context: c,
    // Configuration (the ministry)
    ...configUseCases(c, c.forgetSite),
    /** Every site with its sections, hours, gates, rules and penalties. */
    async sites(): Promise<SiteFacts[]> {
      return Promise.all((await sites()).map(async (id) => (await c.site(id))!));
    },
    async site(id: string): Promise<SiteFacts> {
      const s = await c.site(id);
      if (!s) throw new AppError('permit.site_not_found');
      return s;
    },

    // Pilgrims
    ...identityUseCases(c),
    book: writer.book,
    bookIn: writer.bookIn,
    prepareBook: writer.prepare,
    ...changeUseCases(c),
    ...waitlistUseCases(c),
    async mine(ctx: RequestContext) {
      return views(ctx, await c.repo.bookingsOf(db.kysely, ctx.actor!.accountId));
    },
    /** Who booked a permit booking and at which kind of site (complaints, survey invitations). */
    async bookingFacts(executor: Executor, bookingId: string) {
      const b = await c.repo.booking(executor, bookingId);
      if (!b) return null;
      const site = await c.site(b.site_id);
      return { accountId: b.account_id, siteKind: site?.kind ?? 'other', siteCode: site?.code ?? '' };
    },
    async one(ctx: RequestContext, bookingId: string) {
      const b = await c.repo.booking(db.kysely, bookingId);
      if (!b || b.account_id !== ctx.actor?.accountId) throw new AppError('permit.not_found');
      return (await views(ctx, [b]))[0]!;
    },
    /** What the permit PDF prints (documents module), for its owner while the booking is active. */
    async document(ctx: RequestContext, bookingId: string) {
      const b = await c.repo.booking(db.kysely, bookingId);
      if (!b || b.account_id !== ctx.actor?.accountId) throw new AppError('permit.not_found');
      const w = (await c.repo.window(db.kysely, b.window_id))!;
      permitBookingPolicy.assert(ctx, 'download', { status: b.status, started: clock.now() >= w.starts_at, ownerId: b.account_id });
      const view = (await views(ctx, [b]))[0]!;
      const site = (await c.site(b.site_id))!;
      const people = await db.kysely.selectFrom('permit_persons').select(['id', 'name_en', 'name_ar', 'doc_kind', 'doc_last4']).where('id', 'in', view.permits.map((p) => p.personId)).execute();
      return { view, site: site.name, gates: site.gates.filter((g) => view.gates.includes(g.number)), people: new Map(people.map((p) => [p.id, p])) };
    },

    // Gates, revocations, occupancy, background work
    ...gateUseCases(c),
    revocations: revocationListUseCases(c),
    ...occupancyUseCases(c),
    ...sweepUseCases(c),

    /**
     * The capacity invariant: windows whose places taken (valid, used and missed permits, and
     * held offers) pass the capacity, or disagree with the counter (open windows). Empty when healthy.
     */
    async capacityViolations(siteId?: string) {
      return (await c.repo.capacityViolations(db.kysely, siteId)).map((r) => ({ windowId: r.id, capacity: Number(r.capacity), booked: Number(r.booked), taken: Number(r.taken) }));
    },
  };
}
export type PermitService = ReturnType<typeof createPermitService>;
