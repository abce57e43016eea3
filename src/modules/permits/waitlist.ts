import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { RequestContext } from '../../core/principal.ts';
import { runOnce } from '../../db/idempotency.ts';
import type { Trx } from '../../db/database.ts';
import { writeAudit } from '../audit/index.ts';
import type { PermitContext, SiteFacts } from './context.ts';
import { judgeRequest, windowRefusal, type PersonFacts, type WindowFacts } from './domain/booking-batch.ts';
import type { Ban, Held } from './domain/rules.ts';
import { offerFreed } from './offers.ts';
import { waitPolicy } from './policies.ts';
import type { PermitWaitlistTable } from './tables.ts';
import type { Selectable } from 'kysely';

export interface WaitView {
  id: string;
  windowId: string;
  size: number;
  personIds: string[];
  status: PermitWaitlistTable['status'];
  /** Groups ahead in line (while waiting). */
  ahead: number | null;
  offerDeadline: string | null;
  bookingId: string | null;
  allowedActions: ('accept' | 'decline' | 'leave')[];
}

/**
 * The waiting list of a full window: a group waits in line; a freed place is
 * offered to the first whose group fits (offers.ts) with a short deadline; the
 * offer is accepted (permits issued on the held places, the rules judged then)
 * or declined, and an unanswered one is swept past its deadline and moves on.
 */
