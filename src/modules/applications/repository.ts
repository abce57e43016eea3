import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { auditInsert } from '../audit/index.ts';
import type { DemandDelta } from './domain/demand.ts';
import type { CounterDelta, LockedApplication } from './domain/ranking-batch.ts';
import type { ApplicationMembersTable, ApplicationsTable } from './tables.ts';
import { explainConstraints } from '../../db/constraint-errors.ts';

// What this module's constraints mean when a race breaks one (src/db/constraint-errors.ts).
explainConstraints({ application_members_season_account_id_key: ['application.already_applied', { name: '' }] });

/** The only place that queries applications, members and preferences. */
export function createApplicationsRepository() {
  return {
    /** Every application of a season with at least one ranked package: members and choices in order. */
    drawCandidates: (db: Executor, season: string) =>
      sql<{ id: string; country: string; admin_account_id: string; created_at: Date; members: string[]; choices: string[] }>`
        select a.id, a.country, a.admin_account_id, a.created_at,
               (select array_agg(m.account_id order by m.account_id) from application_members m where m.application_id = a.id) as members,
               (select array_agg(p.package_id order by p.rank) from application_preferences p where p.application_id = a.id) as choices
        from applications a
        where a.season = ${season} and exists (select 1 from application_preferences p where p.application_id = a.id)
        order by a.id`.execute(db).then((r) => r.rows),
    async insert(db: Executor, row: Insertable<ApplicationsTable>) {
      await db.insertInto('applications').values(row).execute();
    },
    /** Locks applications in id order (the lock order) and reads their members and ranking, in one round trip. */
    lockMany: (db: Executor, ids: string[]): Promise<LockedApplication[]> =>
      db
        .selectFrom('applications as a')
        .select((eb) => [
          'a.id',
          'a.season',
          'a.admin_account_id',
          'a.country',
          'a.version',
          eb.fn<string[]>('array', [eb.selectFrom('application_members as m').select('m.account_id').whereRef('m.application_id', '=', 'a.id').orderBy('m.added_at')]).as('members'),
          eb.fn<string[]>('array', [eb.selectFrom('application_preferences as p').select('p.package_id').whereRef('p.application_id', '=', 'a.id').orderBy('p.rank')]).as('ranking'),
        ])
        .where(sql<boolean>`a.id = any(${ids}::uuid[])`)
        .orderBy('a.id')
        .forUpdate()
        .execute()
        .then((rows) => rows.map((a) => ({ id: a.id, season: a.season, adminAccountId: a.admin_account_id, country: a.country, version: a.version, members: a.members, ranking: a.ranking }))),
    /**
     * Writes the rankings of locked applications: the previous rankings go, the
     * demand counters move, the versions go up and the audit records are
     * written in one statement; the new rankings follow in a second (a package
     * may change rank, and the rows it replaces must be gone first).
     */
    async writeRankings(
      db: Executor,
      change: { rankings: { applicationId: string; ranking: { packageId: string; version: number }[] }[]; demand: CounterDelta[]; audit: ReturnType<typeof auditInsert>; now: Date },
    ) {
      // Columns travel as one array parameter each (unnest): a batch costs the same few parameters
      // to build, send and plan whatever its size.
      const ids = change.rankings.map((r) => r.applicationId);
      await sql`
        with gone as (delete from application_preferences where application_id = any(${ids}::uuid[])),
        bumped as (update applications set version = version + 1, updated_at = ${change.now} where id = any(${ids}::uuid[])),
        audited as (${change.audit}),
        counted as (${counterUpsert(change.demand)})
        select 1`.execute(db);
      const rows = change.rankings.flatMap((r) => r.ranking.map((p, i) => ({ applicationId: r.applicationId, rank: i + 1, packageId: p.packageId, version: p.version })));
      if (rows.length > 0) {
        await sql`
          insert into application_preferences (application_id, rank, package_id, package_version)
          select * from unnest(${rows.map((r) => r.applicationId)}::uuid[], ${rows.map((r) => r.rank)}::int[], ${rows.map((r) => r.packageId)}::uuid[], ${rows.map((r) => r.version)}::int[])`.execute(db);
      }
    },
    find: (db: Executor, id: string) => db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst(),
    /** The application a person is in for a season, if any. */
    membershipsOf: (db: Executor, accountId: string) =>
      db.selectFrom('application_members as m').innerJoin('applications as a', 'a.id', 'm.application_id')
        .select(['m.season', 'm.application_id', 'm.role', 'a.country']).where('m.account_id', '=', accountId).orderBy('m.season', 'desc').execute(),
    /** Every application (any season) an account is a member of. */
    applicationsOfAccount: async (db: Executor, accountId: string) =>
      (await db.selectFrom('application_members').select('application_id').where('account_id', '=', accountId).execute()).map((r) => r.application_id),
    /** The family each of some accounts is in for a season (admin and members in the order they joined), in one statement. */
    familiesOf: (db: Executor, season: string, accountIds: readonly string[]) =>
      accountIds.length
        ? sql<{ account_id: string; id: string; season: string; country: string; admin_account_id: string; members: string[] }>`
            select m.account_id, a.id, a.season, a.country, a.admin_account_id,
                   array(select mm.account_id from application_members mm where mm.application_id = a.id order by mm.added_at, mm.account_id) as members
            from application_members m join applications a on a.id = m.application_id
            where m.season = ${season} and m.account_id = any(${[...accountIds]}::uuid[])`.execute(db).then((r) => r.rows)
        : Promise.resolve([]),
    applicationOf: (db: Executor, season: string, accountId: string) =>
      db.selectFrom('application_members').select('application_id').where('season', '=', season).where('account_id', '=', accountId).executeTakeFirst(),
    async bump(db: Executor, id: string, now: Date) {
      await db.updateTable('applications').set((eb) => ({ version: eb('version', '+', 1), updated_at: now })).where('id', '=', id).execute();
    },
    members: (db: Executor, id: string) =>
      db.selectFrom('application_members').selectAll().where('application_id', '=', id).orderBy('added_at').execute(),
    async addMember(db: Executor, row: Insertable<ApplicationMembersTable>) {
      await db.insertInto('application_members').values(row).execute();
    },
    async removeMember(db: Executor, id: string, accountId: string) {
      await db.deleteFrom('application_members').where('application_id', '=', id).where('account_id', '=', accountId).execute();
    },
    preferences: (db: Executor, id: string) =>
      db.selectFrom('application_preferences').selectAll().where('application_id', '=', id).orderBy('rank').execute(),
    /** Moves the demand counters of one family (deltas come sorted by package: the lock order). */
    applyDemand: (db: Executor, key: { season: string; country: string; shard: number }, deltas: DemandDelta[]) =>
      applyCounterDeltas(db, deltas.map((d) => ({ ...d, ...key }))),


    /**
     * Read model (joins the catalogue's `packages` for capacity and title):
     * live demand per package from the counters.
     */
    popularity: (db: Executor, season: string, country?: string) => {
      let q = db
        .selectFrom('package_demand as d')
        .innerJoin('packages as pk', 'pk.id', 'd.package_id')
        .innerJoin('package_versions as pv', (j) => j.onRef('pv.package_id', '=', 'pk.id').onRef('pv.version', '=', 'pk.current_version'))
        .select([
          'd.package_id',
          'pk.capacity',
          'pv.title',
          sql<number>`sum(d.first_choice_seats)`.as('first_choice_seats'),
          sql<number>`sum(d.any_choice_seats)`.as('any_choice_seats'),
          sql<number>`sum(d.families)`.as('families'),
        ])
        .where('d.season', '=', season);
      if (country) q = q.where('d.country', '=', country);
      return q.groupBy(['d.package_id', 'pk.capacity', 'pv.title']).having(sql<number>`sum(d.families)`, '>', 0).orderBy('d.package_id').execute();
    },

    /** The same figures recomputed from the applications themselves: the counters' invariant check. */
    popularityFromRecords: (db: Executor, season: string, country?: string) => {
      let q = db
        .selectFrom('application_preferences as p')
        .innerJoin('applications as a', 'a.id', 'p.application_id')
        .innerJoin(
          (eb) => eb.selectFrom('application_members').select(['application_id', (e) => e.fn.countAll<number>().as('size')]).groupBy('application_id').as('m'),
          (j) => j.onRef('m.application_id', '=', 'p.application_id'),
        )
        .select([
          'p.package_id',
          sql<number>`sum(case when p.rank = 1 then m.size else 0 end)`.as('first_choice_seats'),
          sql<number>`sum(m.size)`.as('any_choice_seats'),
          sql<number>`count(*)`.as('families'),
        ])
        .where('a.season', '=', season);
      if (country) q = q.where('a.country', '=', country);
      return q.groupBy('p.package_id').orderBy('p.package_id').execute();
    },

    /** A country's applications with their sizes (for its mission). */
    countryApplications: (db: Executor, season: string, country: string) =>
      db
        .selectFrom('applications as a')
        .innerJoin('application_members as m', 'm.application_id', 'a.id')
        .select(['a.id', 'm.account_id'])
        .where('a.season', '=', season)
        .where('a.country', '=', country)
        .execute(),
  };
}

/** Moves demand counter rows (given in the lock order: package, country, shard). */
async function applyCounterDeltas(db: Executor, deltas: CounterDelta[]) {
  if (deltas.length > 0) await counterUpsert(deltas).execute(db);
}

/** Adds deltas to counter rows, creating the missing ones; unnest keeps the order given, which is the lock order. */
function counterUpsert(deltas: readonly CounterDelta[]) {
  const col = <V>(pick: (d: CounterDelta) => V) => deltas.map(pick);
  return sql`
    insert into package_demand (package_id, country, shard, season, first_choice_seats, any_choice_seats, families)
    select * from unnest(
      ${col((d) => d.packageId)}::uuid[], ${col((d) => d.country)}::text[], ${col((d) => d.shard)}::smallint[], ${col((d) => d.season)}::text[],
      ${col((d) => d.first)}::int[], ${col((d) => d.any)}::int[], ${col((d) => d.families)}::int[])
    on conflict (package_id, country, shard) do update set
      first_choice_seats = package_demand.first_choice_seats + excluded.first_choice_seats,
      any_choice_seats = package_demand.any_choice_seats + excluded.any_choice_seats,
      families = package_demand.families + excluded.families`;
}
