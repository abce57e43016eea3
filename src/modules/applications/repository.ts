import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { DemandDelta } from './domain/demand.ts';
import type { ApplicationMembersTable, ApplicationsTable } from './tables.ts';

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
    /** Locks an application and reads its members in one round trip. */
    async lockWithMembers(db: Executor, id: string) {
      const rows = await db
        .selectFrom('applications as a')
        .innerJoin('application_members as m', 'm.application_id', 'a.id')
        .select(['a.id', 'a.season', 'a.admin_account_id', 'a.country', 'a.version', 'm.account_id', 'm.role', 'm.added_at'])
        .where('a.id', '=', id)
        .orderBy('m.added_at')
        .forUpdate('a')
        .execute();
      const first = rows[0];
      if (!first) return undefined;
      const { id: appId, season, admin_account_id, country, version } = first;
      return { app: { id: appId, season, admin_account_id, country, version }, members: rows.map((r) => ({ account_id: r.account_id, role: r.role })) };
    },
    find(db: Executor, id: string, forUpdate = false) {
      let q = db.selectFrom('applications').selectAll().where('id', '=', id);
      if (forUpdate) q = q.forUpdate();
      return q.executeTakeFirst();
    },
    /** The application a person is in for a season, if any. */
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
    /** Replaces the ranking; returns the one it replaced (one statement for both). */
    async replacePreferences(db: Executor, id: string, ranking: { packageId: string; version: number }[]) {
      const before = await db.deleteFrom('application_preferences').where('application_id', '=', id).returning(['package_id', 'rank']).execute();
      if (ranking.length > 0) {
        await db
          .insertInto('application_preferences')
          .values(ranking.map((r, i) => ({ application_id: id, rank: i + 1, package_id: r.packageId, package_version: r.version })))
          .execute();
      }
      return before;
    },

    /** Moves the demand counters (deltas come sorted by package: the lock order). */
    async applyDemand(db: Executor, key: { season: string; country: string; shard: number }, deltas: DemandDelta[]) {
      if (deltas.length === 0) return;
      await db
        .insertInto('package_demand')
        .values(deltas.map((d) => ({ package_id: d.packageId, country: key.country, shard: key.shard, season: key.season, first_choice_seats: d.first, any_choice_seats: d.any, families: d.families })))
        .onConflict((oc) =>
          oc.columns(['package_id', 'country', 'shard']).doUpdateSet((eb) => ({
            first_choice_seats: eb('package_demand.first_choice_seats', '+', eb.ref('excluded.first_choice_seats')),
            any_choice_seats: eb('package_demand.any_choice_seats', '+', eb.ref('excluded.any_choice_seats')),
            families: eb('package_demand.families', '+', eb.ref('excluded.families')),
          })),
        )
        .execute();
    },

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
