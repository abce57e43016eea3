import { sql, type Insertable, type RawBuilder, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { GuardMode } from '../../db/counters.ts';
import { explainConstraints } from '../../db/constraint-errors.ts';
import { livePermitStatuses, type PenaltyTrigger, type PermitBookingsTable, type PermitStatus, type PermitsTable, type PermitWaitlistTable, type PermitWindowsTable } from './tables.ts';

// A race the locks already serialise should never reach these; if one does, it is answered as the rule it guards.
explainConstraints({
  permits_one_per_window: 'permit.person_twice',
  permits_one_live_member: 'permit.person_twice',
  permit_waitlist_one: 'permit.already_waiting',
});

/** A booking and a permit as a batch writes them (status, times and version are the batch's). */
export type NewBooking = Pick<Insertable<PermitBookingsTable>, 'id' | 'account_id' | 'site_id' | 'window_id' | 'section' | 'size'>;
export type NewPermit = Pick<Insertable<PermitsTable>, 'id' | 'booking_id' | 'member_index' | 'person_id' | 'site_id' | 'window_id' | 'section' | 'key_id' | 'token'> & { starts_at: Date; ends_at: Date };

const WINDOW_COLUMNS = ['id', 'site_id', 'section', 'starts_at', 'ends_at', 'capacity', 'booked', 'checked_in', 'no_shows', 'waiting', 'early_grace_minutes', 'late_grace_minutes', 'release_at', 'closed_at', 'close_reason'] as const;

type WindowRow = Pick<Selectable<PermitWindowsTable>, (typeof WINDOW_COLUMNS)[number]>;
/** A window row as `row_to_json` gives it (times as ISO text), with its times as dates. */
function windowFromJson(text: string): WindowRow {
  const j = JSON.parse(text) as Record<string, unknown>;
  const at = (v: unknown) => (v == null ? null : new Date(v as string));
  return { ...(j as unknown as WindowRow), starts_at: at(j.starts_at)!, ends_at: at(j.ends_at)!, release_at: at(j.release_at)!, closed_at: at(j.closed_at) };
}

/**
 * Windows and their counters, people and their permits, bookings, the waiting
 * list: the booking side's SQL. Capacity (docs/algorithms/permits.md): a
 * window's `booked` moves only by conditional updates (`booked + n <=
 * capacity`), windows and people are locked in id order, people before
 * windows, in every transaction that takes places.
 */
export function createBookingRepository() {
  /**
   * Takes places: one statement for every window of a batch, each conditional
   * (`booked + n <= capacity`). Answers the windows that had no room (none when the
   * caller judged them under lock). The control run reads, adds in the application
   * and writes back: the lost update the conditional form prevents.
   */
  async function takePlaces(db: Executor, takes: { id: string; n: number }[], guard: GuardMode = 'conditional'): Promise<string[]> {
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
  }

  return {
    window: (db: Executor, id: string) => db.selectFrom('permit_windows').select(WINDOW_COLUMNS).where('id', '=', id).executeTakeFirst(),
    /** The site and section of windows (which never change), for many at once. */
    windowSites: (db: Executor, ids: readonly string[]) =>
      ids.length ? db.selectFrom('permit_windows').select(['id', 'site_id', 'section']).where('id', 'in', [...ids]).execute() : Promise.resolve([]),
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

    takePlaces,
    /**
     * Writes a batch of bookings in one statement (data-modifying CTEs): the places taken
     * (one conditional UPDATE, as `takePlaces`), the bookings, their signed permits, and the
     * statements the caller adds in the same round trip (audit records, events, idempotency
     * answers). Answers the windows that had no room: the caller must then roll back (none
     * when it judged them under lock). Columns travel as one array each. The control run
     * (guard off) takes its places first, by `takePlaces`.
     */
    async writeBookings(
      db: Executor,
      batch: { takes: { id: string; n: number }[]; bookings: NewBooking[]; permits: NewPermit[]; also: RawBuilder<unknown>[]; now: Date },
      guard: GuardMode = 'conditional',
    ): Promise<string[]> {
      const sorted = [...batch.takes].sort((a, b) => (a.id < b.id ? -1 : 1));
      const unguarded = guard === 'unguarded';
      if (unguarded) await takePlaces(db, sorted, guard);
      const b = batch.bookings;
      const p = batch.permits;
      const iso = (d: Date) => d.toISOString();
      const done = await sql<{ id: string }>`
        with taken as (
          update permit_windows w set booked = w.booked + t.n
          from unnest(${unguarded ? [] : sorted.map((t) => t.id)}::uuid[], ${unguarded ? [] : sorted.map((t) => t.n)}::int[]) as t(id, n)
          where w.id = t.id and w.booked + t.n <= w.capacity
          returning w.id),
        booked as (
          insert into permit_bookings (id, account_id, site_id, window_id, section, size, status, created_at, updated_at)
          select u.id, u.account_id, u.site_id, u.window_id, u.section, u.size, 'active', ${batch.now}::timestamptz, ${batch.now}::timestamptz
          from unnest(${b.map((r) => r.id)}::uuid[], ${b.map((r) => r.account_id)}::uuid[], ${b.map((r) => r.site_id)}::uuid[], ${b.map((r) => r.window_id)}::uuid[],
            ${b.map((r) => r.section)}::text[], ${b.map((r) => r.size)}::int[]) as u(id, account_id, site_id, window_id, section, size)),
        issued as (
          insert into permits (id, booking_id, member_index, person_id, site_id, window_id, section, starts_at, ends_at, status, key_id, token, issued_at)
          select u.id, u.booking_id, u.member_index, u.person_id, u.site_id, u.window_id, u.section, u.starts_at, u.ends_at, 'valid', u.key_id, u.token, ${batch.now}::timestamptz
          from unnest(${p.map((r) => r.id)}::uuid[], ${p.map((r) => r.booking_id)}::uuid[], ${p.map((r) => r.member_index)}::int[], ${p.map((r) => r.person_id)}::uuid[],
            ${p.map((r) => r.site_id)}::uuid[], ${p.map((r) => r.window_id)}::uuid[], ${p.map((r) => r.section)}::text[], ${p.map((r) => iso(r.starts_at))}::timestamptz[],
            ${p.map((r) => iso(r.ends_at))}::timestamptz[], ${p.map((r) => r.key_id)}::int[], ${p.map((r) => r.token)}::text[])
            as u(id, booking_id, member_index, person_id, site_id, window_id, section, starts_at, ends_at, key_id, token))
        ${sql.join(batch.also.map((statement, i) => sql`, ${sql.raw(`also${i}`)} as (${statement})`), sql``)}
        select id from taken`.execute(db);
      if (unguarded) return [];
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

    /**
     * The first statement of a booking batch: tries the advisory lock of each Idempotency-Key
     * (a key another transaction holds is in flight: never waited for) and locks the batch's
     * people in id order, in one round trip. Answers which keys were locked and the people.
     */
    async lockKeysAndPersons(db: Executor, q: { keys: { principal: string; key: string }[]; personIds: string[] }, guard: GuardMode = 'conditional') {
      type Row = { kind: 'key' | 'person'; i: number | null; locked: boolean | null; id: string | null; gender: string | null; name_en: string | null; name_ar: string | null; doc_salt: string | null; doc_hash: string | null };
      const lock = guard === 'conditional' ? sql`for update` : sql``;
      const { rows } = await sql<Row>`
        with k as (
          select k.i::int as i, pg_try_advisory_xact_lock(hashtextextended('idempotency:' || k.p || ':' || k.key, 0)) as locked
          from unnest(${q.keys.map((k) => k.principal)}::text[], ${q.keys.map((k) => k.key)}::text[]) with ordinality as k(p, key, i)),
        p as (
          select id, gender, name_en, name_ar, doc_salt, doc_hash from permit_persons where id = any(${q.personIds}::uuid[]) order by id ${lock})
        select 'key' as kind, i, locked, null::uuid as id, null as gender, null as name_en, null as name_ar, null as doc_salt, null as doc_hash from k
        union all
        select 'person', null, null, id, gender, name_en, name_ar, doc_salt, doc_hash from p`.execute(db);
      return {
        locked: rows.filter((r) => r.kind === 'key' && r.locked).map((r) => Number(r.i) - 1),
        persons: rows.filter((r) => r.kind === 'person').map((r) => ({ id: r.id!, gender: r.gender as 'male' | 'female', name_en: r.name_en!, name_ar: r.name_ar!, doc_salt: r.doc_salt!, doc_hash: r.doc_hash! })),
      };
    },

    /**
     * The second statement of a booking batch, once its people are locked (so by a snapshot
     * taken after that lock): locks the batch's windows in id order and reads, with them, what
     * the batch judges by — the answers already recorded for its Idempotency-Keys, the live
     * permits and active penalties of its people, and the people each account proved documents
     * for. A window waited for is read at its latest version (a locking read).
     */
    async lockWindowsWithFacts(db: Executor, q: { windowIds: string[]; keys: { principal: string; key: string }[]; personIds: string[]; accountIds: string[]; now: Date }, guard: GuardMode = 'conditional') {
      type Row = { kind: 'window' | 'answer' | 'held' | 'ban' | 'link'; a: string; b: string; c: string | null; d: string | null; e: string | null; t1: Date | null; t2: Date | null };
      const lock = guard === 'conditional' ? sql`for update` : sql``;
      const { rows } = await sql<Row>`
        with w as (
          select ${sql.join(WINDOW_COLUMNS.map((c) => sql.ref(c)))} from permit_windows where id = any(${q.windowIds}::uuid[]) order by id ${lock})
        select 'window' as kind, id::text as a, '' as b, null as c, null as d, row_to_json(w)::text as e, null::timestamptz as t1, null::timestamptz as t2 from w
        union all
        select 'answer', principal, key, request_hash, route, response_body, null, null
          from idempotency_keys where (principal, key) in (select * from unnest(${q.keys.map((k) => k.principal)}::text[], ${q.keys.map((k) => k.key)}::text[]))
        union all
        select 'held', person_id::text, site_id::text, booking_id::text, status, null, starts_at, ends_at
          from permits where person_id = any(${q.personIds}::uuid[]) and status = any(${[...livePermitStatuses]}::text[])
        union all
        select 'ban', person_id::text, site_id::text, trigger, null, null, null, ends_at
          from permit_penalties where person_id = any(${q.personIds}::uuid[]) and ends_at > ${q.now}::timestamptz
        union all
        select 'link', account_id::text, person_id::text, null, null, null, null, null
          from permit_account_persons where account_id = any(${q.accountIds}::uuid[])`.execute(db);
      const of = (kind: Row['kind']) => rows.filter((r) => r.kind === kind);
      return {
        windows: of('window').map((r) => windowFromJson(r.e!)),
        answers: of('answer').map((r) => ({ principal: r.a, key: r.b, request_hash: r.c!, route: r.d!, response_body: r.e })),
        held: of('held').map((r) => ({ person_id: r.a, site_id: r.b, booking_id: r.c!, status: r.d as PermitStatus, starts_at: new Date(r.t1!), ends_at: new Date(r.t2!) })),
        bans: of('ban').map((r) => ({ person_id: r.a, site_id: r.b, trigger: r.c as PenaltyTrigger, ends_at: new Date(r.t2!) })),
        links: of('link').map((r) => ({ account_id: r.a, person_id: r.b })),
      };
    },

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
    /**
     * The capacity invariant's windows at fault: places taken (valid, used and missed permits,
     * and held offers) past the capacity, or a counter that disagrees with them (open windows).
     * One pass of each table grouped by window, not a count per window (which read the permits
     * once per window: a minute at 10,000 windows).
     */
    async capacityViolations(db: Executor, siteId?: string) {
      const { rows } = await sql<{ id: string; capacity: number; booked: number; taken: number }>`
        with p as (
          select window_id, count(*)::int as n from permits
          where status in ('valid', 'checked_in', 'no_show') ${siteId ? sql`and site_id = ${siteId}` : sql``}
          group by window_id),
        o as (
          select window_id, sum(size)::int as n from permit_waitlist where status = 'offered' group by window_id),
        w as (
          select w.id, w.capacity, w.booked, w.closed_at, coalesce(p.n, 0) + coalesce(o.n, 0) as taken
          from permit_windows w left join p on p.window_id = w.id left join o on o.window_id = w.id
          ${siteId ? sql`where w.site_id = ${siteId}` : sql``})
        select id, capacity, booked, taken from w
        where taken > capacity or booked > capacity or (closed_at is null and taken <> booked)
        order by id`.execute(db);
      return rows;
    },
    waitingOn: (db: Executor, windowIds: string[]) =>
      windowIds.length ? db.selectFrom('permit_waitlist').selectAll().where('window_id', 'in', windowIds).where('status', 'in', ['waiting', 'offered']).forUpdate().execute() : Promise.resolve([]),
  };
}
export type BookingRepository = ReturnType<typeof createBookingRepository>;
