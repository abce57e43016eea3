import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { RequestContext } from '../../core/principal.ts';
import { runOnce } from '../../db/idempotency.ts';
import type { Trx } from '../../db/database.ts';
import { writeAudit } from '../audit/index.ts';
import type { PermitContext, Signer, SiteFacts } from './context.ts';
import { judgeRequest, type PersonFacts } from './domain/booking-batch.ts';
import { penaltyEnd, type Ban, type Held } from './domain/rules.ts';
import { offerFreed } from './offers.ts';
import { permitBookingPolicy } from './policies.ts';
import { presentBooking, type BookingView } from './presenters.ts';

const expiry = (p: { ends_at: Date }, w: { late_grace_minutes: number }) => new Date(p.ends_at.getTime() + w.late_grace_minutes * 60_000);

/**
 * Cancelling and moving a group's booking. Both are one transaction, run once
 * per Idempotency-Key. A move takes the new window's places before it lets the
 * old ones go: if the new window is full, nothing changes and the old permits
 * stay valid. Whatever is freed goes first to the old window's waiting list.
 */
export function changeUseCases(c: PermitContext) {
  const { db, clock } = c;

  /** Before the transaction: the booking's site facts (reference data is never read on the locked connection). */
  async function siteOf(bookingId: string): Promise<SiteFacts & { signer: Signer }> {
    const b = await c.repo.booking(db.kysely, bookingId);
    const s = b && (await c.site(b.site_id));
    if (!s) throw new AppError('permit.not_found');
    return { ...s, signer: await c.deps.signing.signer() };
  }

  async function lockOwn(trx: Trx, ctx: RequestContext, bookingId: string) {
    const b = await c.repo.booking(trx, bookingId, true);
    if (!b || b.account_id !== ctx.actor?.accountId) throw new AppError('permit.not_found');
    return b;
  }

  async function view(trx: Trx, ctx: RequestContext, bookingId: string, site: SiteFacts): Promise<BookingView> {
    const b = (await c.repo.booking(trx, bookingId))!;
    const w = (await c.repo.window(trx, b.window_id))!;
    const permits = await c.repo.permitsOf(trx, [b.id]);
    const names = await trx.selectFrom('permit_persons').select(['id', 'name_en']).where('id', 'in', permits.map((p) => p.person_id)).execute();
    return presentBooking(ctx, b, w, permits, new Map(names.map((n) => [n.id, n.name_en])), site, c.gatesFor(site, w.section), ctx.locale, clock.now());
  }

  return {
    /** Cancels the whole group: places free at once (to the waiting list first); a cancellation later than the site's lead time carries its penalty. */
    async cancel(ctx: RequestContext, bookingId: string): Promise<BookingView> {
      return runOnce({ db, clock }, ctx, async (trx, site) => {
        const b = await lockOwn(trx, ctx, bookingId);
        const [w] = await c.repo.lockWindows(trx, [b.window_id]);
        const now = clock.now();
        permitBookingPolicy.assert(ctx, 'cancel', { status: b.status, started: now >= w!.starts_at, ownerId: b.account_id });
        const live = (await c.repo.permitsOf(trx, [b.id])).filter((p) => p.window_id === b.window_id && p.status === 'valid');
        const ended = await c.repo.endPermits(trx, live.map((p) => p.id), ['valid'], 'cancelled', now);
        await c.repo.revoke(trx, ended.map((p) => ({ permitId: p.id, reason: 'cancelled' as const, expiresAt: expiry(p, w!) })), now);
        await c.repo.setBooking(trx, b.id, { status: 'cancelled' }, now);
        const late = now.getTime() > w!.starts_at.getTime() - site.cancelLeadMinutes * 60_000;
        const rule = site.penalties.find((p) => p.trigger === 'late_cancel');
        if (late && rule) {
          await c.repo.insertPenalties(trx, ended.map((p) => ({ id: newId(), person_id: p.person_id, site_id: p.site_id, trigger: 'late_cancel' as const, permit_id: p.id, starts_at: now, ends_at: penaltyEnd(now, rule.banDays), created_at: now })));
        }
        await offerFreed(c, trx, site, w!, ended.length);
        await writeAudit(trx, clock, ctx, { action: 'permit.cancelled', subjectType: 'permit_booking', subjectId: b.id, data: { windowId: w!.id, permits: ended.length, late, penalty: Boolean(late && rule) } });
        await c.publish(trx, live.map((p) => c.permitEvent('permit.cancelled', p, { reason: 'cancelled' })));
        return view(trx, ctx, b.id, site);
      }, () => siteOf(bookingId));
    },

    /**
     * Moves the whole group to another window of the same site and section, in one
     * transaction: people locked, both windows locked in id order, the rules judged
     * without the booking's own permits, the new places taken (or nothing changes:
     * `permit.window_full`), the old permits superseded and revoked, new ones signed.
     */
    async reschedule(ctx: RequestContext, bookingId: string, windowId: string): Promise<BookingView> {
      return runOnce({ db, clock }, ctx, async (trx, site) => {
        const b = await lockOwn(trx, ctx, bookingId);
        const now = clock.now();
        const old = (await c.repo.window(trx, b.window_id))!;
        permitBookingPolicy.assert(ctx, 'reschedule', { status: b.status, started: now >= old.starts_at, ownerId: b.account_id });
        if (windowId === b.window_id) throw new AppError('permit.same_window');
        const live = (await c.repo.permitsOf(trx, [b.id])).filter((p) => p.window_id === b.window_id && p.status === 'valid').sort((x, y) => x.member_index - y.member_index);
        const personIds = live.map((p) => p.person_id);
        const persons = await c.repo.lockPersons(trx, [...personIds].sort(), c.guard);
        const windows = await c.repo.lockWindows(trx, [b.window_id, windowId].sort(), c.guard);
        const target = windows.find((w) => w.id === windowId);
        if (target && (target.site_id !== b.site_id)) throw new AppError('permit.window_not_found');
        const [held, bans] = await Promise.all([c.repo.held(trx, personIds), c.repo.bans(trx, personIds, now)]);
        const people = new Map<string, PersonFacts>(persons.map((p) => [p.id, { id: p.id, gender: p.gender, name: p.name_en, held: new Map<string, Held[]>(), bans: new Map<string, Ban[]>() }]));
        for (const h of held) {
          if (h.booking_id === b.id) continue; // the booking's own permits do not count against its move
          const p = people.get(h.person_id)!;
          p.held.set(h.site_id, [...(p.held.get(h.site_id) ?? []), { startsAt: h.starts_at, endsAt: h.ends_at, unused: h.status === 'valid' }]);
        }
        for (const x of bans) people.get(x.person_id)!.bans.set(x.site_id, [...(people.get(x.person_id)!.bans.get(x.site_id) ?? []), { trigger: x.trigger, endsAt: x.ends_at }]);
        const facts = target && { id: target.id, siteId: target.site_id, section: target.section, startsAt: target.starts_at, endsAt: target.ends_at, capacity: target.capacity, booked: target.booked, releaseAt: target.release_at, closedAt: target.closed_at };
        const verdict = judgeRequest({ accountId: b.account_id, windowId, personIds }, facts, { maxGroup: Math.max(site.maxGroup, personIds.length), rules: site.rules }, people, new Set(personIds), now);
        if (!verdict.ok) throw new AppError(verdict.code, verdict.params);
        // New places first: if they cannot be taken, the transaction ends here and nothing has changed.
        if ((await c.repo.takePlaces(trx, [{ id: windowId, n: personIds.length }], c.guard)).length) throw new AppError('permit.window_full', { remaining: target!.capacity - target!.booked });
        const superseded = await c.repo.endPermits(trx, live.map((p) => p.id), ['valid'], 'superseded', now);
        await c.repo.revoke(trx, superseded.map((p) => ({ permitId: p.id, reason: 'rescheduled' as const, expiresAt: expiry(p, old) })), now);
        const salts = new Map(persons.map((p) => [p.id, p]));
        const issued = await c.issue(site.signer, site, target!, b.id, live.map((p) => ({ personId: p.person_id, memberIndex: p.member_index, docSalt: salts.get(p.person_id)!.doc_salt, docHash: salts.get(p.person_id)!.doc_hash })), now);
        await c.repo.insertPermits(trx, issued);
        await c.repo.setBooking(trx, b.id, { window_id: windowId }, now);
        await offerFreed(c, trx, site, old, superseded.length);
        await writeAudit(trx, clock, ctx, { action: 'permit.rescheduled', subjectType: 'permit_booking', subjectId: b.id, data: { from: old.id, to: windowId, permits: issued.length } });
        await c.publish(trx, [...live.map((p) => c.permitEvent('permit.cancelled', p, { reason: 'rescheduled' })), ...issued.map((p) => c.permitEvent('permit.issued', p, { rescheduledFrom: old.id }))]);
        return view(trx, ctx, b.id, site);
      }, () => siteOf(bookingId));
    },
  };
}
