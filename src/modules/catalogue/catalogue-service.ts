import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { Db, Executor } from '../../db/database.ts';
import type { GuardMode } from '../../db/counters.ts';
import { pickText } from './domain/listing.ts';
import type { PriceLine } from '../../common/pricing.ts';
import { riyadhDate } from '../../core/dates.ts';
import { createCatalogueRepository, type CatalogueRow } from './catalogue-repository.ts';
import { presentCatalogueItem, type CatalogueScorecard, type CatalogueItem } from './presenters.ts';
import type { CatalogueFilter } from './schemas.ts';

export const COMPARE_MAX = 5;

function present(row: CatalogueRow, language: string): CatalogueItem {
  return presentCatalogueItem(
    row,
    row,
    { id: row.provider_id, nameAr: row.provider_name_ar, nameEn: row.provider_name_en, licenceNumber: row.provider_licence_number },
    language,
  );
}

/** The public catalogue: what is on sale today, filtered, sorted, compared. */
export function createCatalogueService(deps: { db: Db; clock: Clock; scorecards?: (providerIds: string[]) => Promise<Map<string, CatalogueScorecard>> }) {
  const repo = createCatalogueRepository();
  const today = () => riyadhDate(deps.clock.now());
  /** Fills each entry's scorecard slot from the observatory (given by the composition root). */
  async function withScorecards(items: CatalogueItem[]) {
    if (!deps.scorecards || !items.length) return items;
    const cards = await deps.scorecards([...new Set(items.map((i) => i.provider.id))]);
    for (const i of items) i.scorecard = cards.get(i.provider.id) ?? null;
    return items;
  }

  return {
    /**
     * One page of packages on sale.
     * @example await catalogue.search({ country: 'FR', camp: 'A,B', sort: 'price_asc', limit: 20, offset: 0 }, 'en')
     */
    async search(filter: CatalogueFilter, language: string): Promise<{ items: CatalogueItem[]; total: number }> {
      const rows = await repo.page(deps.db.kysely, filter, today());
      return { items: await withScorecards(rows.map((r) => present(r, language))), total: rows[0]?.total_count ?? 0 };
    },

    /** One package on sale, for its public page. */
    async get(id: string, language: string): Promise<CatalogueItem> {
      const [row] = await repo.byIds(deps.db.kysely, [id], today());
      if (!row) throw new AppError('package.not_found');
      return (await withScorecards([present(row, language)]))[0]!;
    },

    /** What another module needs to check a choice of packages: only those on sale today appear. */
    async packageFacts(executor: Executor, ids: string[]) {
      const rows = ids.length ? await repo.factsByIds(executor, ids, today()) : [];
      return new Map(rows.map((r) => [r.id, { id: r.id, onSale: true, season: r.season, capacity: r.capacity, seatsLeft: r.capacity - r.seats_taken, total: Number(r.total), providerId: r.provider_id, eligibleCountries: r.eligible_countries, version: r.version }]));
    },

    /** Takes seats of packages without ever passing their capacity; answers the package that is full, or null. */
    takeSeats: (executor: Executor, items: { packageId: string; seats: number }[], mode?: GuardMode) => repo.takeSeats(executor, items, mode),
    releaseSeats: (executor: Executor, items: { packageId: string; seats: number }[]) => repo.releaseSeats(executor, items),

    /** Every package of a provider, whatever its state. */
    packageIdsOf: (executor: Executor, providerId: string) => repo.idsOfProvider(executor, providerId),

    /** What one person pays for a package version, and to which provider. */
    async priceOf(executor: Executor, packageId: string, version: number) {
      const row = await repo.priceOf(executor, packageId, version);
      return row && { subtotal: Number(row.subtotal), vat: Number(row.vat), total: Number(row.total), providerId: row.provider_id, lines: row.price_lines as PriceLine[] };
    },

    /** Package titles in a language (with fallback), whatever the package's state. */
    async titles(executor: Executor, ids: string[], language: string) {
      const rows = ids.length ? await repo.titles(executor, [...new Set(ids)]) : [];
      return new Map(rows.map((r) => [r.id, pickText(r.title, language).text]));
    },

    /** Package titles in every language at once: answers the title of a package in a language (with fallback). */
    async titlesInAnyLanguage(executor: Executor, ids: string[]) {
      const rows = ids.length ? await repo.titles(executor, [...new Set(ids)]) : [];
      const texts = new Map(rows.map((r) => [r.id, r.title]));
      return (id: string, language: string) => { const t = texts.get(id); return t ? pickText(t, language).text : ''; };
    },

    /** Published packages of a season with seats left, for the open sale. */
    async withSeatsLeft(season: string, country: string, language: string) {
      const rows = await repo.withSeatsLeft(deps.db.kysely, season, country, today());
      return rows.map((r) => ({ packageId: r.id, title: pickText(r.title, language).text, capacity: r.capacity, seatsLeft: r.capacity - r.seats_taken, total: r.total }));
    },

    /** Side by side, in the order asked, 2 to 5 packages, each still on sale. */
    async compare(ids: string[], language: string): Promise<CatalogueItem[]> {
      const unique = [...new Set(ids)];
      if (unique.length < 2 || unique.length > COMPARE_MAX) throw new AppError('package.compare_limit', { max: COMPARE_MAX });
      const rows = await repo.byIds(deps.db.kysely, unique, today());
      const byId = new Map(rows.map((r) => [r.id, r]));
      return unique.map((id) => {
        const row = byId.get(id);
        if (!row) throw new AppError('package.not_found');
        return present(row, language);
      });
    },
  };
}
export type CatalogueService = ReturnType<typeof createCatalogueService>;