export function waitlistUseCases(c: PermitContext) {
  const { db, clock } = c;

  async function present(ctx: RequestContext, e: Selectable<PermitWaitlistTable>): Promise<WaitView> {
    const ahead = e.status === 'waiting'
      ? Number((await db.kysely.selectFrom('permit_waitlist').select((eb) => eb.fn.countAll<number>().as('n')).where('window_id', '=', e.window_id).where('status', '=', 'waiting').where('position', '<', e.position).executeTakeFirstOrThrow()).n)
      : null;
    return {
      id: e.id, windowId: e.window_id, size: e.size, personIds: e.person_ids, status: e.status, ahead, offerDeadline: e.offer_deadline?.toISOString() ?? null, bookingId: e.booking_id,
      allowedActions: waitPolicy.allowed(ctx, { status: e.status, deadlinePassed: Boolean(e.offer_deadline && e.offer_deadline <= clock.now()), ownerId: e.account_id }),
    };
  }

  async function peopleFacts(trx: Trx, personIds: string[], now: Date) {
    const persons = await c.repo.lockPersons(trx, [...personIds].sort(), c.guard);
    const [held, bans] = await Promise.all([c.repo.held(trx, personIds), c.repo.bans(trx, personIds, now)]);
    const people = new Map<string, PersonFacts & { salt: string; hash: string }>(persons.map((p) => [p.id, { id: p.id, gender: p.gender, name: p.name_en, held: new Map<string, Held[]>(), bans: new Map<string, Ban[]>(), salt: p.doc_salt, hash: p.doc_hash }]));
    for (const h of held) people.get(h.person_id)!.held.set(h.site_id, [...(people.get(h.person_id)!.held.get(h.site_id) ?? []), { startsAt: h.starts_at, endsAt: h.ends_at, unused: h.status === 'valid' }]);
    for (const x of bans) people.get(x.person_id)!.bans.set(x.site_id, [...(people.get(x.person_id)!.bans.get(x.site_id) ?? []), { trigger: x.trigger, endsAt: x.ends_at }]);
    return people;
  }
  const factsOf = (w: { id: string; site_id: string; section: 'men' | 'women'; starts_at: Date; ends_at: Date; capacity: number; booked: number; release_at: Date; closed_at: Date | null }, booked = w.booked): WindowFacts =>
    ({ id: w.id, siteId: w.site_id, section: w.section, startsAt: w.starts_at, endsAt: w.ends_at, capacity: w.capacity, booked, releaseAt: w.release_at, closedAt: w.closed_at });

  async function siteOfWindow(windowId: string): Promise<SiteFacts> {
    const ws = await c.windowSite(windowId);
    const s = ws && (await c.site(ws.site_id));
    if (!s) throw new AppError('permit.window_not_found');
    return s;
  }

  async function ownEntry(trx: Trx, ctx: RequestContext, id: string) {
    const e = await c.repo.waitEntry(trx, id, true);
    if (!e || e.account_id !== ctx.actor?.accountId) throw new AppError('permit.offer_not_found');
    return e;
  }

  return {
    /** Joins a full window's waiting list with a group (the rules are judged now, so nobody waits in vain, and again on acceptance). */
    async join(ctx: RequestContext, windowId: string, personIds: string[]): Promise<WaitView> {
      const site = await siteOfWindow(windowId);
      const id = await db.kysely.transaction().execute(async (trx) => {
        const now = clock.now();
        const w = (await c.repo.window(trx, windowId))!;
        const closed = windowRefusal(factsOf(w), now);
        if (closed && !closed.ok) throw new AppError(closed.code, closed.params);
        if (w.capacity - w.booked >= personIds.length) throw new AppError('permit.window_not_full');
        const links = new Set((await c.repo.links(trx, [ctx.actor!.accountId])).map((l) => l.person_id));
        const verdict = judgeRequest({ accountId: ctx.actor!.accountId, windowId, personIds }, factsOf(w, 0), site, await peopleFacts(trx, personIds, now), links, now);
        if (!verdict.ok) throw new AppError(verdict.code, verdict.params);
        const entry = { id: newId(), window_id: windowId, account_id: ctx.actor!.accountId, person_ids: personIds, size: personIds.length, status: 'waiting' as const, created_at: now, updated_at: now };
        await c.repo.joinWaitlist(trx, entry);
        await c.repo.addWaiting(trx, windowId, 1);
        await writeAudit(trx, clock, ctx, { action: 'permit.waiting', subjectType: 'permit_window', subjectId: windowId, data: { entryId: entry.id, size: entry.size } });
        return entry.id;
      });
      return present(ctx, (await c.repo.waitEntry(db.kysely, id))!);
    },

    async myWaits(ctx: RequestContext): Promise<WaitView[]> {
      const rows = await c.repo.waitEntriesOf(db.kysely, ctx.actor!.accountId);
      return Promise.all(rows.map((r) => present(ctx, r)));
    },

    /** Accepts an offer: the held places become permits (run once per Idempotency-Key). */
    async accept(ctx: RequestContext, entryId: string) {
      const entry = await c.repo.waitEntry(db.kysely, entryId);
      const site = await siteOfWindow(entry?.window_id ?? '00000000-0000-4000-8000-000000000000').catch(() => null);
      const signer = await c.deps.signing.signer();
      return runOnce({ db, clock }, ctx, async (trx) => {
        const e = await ownEntry(trx, ctx, entryId);
        const now = clock.now();
        waitPolicy.assert(ctx, 'accept', { status: e.status, deadlinePassed: Boolean(e.offer_deadline && e.offer_deadline <= now), ownerId: e.account_id });
        const people = await peopleFacts(trx, e.person_ids, now);
        const [w] = await c.repo.lockWindows(trx, [e.window_id]);
        const links = new Set((await c.repo.links(trx, [e.account_id])).map((l) => l.person_id));
        // The places are held for this entry: judge as if they were free for it.
        const verdict = judgeRequest({ accountId: e.account_id, windowId: e.window_id, personIds: e.person_ids }, factsOf(w!, w!.booked - e.size), site!, people, links, now);
        if (!verdict.ok) throw new AppError(verdict.code, verdict.params);
        const booking = { id: newId(), account_id: e.account_id, site_id: w!.site_id, window_id: w!.id, section: w!.section, size: e.size, status: 'active' as const, created_at: now, updated_at: now };
        const issued = await c.issue(signer, site!, w!, booking.id, e.person_ids.map((pid, m) => ({ personId: pid, memberIndex: m, docSalt: people.get(pid)!.salt, docHash: people.get(pid)!.hash })), now);
        await c.repo.insertBookings(trx, [booking]);
        await c.repo.insertPermits(trx, issued);
        await c.repo.setWaitEntry(trx, e.id, { status: 'accepted', booking_id: booking.id, updated_at: now });
        await writeAudit(trx, clock, ctx, { action: 'permit.offer_accepted', subjectType: 'permit_booking', subjectId: booking.id, data: { entryId: e.id, windowId: w!.id } });
        await c.publish(trx, issued.map((p) => c.permitEvent('permit.issued', p, { fromWaitlist: true })));
        return { bookingId: booking.id };
      });
    },

    /** Declines an offer, or leaves the line: the held places go to the next in line. */
    async decline(ctx: RequestContext, entryId: string): Promise<WaitView> {
      const entry = await c.repo.waitEntry(db.kysely, entryId);
      const site = entry ? await siteOfWindow(entry.window_id) : null;
      await db.kysely.transaction().execute(async (trx) => {
        const e = await ownEntry(trx, ctx, entryId);
        const now = clock.now();
        const resource = { status: e.status, deadlinePassed: Boolean(e.offer_deadline && e.offer_deadline <= now), ownerId: e.account_id };
        waitPolicy.assert(ctx, e.status === 'waiting' ? 'leave' : 'decline', resource);
        await c.repo.setWaitEntry(trx, e.id, { status: 'withdrawn', updated_at: now });
        if (e.status === 'offered') {
          const [w] = await c.repo.lockWindows(trx, [e.window_id]);
          await offerFreed(c, trx, site!, w!, e.size);
        } else await c.repo.addWaiting(trx, e.window_id, -1);
        await writeAudit(trx, clock, ctx, { action: e.status === 'offered' ? 'permit.offer_declined' : 'permit.left_waitlist', subjectType: 'permit_window', subjectId: e.window_id, data: { entryId: e.id } });
      });
      return present(ctx, (await c.repo.waitEntry(db.kysely, entryId))!);
    },

    /** Offers past their deadline expire and their places move on to the next in line (the poller calls this). */
    async expireOffers(limit = 100): Promise<number> {
      const due = await db.kysely.selectFrom('permit_waitlist').select(['id', 'window_id']).where('status', '=', 'offered').where('offer_deadline', '<=', clock.now()).limit(limit).execute();
      const sites = new Map<string, SiteFacts>();
      for (const d of due) sites.set(d.window_id, await siteOfWindow(d.window_id));
      if (!due.length) return 0;
      return db.kysely.transaction().execute(async (trx) => {
        const now = clock.now();
        const entries = await c.repo.dueOffers(trx, now, limit);
        for (const e of entries) {
          const site = sites.get(e.window_id);
          if (!site) continue; // due after the read above: the next sweep
          await c.repo.setWaitEntry(trx, e.id, { status: 'expired', updated_at: now });
          const [w] = await c.repo.lockWindows(trx, [e.window_id]);
          await offerFreed(c, trx, site, w!, e.size);
          await writeAudit(trx, clock, { requestId: 'offer-expiry', actor: null }, { action: 'permit.offer_expired', subjectType: 'permit_window', subjectId: e.window_id, data: { entryId: e.id } });
        }
        return entries.length;
      });
    },
  };
}
