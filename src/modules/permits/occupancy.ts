import { sql } from 'kysely';
import { AppError } from '../../core/errors.ts';
import { addDays, riyadhDate, riyadhMidnight } from '../../core/dates.ts';
import type { RequestContext } from '../../core/principal.ts';
import { availabilityColour, availabilityOf, availabilityText, quieterWindows, type AvailabilityState } from '../../common/permits/availability.ts';
import type { PermitContext } from './context.ts';
import { permitConfigPolicy } from './policies.ts';
import type { Section } from './tables.ts';

export interface WindowView {
  id: string;
  section: Section;
  startsAt: string;
  endsAt: string;
  capacity: number;
  remaining: number;
  state: AvailabilityState;
  /** The state in words, in the reader's language (never colour alone). */
  text: string;
  colour: string;
  releaseAt: string;
  closeReason: string | null;
  allowedActions: ('book' | 'wait')[];
}

/**
 * Availability for pilgrims (a state with words and colour; the nearest
 * quieter windows first when one is full or nearly full) and live occupancy
 * for the ministry (per window and section: booked, checked in, no-shows; a
 * day × hour heat map per site), all from the windows' counters.
 */
export function occupancyUseCases(c: PermitContext) {
  const { db, clock } = c;
  const present = (ctx: RequestContext, w: { id: string; section: Section; starts_at: Date; ends_at: Date; capacity: number; booked: number; release_at: Date; closed_at: Date | null; close_reason: string | null }): WindowView => {
    const now = clock.now().getTime();
    const { state, remaining } = availabilityOf({ capacity: w.capacity, booked: w.booked, releaseAt: w.release_at.getTime(), startsAt: w.starts_at.getTime(), closed: Boolean(w.closed_at) }, now);
    const pilgrim = ctx.actor?.role === 'pilgrim';
    return {
      id: w.id, section: w.section, startsAt: w.starts_at.toISOString(), endsAt: w.ends_at.toISOString(), capacity: w.capacity, remaining, state,
      text: availabilityText(state, remaining, w.release_at.getTime(), ctx.locale), colour: availabilityColour[state], releaseAt: w.release_at.toISOString(), closeReason: w.closed_at ? w.close_reason : null,
      allowedActions: !pilgrim ? [] : state === 'open' || state === 'few_left' ? ['book'] : state === 'full' ? ['wait'] : [],
    };
  };
  const siteOrThrow = async (id: string) => {
    const s = await c.site(id);
    if (!s) throw new AppError('permit.site_not_found');
    return s;
  };

  return {
    /** A site's windows on a Saudi day, with their availability. */
    async windows(ctx: RequestContext, siteId: string, day: string, section?: Section) {
      await siteOrThrow(siteId);
      const rows = await c.repo.windowsBetween(db.kysely, siteId, riyadhMidnight(day), riyadhMidnight(addDays(day, 1)), section);
      return rows.map((w) => present(ctx, { ...w, close_reason: w.close_reason }));
    },

    /**
     * Where a person should look first: the Saudi day of the next window with a
     * place to book, and when none is open yet, the day of the next window and
     * when it is released (so the booking page never opens on an empty day without saying where to go).
     */
    async nextOpen(siteId: string, section?: Section) {
      await siteOrThrow(siteId);
      const now = clock.now();
      const open = await c.repo.firstWindowAfter(db.kysely, siteId, now, true, section);
      if (open) return { day: riyadhDate(open.starts_at), releaseAt: null };
      const later = await c.repo.firstWindowAfter(db.kysely, siteId, now, false, section);
      return later ? { day: riyadhDate(later.starts_at), releaseAt: later.release_at > now ? later.release_at.toISOString() : null } : { day: null, releaseAt: null };
    },

    /** The nearest quieter windows of the same site and section, for a group of `size` (within three days either side). */
    async alternatives(ctx: RequestContext, windowId: string, size: number) {
      const w = await c.repo.window(db.kysely, windowId);
      if (!w) throw new AppError('permit.window_not_found');
      const now = clock.now();
      const near = (await c.repo.windowsBetween(db.kysely, w.site_id, new Date(Math.max(now.getTime(), w.starts_at.getTime() - 3 * 86_400_000)), new Date(w.starts_at.getTime() + 3 * 86_400_000), w.section))
        .filter((x) => x.id !== w.id && !x.closed_at && x.release_at <= now && x.starts_at > now);
      const chosen = quieterWindows({ startsAt: w.starts_at.getTime() }, near.map((x) => ({ ...x, startsAt: x.starts_at.getTime() })), size, { limit: 5 });
      return chosen.map((x) => present(ctx, x));
    },

    /** Per window and section: capacity, booked, checked in, no-shows, waiting (the ministry's live view). */
    async occupancy(ctx: RequestContext, siteId: string, from: string, to: string) {
      permitConfigPolicy.assert(ctx, 'read_occupancy', null);
      await siteOrThrow(siteId);
      const rows = await db.kysely.selectFrom('permit_windows').select(['id', 'section', 'starts_at', 'ends_at', 'capacity', 'booked', 'checked_in', 'no_shows', 'waiting', 'closed_at'])
        .where('site_id', '=', siteId).where('starts_at', '>=', riyadhMidnight(from)).where('starts_at', '<', riyadhMidnight(addDays(to, 1))).orderBy('starts_at').orderBy('section').limit(20_000).execute();
      return rows.map((r) => ({ windowId: r.id, section: r.section, startsAt: r.starts_at.toISOString(), endsAt: r.ends_at.toISOString(), capacity: r.capacity, booked: r.booked, checkedIn: r.checked_in, noShows: r.no_shows, waiting: r.waiting, closed: Boolean(r.closed_at) }));
    },

    /** A day × hour heat map of a site (Saudi time): sums over the windows starting in each hour. */
    async heatmap(ctx: RequestContext, siteId: string, from: string, to: string, section?: Section) {
      permitConfigPolicy.assert(ctx, 'read_occupancy', null);
      await siteOrThrow(siteId);
      const rows = await sql<{ day: string; hour: number; capacity: number; booked: number; checked_in: number; no_shows: number }>`
        select to_char(starts_at at time zone 'Asia/Riyadh', 'YYYY-MM-DD') as day, extract(hour from starts_at at time zone 'Asia/Riyadh')::int as hour,
               sum(capacity)::int as capacity, sum(booked)::int as booked, sum(checked_in)::int as checked_in, sum(no_shows)::int as no_shows
        from permit_windows
        where site_id = ${siteId} and starts_at >= ${riyadhMidnight(from)} and starts_at < ${riyadhMidnight(addDays(to, 1))} and closed_at is null
          ${section ? sql`and section = ${section}` : sql``}
        group by 1, 2 order by 1, 2`.execute(db.kysely);
      return rows.rows.map((r) => ({ day: r.day, hour: Number(r.hour), capacity: Number(r.capacity), booked: Number(r.booked), checkedIn: Number(r.checked_in), noShows: Number(r.no_shows), load: r.capacity ? Number(r.booked) / Number(r.capacity) : 0 }));
    },
  };
}
