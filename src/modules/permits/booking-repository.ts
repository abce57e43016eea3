import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { GuardMode } from '../../db/counters.ts';
import { explainConstraints } from '../../db/constraint-errors.ts';
import { livePermitStatuses, type PermitBookingsTable, type PermitStatus, type PermitsTable, type PermitWaitlistTable } from './tables.ts';

// A race the locks already serialise should never reach these; if one does, it is answered as the rule it guards.
explainConstraints({
  permits_one_per_window: 'permit.person_twice',
  permits_one_live_member: 'permit.person_twice',
  permit_waitlist_one: 'permit.already_waiting',
});

const WINDOW_COLUMNS = ['id', 'site_id', 'section', 'starts_at', 'ends_at', 'capacity', 'booked', 'checked_in', 'no_shows', 'waiting', 'early_grace_minutes', 'late_grace_minutes', 'release_at', 'closed_at', 'close_reason'] as const;

/**
 * Windows and their counters, people and their permits, bookings, the waiting
 * list: the booking side's SQL. Capacity (docs/algorithms/permits.md): a
 * window's `booked` moves only by conditional updates (`booked + n <=
 * capacity`), windows and people are locked in id order, people before
 * windows, in every transaction that takes places.
 */
export function createBookingRepository() {
  return {
    window: (db: Executor, id: string) => db.selectFrom('permit_windows').select(WINDOW_COLUMNS).where('id', '=', id).executeTakeFirst(),
    windowSite: (db: Executor, id: string) => db.selectFrom('permit_windows').select(['site_id', 'section']).where('id', '=', id).executeTakeFirst(),
    /** Windows by id, locked in id order (no lock in the control run, whose guard is off). */
    lockWindows(db: Executor, ids: string[], guard: GuardMode = 'conditional') {
      if (ids.length === 0) return Promise.resolve([]);
      const q = db.selectFrom('permit_windows').select(WINDOW_COLUMNS).where('id', 'in', ids).orderBy('id');
      return (guard === 'conditional' ? q.forUpdate() : q).execute();
    },
    windowsBetween: (db: Executor, siteId: string, from: Date, to: Date, section?: string) => {
      let q = db.selectFrom('permit_windows').select(WINDOW_COLUMNS).where('site_id', '=', siteId).where('starts_at', '>=', from).where('starts_at', '<', to);
      if (section) q = q.where('section', '=', section as never);
      return q.orderBy('starts_at').orderBy('section').execute();
    },
    /** The first window still to start: with a place left and released when `bookable`, otherwise any not closed (the next release). */
    firstWindowAfter: (db: Executor, siteId: string, now: Date, bookable: boolean, section?: string) => {
      let q = db.selectFrom('permit_windows').select(['starts_at', 'release_at']).where('site_id', '=', siteId).where('starts_at', '>', now).where('closed_at', 'is', null);
      if (bookable) q = q.where('release_at', '<=', now).whereRef('booked', '<', 'capacity');
      if (section) q = q.where('section', '=', section as never);
      return q.orderBy('starts_at').limit(1).executeTakeFirst();
    },

    /**
     * Takes places: one statement for every window of a batch, each conditional
     * (`booked + n <= capacity`). Answers the windows that had no room (none when the
     * caller judged them under lock). The control run reads, adds in the application
     * and writes back: the lost update the conditional form prevents.
     */
    async takePlaces(db: Executor, takes: { id: string; n: number }[], guard: GuardMode = 'conditional'): Promise<string[]> {
      if (takes.length === 0) return [];
      const sorted = [...takes].sort((a, b) => (a.id < b.id ? -1 : 1));
      if (guard === 'unguarded') {
        for (const t of sorted) {
          const row = await db.selectFrom('permit_windows').select('booked').where('id', '=', t.id).executeTakeFirstOrThrow();
          await db.updateTable('permit_windows').set({ booked: row.booked + t.n }).where('id', '=', t.id).execute();
        }
        return [];
      }
      const done = await sql<{ id: string }>`
        update permit_windows w set booked = w.booked + t.n
        from unnest(${sorted.map((t) => t.id)}::uuid[], ${sorted.map((t) => t.n)}::int[]) as t(id, n)
        where w.id = t.id and w.booked + t.n <= w.capacity
        returning w.id`.execute(db);
      const ok = new Set(done.rows.map((r) => r.id));
      return sorted.filter((t) => !ok.has(t.id)).map((t) => t.id);
    },
    async releasePlaces(db: Executor, releases: { id: string; n: number }[]) {
      for (const r of [...releases].sort((a, b) => (a.id < b.id ? -1 : 1))) {
        await db.updateTable('permit_windows').set((eb) => ({ booked: eb('booked', '-', r.n) })).where('id', '=', r.id).execute();
      }
    },
    async addWaiting(db: Executor, windowId: string, n: number) {
      await db.updateTable('permit_windows').set((eb) => ({ waiting: eb('waiting', '+', n) })).where('id', '=', windowId).execute();
    },

    /** People by id, locked in id order: every rule is judged under this lock (a second account changes nothing). */
    lockPersons(db: Executor, ids: string[], guard: GuardMode = 'conditional') {
      if (ids.length === 0) return Promise.resolve([]);
      const q = db.selectFrom('permit_persons').select(['id', 'gender', 'name_en', 'name_ar', 'doc_salt', 'doc_hash']).where('id', 'in', ids).orderBy('id');
      return (guard === 'conditional' ? q.forUpdate() : q).execute();
    },
    /** The live permits of people (what the rules count). */
    held: (db: Executor, personIds: string[]) =>
      personIds.length ? db.selectFrom('permits').select(['person_id', 'site_id', 'booking_id', 'starts_at', 'ends_at', 'status']).where('person_id', 'in', personIds).where('status', 'in', [...livePermitStatuses]).execute() : Promise.resolve([]),
    bans: (db: Executor, personIds: string[], now: Date) =>
      personIds.length ? db.selectFrom('permit_penalties').select(['person_id', 'site_id', 'trigger', 'ends_at']).where('person_id', 'in', personIds).where('ends_at', '>', now).execute() : Promise.resolve([]),
    links: (db: Executor, accountIds: string[]) =>
      accountIds.length ? db.selectFrom('permit_account_persons').select(['account_id', 'person_id']).where('account_id', 'in', accountIds).execute() : Promise.resolve([]),

    async insertBookings(db: Executor, rows: Insertable<PermitBookingsTable>[]) {
      if (rows.length) await db.insertInto('permit_bookings').values(rows).execute();
    },
    async insertPermits(db: Executor, rows: Insertable<PermitsTable>[]) {
      for (let i = 0; i < rows.length; i += 500) await db.insertInto('permits').values(rows.slice(i, i + 500)).execute();
    },
    booking: (db: Executor, id: string, lock = false) => {
      const q = db.selectFrom('permit_bookings').selectAll().where('id', '=', id);
      return (lock ? q.forUpdate() : q).executeTakeFirst();
    },
    bookingsOf: (db: Executor, accountId: string) => db.selectFrom('permit_bookings').selectAll().where('account_id', '=', accountId).orderBy('created_at', 'desc').limit(200).execute(),
    permitsOf: (db: Executor, bookingIds: string[]) =>
      bookingIds.length ? db.selectFrom('permits').selectAll().where('booking_id', 'in', bookingIds).orderBy('issued_at').orderBy('member_index').execute() : Promise.resolve([]),
    permit: (db: Executor, id: string) => db.selectFrom('permits').selectAll().where('id', '=', id).executeTakeFirst(),
    async setBooking(db: Executor, id: string, patch: { status?: PermitBookingsTable['status']; window_id?: string }, now: Date) {
      await db.updateTable('permit_bookings').set((eb) => ({ ...patch, updated_at: now, version: eb('version', '+', 1) })).where('id', '=', id).execute();
    },
    /** Moves permits from one of `from` to `to`; answers those moved. */
    endPermits: (db: Executor, ids: string[], from: readonly PermitStatus[], to: PermitStatus, now: Date) =>
      ids.length ? db.updateTable('permits').set({ status: to, ended_at: now }).where('id', 'in', ids).where('status', 'in', [...from]).returning(['id', 'window_id', 'ends_at', 'person_id', 'booking_id', 'site_id']).execute() : Promise.resolve([]),
    async revoke(db: Executor, rows: { permitId: string; reason: 'cancelled' | 'rescheduled' | 'closed'; expiresAt: Date }[], now: Date) {
      if (rows.length === 0) return;
      await db.insertInto('permit_revocations').values(rows.map((r) => ({ permit_id: r.permitId, reason: r.reason, expires_at: r.expiresAt, revoked_at: now }))).onConflict((oc) => oc.column('permit_id').doNothing()).execute();
    },
    async insertPenalties(db: Executor, rows: { id: string; person_id: string; site_id: string; trigger: 'no_show' | 'late_cancel'; permit_id: string; starts_at: Date; ends_at: Date; created_at: Date }[]) {
      if (rows.length) await db.insertInto('permit_penalties').values(rows).onConflict((oc) => oc.columns(['permit_id', 'trigger']).doNothing()).execute();
    },
    penaltiesOf: (db: Executor, personIds: string[]) =>
      personIds.length ? db.selectFrom('permit_penalties').selectAll().where('person_id', 'in', personIds).orderBy('ends_at', 'desc').execute() : Promise.resolve([]),

    // The waiting list
    async joinWaitlist(db: Executor, row: Insertable<PermitWaitlistTable>) {
      await db.insertInto('permit_waitlist').values(row).execute();
    },
    waitEntry: (db: Executor, id: string, lock = false) => {
      const q = db.selectFrom('permit_waitlist').selectAll().where('id', '=', id);
      return (lock ? q.forUpdate() : q).executeTakeFirst();
    },
    waitEntriesOf: (db: Executor, accountId: string) => db.selectFrom('permit_waitlist').selectAll().where('account_id', '=', accountId).where('status', 'in', ['waiting', 'offered']).orderBy('created_at').execute(),
    /** The next in line whose group fits in `room` places, skipping entries another transaction holds. */
    nextInLine: (db: Executor, windowId: string, room: number) =>
      db.selectFrom('permit_waitlist').selectAll().where('window_id', '=', windowId).where('status', '=', 'waiting').where('size', '<=', room)
        .orderBy('position').limit(1).forUpdate().skipLocked().executeTakeFirst(),
    async setWaitEntry(db: Executor, id: string, patch: Partial<Insertable<PermitWaitlistTable>>) {
      await db.updateTable('permit_waitlist').set(patch).where('id', '=', id).execute();
    },
    /** Offers whose deadline passed, locked (skipping those being answered now). */
    dueOffers: (db: Executor, now: Date, limit: number) =>
      db.selectFrom('permit_waitlist').selectAll().where('status', '=', 'offered').where('offer_deadline', '<=', now).orderBy('offer_deadline').limit(limit).forUpdate().skipLocked().execute(),
    waitingOn: (db: Executor, windowIds: string[]) =>
      windowIds.length ? db.selectFrom('permit_waitlist').selectAll().where('window_id', 'in', windowIds).where('status', 'in', ['waiting', 'offered']).forUpdate().execute() : Promise.resolve([]),
  };
}
export type BookingRepository = ReturnType<typeof createBookingRepository>;
