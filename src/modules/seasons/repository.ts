import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { releaseBounded, takeBounded, type BoundedCounter, type GuardMode } from '../../db/counters.ts';
import type { EligibilityRule } from './domain/eligibility.ts';
import type { SeasonsTable } from './tables.ts';

/** The only place that queries the seasons module's tables. */
/** Seats used of a country's quota in a season, bounded by its seats (docs/algorithms/capacity.md). */
export const quotaSeats = (season: string): BoundedCounter => ({ table: 'country_quotas', used: 'seats_used', bound: 'seats', key: (country) => ({ season, country }) });

export function createSeasonsRepository() {
  return {
    /** Uses seats of a country's quota without ever passing it; answers the country that is full, or null. */
    useQuota: (db: Executor, season: string, items: { country: string; seats: number }[], mode?: GuardMode) =>
      takeBounded(db, quotaSeats(season), items.map((i) => ({ key: i.country, n: i.seats })), mode),
    releaseQuota: (db: Executor, season: string, items: { country: string; seats: number }[]) =>
      releaseBounded(db, quotaSeats(season), items.map((i) => ({ key: i.country, n: i.seats }))),
    find: (db: Executor, code: string) => db.selectFrom('seasons').selectAll().where('code', '=', code).executeTakeFirst(),
    list: (db: Executor) => db.selectFrom('seasons').selectAll().orderBy('code', 'desc').execute(),

    /** Inserts or replaces a season's calendar; returns whether it was new. */
    async upsert(db: Executor, row: Insertable<SeasonsTable>): Promise<boolean> {
      const existing = await db.selectFrom('seasons').select('code').where('code', '=', row.code).forUpdate().executeTakeFirst();
      if (existing) {
        const { code, created_at: _created, ...rest } = row;
        await db.updateTable('seasons').set(rest).where('code', '=', code).execute();
        return false;
      }
      await db.insertInto('seasons').values(row).execute();
      return true;
    },

    programmeCountries: (db: Executor) => db.selectFrom('programme_countries').select('code').orderBy('code').execute().then((r) => r.map((x) => x.code)),
    async addCountry(db: Executor, code: string, now: Date) {
      await db.insertInto('programme_countries').values({ code, added_at: now }).onConflict((oc) => oc.doNothing()).execute();
    },
    async removeCountry(db: Executor, code: string) {
      await db.deleteFrom('country_quotas').where('country', '=', code).where('seats', '=', 0).execute();
      const result = await db.deleteFrom('programme_countries').where('code', '=', code).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    seatsHeldBy: (db: Executor, country: string) =>
      db.selectFrom('country_quotas').select(['season', 'seats']).where('country', '=', country).where('seats', '>', 0).executeTakeFirst(),

    quotaUsage: (db: Executor, season: string) =>
      db.selectFrom('country_quotas').select(['country', 'seats', 'seats_used']).where('season', '=', season).orderBy('country').execute(),
    quotas: (db: Executor, season: string) =>
      db.selectFrom('country_quotas').select(['country', 'seats', 'updated_at']).where('season', '=', season).orderBy('country').execute(),
    async setQuotas(db: Executor, season: string, rows: { country: string; seats: number }[], now: Date) {
      if (rows.length === 0) return;
      await db
        .insertInto('country_quotas')
        .values(rows.map((r) => ({ season, country: r.country, seats: r.seats, updated_at: now })))
        .onConflict((oc) => oc.columns(['season', 'country']).doUpdateSet((eb) => ({ seats: eb.ref('excluded.seats'), updated_at: eb.ref('excluded.updated_at') })))
        .execute();
    },

    latestRules: (db: Executor, season: string) =>
      db.selectFrom('eligibility_rules').selectAll().where('season', '=', season).orderBy('version', 'desc').limit(1).executeTakeFirst(),
    async insertRules(db: Executor, season: string, version: number, rules: EligibilityRule[], createdBy: string | null, now: Date) {
      await db.insertInto('eligibility_rules').values({ season, version, rules: JSON.stringify(rules), created_by: createdBy, created_at: now }).execute();
    },
  };
}
