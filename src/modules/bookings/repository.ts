import { sql, type Insertable, type RawBuilder } from 'kysely';
import { copyRows } from '../../db/copy.ts';
import type { Executor } from '../../db/database.ts';
import { addBounded, leftUnderBounds, type GuardMode } from '../../db/counters.ts';
import { packageSeats } from '../catalogue/index.ts';
import { quotaSeats } from '../seasons/index.ts';
import { cancellableStatuses, liveStatuses, type BookingsTable, type BookingStatus, type OpenSalesTable } from './tables.ts';
import { explainConstraints } from '../../db/constraint-errors.ts';

// What this module's constraints mean when a race breaks one (src/db/constraint-errors.ts).
explainConstraints({ bookings_one_live: 'booking.already_booked', bookings_one_offer: 'booking.already_booked' });

const BOOKING_COLUMNS = ['id', 'season', 'application_id', 'package_id', 'package_version', 'country', 'seats', 'source', 'status', 'hold_deadline', 'created_at', 'updated_at', 'amount_due', 'amount_paid'] as const;

/** The only place that queries bookings, the open sale and the waiting room. */
export function createBookingsRepository() {
  return {
    /**
     * What is left of some packages' seats and of a season's country quotas, their rows
     * locked in order (packages, then quotas, each sorted: the order every writer takes
     * them in) until the transaction ends. With `writeHolds`, the group commit of the open
     * sale: the only write of this module to other modules' tables, through the counters
     * the catalogue and the seasons declare (docs/ARCHITECTURE.md, "Declared exceptions").
     */
    async seatsLeft(db: Executor, season: string, packageIds: string[], countries: string[], mode: GuardMode = 'conditional') {
      const [packages, quotas] = await leftUnderBounds(db, [packageSeats, packageIds], [quotaSeats(season), countries], mode);
      return { packages, quotas };
    },
    /**
     * Writes held bookings and everything that goes with them in one statement: the
     * seats and quota taken (after `seatsLeft`), the bookings, and the other modules'
     * inserts given as statements (audit, events, emails, idempotency records).
     * Answers how many counter rows moved, which the caller compares with what it meant.
     */
    async writeHolds(db: Executor, w: { season: string; seats: ReadonlyMap<string, number>; quota: ReadonlyMap<string, number>; left: { packages: ReadonlyMap<string, number>; quotas: ReadonlyMap<string, number> }; mode: GuardMode; rows: Insertable<BookingsTable>[]; inserts: RawBuilder<unknown>[] }) {
      const col = <K extends keyof Insertable<BookingsTable>>(k: K) => w.rows.map((r) => r[k] ?? null);
      const parts: RawBuilder<unknown>[] = [];
      if (w.seats.size > 0) parts.push(sql`seats as (${addBounded(packageSeats, w.seats, w.mode, w.left.packages)})`);
      if (w.quota.size > 0) parts.push(sql`quota as (${addBounded(quotaSeats(w.season), w.quota, w.mode, w.left.quotas)})`);
      if (w.rows.length > 0) {
        parts.push(sql`booked as (insert into bookings (${sql.join(BOOKING_COLUMNS.map((c) => sql.ref(c)))})
          select * from unnest(${col('id')}::uuid[], ${col('season')}::text[], ${col('application_id')}::uuid[], ${col('package_id')}::uuid[], ${col('package_version')}::int[],
            ${col('country')}::text[], ${col('seats')}::smallint[], ${col('source')}::text[], ${col('status')}::text[], ${col('hold_deadline')}::timestamptz[],
            ${col('created_at')}::timestamptz[], ${col('updated_at')}::timestamptz[], ${col('amount_due')}::bigint[], ${col('amount_paid')}::bigint[]))`);
      }
      w.inserts.forEach((insert, i) => parts.push(sql`${sql.raw(`also${i}`)} as (${insert})`));
      if (parts.length === 0) return { seats: 0, quota: 0 };
      const count = (name: string, used: boolean) => (used ? sql`(select count(*) from ${sql.raw(name)})::int` : sql`0`);
      const result = await sql<{ seats: number; quota: number }>`with ${sql.join(parts)} select ${count('seats', w.seats.size > 0)} as seats, ${count('quota', w.quota.size > 0)} as quota`.execute(db);
      return result.rows[0]!;
    },
    /** Every booking's status and amounts (what the books check compares with the ledger). */
    amounts: (db: Executor) => db.selectFrom('bookings').select(['id', 'status', 'amount_paid', 'amount_due']).execute(),
    async insert(db: Executor, row: Insertable<BookingsTable>) {
      await db.insertInto('bookings').values(row).execute();
    },
    insertMany: (db: Executor, rows: Insertable<BookingsTable>[]) =>
      copyRows(db, 'bookings', [...BOOKING_COLUMNS], rows.map((r) => BOOKING_COLUMNS.map((c) => r[c] ?? null))),
    find: (db: Executor, id: string, lock = false) => {
      const q = db.selectFrom('bookings').selectAll().where('id', '=', id);
      return (lock ? q.forUpdate() : q).executeTakeFirst();
    },
    async setStatus(db: Executor, id: string, status: BookingStatus, now: Date) {
      await db.updateTable('bookings').set((eb) => ({
        status,
        updated_at: now,
        version: eb('version', '+', 1),
        ...(status === 'confirmed' ? { confirmed_at: now } : { ended_at: now }),
      })).where('id', '=', id).execute();
    },
    /** Moves every booking of `ids` that is in `from` to `to`; answers the ids moved. */
    advance: (db: Executor, ids: string[], from: BookingStatus, to: BookingStatus, now: Date) =>
      ids.length ? db.updateTable('bookings').set((eb) => ({ status: to, updated_at: now, version: eb('version', '+', 1) })).where('id', 'in', ids).where('status', '=', from).returning('id').execute().then((r) => r.map((x) => x.id)) : Promise.resolve([]),
    withStatus: (db: Executor, season: string, status: BookingStatus) =>
      db.selectFrom('bookings').select('id').where('season', '=', season).where('status', '=', status).execute().then((r) => r.map((x) => x.id)),
    async addPayment(db: Executor, id: string, amount: number, now: Date) {
      await db.updateTable('bookings').set((eb) => ({ amount_paid: eb('amount_paid', '+', amount), updated_at: now, version: eb('version', '+', 1) })).where('id', '=', id).execute();
    },
    instalmentPlan: (db: Executor, season: string) => db.selectFrom('instalment_plans').select('steps').where('season', '=', season).executeTakeFirst(),
    async setInstalmentPlan(db: Executor, season: string, steps: { percent: number; daysBeforeArrival: number | null }[], by: string | null, now: Date) {
      await db.insertInto('instalment_plans').values({ season, steps: JSON.stringify(steps), updated_by: by, updated_at: now })
        .onConflict((oc) => oc.column('season').doUpdateSet({ steps: JSON.stringify(steps), updated_by: by, updated_at: now })).execute();
    },
    async setDeadline(db: Executor, id: string, deadline: Date, now: Date) {
      await db.updateTable('bookings').set({ hold_deadline: deadline, updated_at: now }).where('id', '=', id).execute();
    },
    refundSchedule: (db: Executor, season: string) => db.selectFrom('refund_schedules').select('rules').where('season', '=', season).executeTakeFirst(),
    async setRefundSchedule(db: Executor, season: string, rules: { minDaysBefore: number; feeBps: number }[], by: string | null, now: Date) {
      await db.insertInto('refund_schedules').values({ season, rules: JSON.stringify(rules), updated_by: by, updated_at: now })
        .onConflict((oc) => oc.column('season').doUpdateSet({ rules: JSON.stringify(rules), updated_by: by, updated_at: now })).execute();
    },
    liveForCountry: (db: Executor, season: string, country: string) =>
      db.selectFrom('bookings').selectAll().where('season', '=', season).where('country', '=', country).where('status', 'in', [...liveStatuses]).orderBy('created_at').execute(),
    forPackages: (db: Executor, packageIds: string[], limit: number) =>
      packageIds.length ? db.selectFrom('bookings').selectAll().where('package_id', 'in', packageIds).orderBy('created_at', 'desc').orderBy('id').limit(limit).execute() : Promise.resolve([]),
    liveForPackages: (db: Executor, packageIds: string[]) =>
      packageIds.length ? db.selectFrom('bookings').selectAll().where('package_id', 'in', packageIds).where('status', 'in', [...cancellableStatuses]).orderBy('id').forUpdate().execute() : Promise.resolve([]),
    async cancel(db: Executor, id: string, refunded: number, now: Date) {
      await db.updateTable('bookings').set((eb) => ({ status: 'cancelled', amount_paid: eb('amount_paid', '-', refunded), ended_at: now, updated_at: now, version: eb('version', '+', 1) })).where('id', '=', id).execute();
    },
    forApplications: (db: Executor, applicationIds: string[]) =>
      applicationIds.length
        ? db.selectFrom('bookings').selectAll().where('application_id', 'in', applicationIds).orderBy('created_at', 'desc').orderBy('id').execute()
        : Promise.resolve([]),
    forApplication: (db: Executor, season: string, applicationId: string) =>
      db.selectFrom('bookings').selectAll().where('season', '=', season).where('application_id', '=', applicationId).orderBy('created_at', 'desc').execute(),
    /** The paid or live bookings of some applications (any season): their packages. */
    ofApplications: (db: Executor, applicationIds: string[]) =>
      applicationIds.length
        ? db.selectFrom('bookings').select(['id', 'package_id', 'package_version']).where('application_id', 'in', applicationIds).where('status', 'in', [...liveStatuses]).execute()
        : Promise.resolve([]),
    /** Which of some applications hold a live booking this season. */
    liveOf: (db: Executor, season: string, applicationIds: string[]) =>
      applicationIds.length
        ? db.selectFrom('bookings').select('application_id').where('season', '=', season).where('application_id', 'in', applicationIds).where('status', 'in', [...liveStatuses]).execute().then((r) => new Set(r.map((x) => x.application_id)))
        : Promise.resolve(new Set<string>()),
    offered: (db: Executor, season: string, applicationIds: string[]) =>
      applicationIds.length
        ? db.selectFrom('bookings').select('application_id').where('season', '=', season).where('application_id', 'in', applicationIds).where('source', 'in', ['draw', 'cascade']).execute().then((r) => new Set(r.map((x) => x.application_id)))
        : Promise.resolve(new Set<string>()),
    /** Families and seats per booking status for one country (the mission portal). */
    countrySummary: (db: Executor, season: string, country: string) =>
      db.selectFrom('bookings').select(['status', (eb) => eb.fn.countAll<number>().as('families'), (eb) => eb.fn.sum<number>('seats').as('seats')])
        .where('season', '=', season).where('country', '=', country).groupBy('status').execute(),
    /** Held bookings past their deadline, claimed so two workers never expire the same one. */
    claimDue: (db: Executor, now: Date, limit: number) =>
      db.selectFrom('bookings').selectAll().where('status', '=', 'held').where('hold_deadline', '<=', now)
        .orderBy('hold_deadline').limit(limit).forUpdate().skipLocked().execute(),
    /**
     * The capacity invariant: seats in live bookings per package and per country against
     * capacity, quota, and the counters. Any row returned is a violation.
     */
    capacityViolations: (db: Executor, season: string) =>
      sql<{ kind: string; key: string; booked: number; bound: number; counter: number }>`
        select 'package' as kind, p.id::text as key, coalesce(b.seats, 0)::int as booked, p.capacity as bound, p.seats_taken as counter
        from packages p left join (select package_id, sum(seats) as seats from bookings where status in (${sql.join([...liveStatuses])}) group by package_id) b on b.package_id = p.id
        where p.season = ${season} and (coalesce(b.seats, 0) > p.capacity or coalesce(b.seats, 0) <> p.seats_taken)
        union all
        select 'country', q.country, coalesce(b.seats, 0)::int, q.seats, q.seats_used
        from country_quotas q left join (select country, sum(seats) as seats from bookings where season = ${season} and status in (${sql.join([...liveStatuses])}) group by country) b on b.country = q.country
        where q.season = ${season} and (coalesce(b.seats, 0) > q.seats or coalesce(b.seats, 0) <> q.seats_used)`.execute(db).then((r) => r.rows),

    // The open sale and its waiting room.
    sale: (db: Executor, season: string, lock = false) => {
      const q = db.selectFrom('open_sales').selectAll().where('season', '=', season);
      return (lock ? q.forUpdate() : q).executeTakeFirst();
    },
    async upsertSale(db: Executor, row: Insertable<OpenSalesTable>) {
      await db.insertInto('open_sales').values(row)
        .onConflict((oc) => oc.column('season').doUpdateSet({ admit_per_minute: row.admit_per_minute, first_batch: row.first_batch, token_minutes: row.token_minutes, hold_minutes: row.hold_minutes }))
        .execute();
    },
    async ensureSale(db: Executor, row: Insertable<OpenSalesTable>) {
      await db.insertInto('open_sales').values(row).onConflict((oc) => oc.column('season').doNothing()).execute();
    },
    queueEntry: (db: Executor, season: string, accountId: string) =>
      db.selectFrom('sale_queue').selectAll().where('season', '=', season).where('account_id', '=', accountId).executeTakeFirst(),
    /** Joins before the opening: no place yet. Answers false if already in the queue. */
    joinEarly: (db: Executor, season: string, accountId: string, now: Date) =>
      db.insertInto('sale_queue').values({ season, account_id: accountId, arrived_at: now, position: null })
        .onConflict((oc) => oc.columns(['season', 'account_id']).doNothing()).execute(),
    /** Joins after the opening: the next place, from the sale's counter. */
    async joinLate(db: Executor, season: string, accountId: string, now: Date) {
      const next = await db.updateTable('open_sales').set((eb) => ({ next_position: eb('next_position', '+', 1) })).where('season', '=', season).returning('next_position').executeTakeFirstOrThrow();
      await db.insertInto('sale_queue').values({ season, account_id: accountId, arrived_at: now, position: next.next_position - 1 }).execute();
    },
    /**
     * The opening: every early arrival gets a place in the order of SHA-256(seed ‖ account id),
     * a seed nobody knew while they were arriving. One statement.
     */
    async orderEarlyArrivals(db: Executor, season: string, seed: string, now: Date) {
      await sql`update sale_queue q set position = o.place
        from (select account_id, row_number() over (order by sha256(convert_to(${seed} || account_id::text, 'UTF8'))) as place
              from sale_queue where season = ${season} and position is null) o
        where q.season = ${season} and q.account_id = o.account_id`.execute(db);
      const early = await db.selectFrom('sale_queue').select((eb) => eb.fn.countAll<number>().as('n')).where('season', '=', season).executeTakeFirstOrThrow();
      await db.updateTable('open_sales').set({ order_seed: seed, ordered_at: now, early_count: Number(early.n), next_position: Number(early.n) + 1 }).where('season', '=', season).execute();
    },
    queueLength: (db: Executor, season: string) =>
      db.selectFrom('sale_queue').select((eb) => eb.fn.countAll<number>().as('n')).where('season', '=', season).executeTakeFirstOrThrow().then((r) => Number(r.n)),

  };
}
