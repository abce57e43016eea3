import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { releaseBounded, takeBounded, type BoundedCounter, type GuardMode } from '../../db/counters.ts';
import type { CatalogueFilter } from './schemas.ts';

const sorts = {
  price_asc: [['v.total', 'asc']],
  price_desc: [['v.total', 'desc']],
  distance: [['v.makkah_distance_m', 'asc'], ['v.total', 'asc']],
  newest: [['p.published_at', 'desc']],
} as const;

/**
 * Read model of the public catalogue. It joins the providers module's table
 * on purpose: a package is on sale only while its provider's licence is valid
 * today, so suspending a provider takes all its packages off sale at once.
 */
/** Seats taken of a package, bounded by its capacity (docs/algorithms/capacity.md). */
export const packageSeats: BoundedCounter = { table: 'packages', used: 'seats_taken', bound: 'capacity', key: (id) => ({ id }) };

export function createCatalogueRepository() {
  function onSale(db: Executor, today: string) {
    return db
      .selectFrom('packages as p')
      .innerJoin('package_versions as v', (j) => j.onRef('v.package_id', '=', 'p.id').onRef('v.version', '=', 'p.current_version'))
      .innerJoin('providers as pr', 'pr.id', 'p.provider_id')
      .selectAll('v')
      .select([
        'p.id',
        'p.season',
        'p.capacity',
        'p.seats_taken',
        'p.published_at',
        'pr.id as provider_id',
        'pr.legal_name_ar as provider_name_ar',
        'pr.legal_name_en as provider_name_en',
        'pr.licence_number as provider_licence_number',
      ])
      .where('p.status', '=', 'published')
      .where('pr.status', '=', 'licensed')
      .where('pr.licence_valid_from', '<=', today)
      .where('pr.licence_valid_to', '>=', today);
  }

  /** The query for one filtered, sorted page, with the total in a window column. */
  function pageQuery(db: Executor, filter: CatalogueFilter, today: string) {
    let q = onSale(db, today).select(sql<number>`count(*) over ()`.as('total_count'));
    if (filter.country) q = q.where(sql<boolean>`v.eligible_countries @> array[${filter.country.toUpperCase()}]::text[]`);
    if (filter.season) q = q.where('p.season', '=', filter.season);
    if (filter.minPrice !== undefined) q = q.where('v.total', '>=', filter.minPrice);
    if (filter.maxPrice !== undefined) q = q.where('v.total', '<=', filter.maxPrice);
    if (filter.camp) q = q.where('v.mina_camp', 'in', filter.camp.split(',') as ('A' | 'B' | 'C' | 'D')[]);
    if (filter.maxDistance !== undefined) q = q.where('v.makkah_distance_m', '<=', filter.maxDistance);
    if (filter.type) q = q.where('v.type', '=', filter.type);
    if (filter.language) q = q.where(sql<boolean>`v.guidance_languages @> array[${filter.language}]::text[]`);
    if (filter.provider) q = q.where('p.provider_id', '=', filter.provider);
    for (const [column, direction] of sorts[filter.sort]) q = q.orderBy(column, direction);
    return q.orderBy('p.id').limit(filter.limit).offset(filter.offset);
  }

  return {
    /** Takes seats of packages without ever passing their capacity; answers the package that is full, or null. */
    takeSeats: (db: Executor, items: { packageId: string; seats: number }[], mode?: GuardMode) =>
      takeBounded(db, packageSeats, items.map((i) => ({ key: i.packageId, n: i.seats })), mode),
    releaseSeats: (db: Executor, items: { packageId: string; seats: number }[]) =>
      releaseBounded(db, packageSeats, items.map((i) => ({ key: i.packageId, n: i.seats }))),
    pageQuery,
    page: (db: Executor, filter: CatalogueFilter, today: string) => pageQuery(db, filter, today).execute(),
    byIdsQuery: (db: Executor, ids: string[], today: string) => onSale(db, today).where('p.id', 'in', ids),
    /** Only what a choice of packages is checked against (the hot path of ranking). */
    factsByIds: (db: Executor, ids: string[], today: string) =>
      onSale(db, today).clearSelect().select(['p.id', 'p.season', 'p.capacity', 'p.seats_taken', 'v.version', 'v.eligible_countries', 'v.total', 'p.provider_id']).where('p.id', 'in', ids).execute(),
    idsOfProvider: (db: Executor, providerId: string) => db.selectFrom('packages').select('id').where('provider_id', '=', providerId).execute().then((r) => r.map((x) => x.id)),
    priceOf: (db: Executor, packageId: string, version: number) =>
      db.selectFrom('package_versions as v').innerJoin('packages as p', 'p.id', 'v.package_id').select(['v.subtotal', 'v.vat', 'v.total', 'v.price_lines', 'p.provider_id'])
        .where('v.package_id', '=', packageId).where('v.version', '=', version).executeTakeFirst(),
    titles: (db: Executor, ids: string[]) =>
      db.selectFrom('packages as p').innerJoin('package_versions as v', (j) => j.onRef('v.package_id', '=', 'p.id').onRef('v.version', '=', 'p.current_version'))
        .select(['p.id', 'v.title']).where('p.id', 'in', ids).execute(),
    withSeatsLeft: (db: Executor, season: string, country: string, today: string) =>
      onSale(db, today).where('p.season', '=', season).where(sql<boolean>`${country} = any(v.eligible_countries)`).where(sql<boolean>`p.seats_taken < p.capacity`).orderBy('v.total').orderBy('p.id').limit(500).execute(),
    byIds: (db: Executor, ids: string[], today: string) => onSale(db, today).where('p.id', 'in', ids).execute(),
  };
}
export type CatalogueRow = Awaited<ReturnType<ReturnType<typeof createCatalogueRepository>['byIds']>>[number];
