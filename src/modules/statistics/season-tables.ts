import { isDeepStrictEqual } from 'node:util';
import type { Clock } from '../../core/clock.ts';
import { countryName } from '../../core/countries.ts';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { regions, suppress, type SeasonFigures, type StatTable } from '../../common/statistics.ts';
import { seasonDays } from './domain/season.ts';
import { countryTables, tabulate, type CubeRow } from './domain/tabulate.ts';
import type { Reference } from './reference.ts';
import type { StatisticsRepository } from './repository.ts';

export type Disclosure = 'public' | 'full';
const regionNames: Record<(typeof regions)[number], { en: string; ar: string }> = {
  arab: { en: 'Arab countries', ar: 'الدول العربية' },
  asia: { en: 'Asian countries (non-Arab)', ar: 'الدول الآسيوية (غير العربية)' },
  africa: { en: 'African countries (non-Arab)', ar: 'الدول الأفريقية (غير العربية)' },
  europeAmericasOceania: { en: 'Europe, the Americas, Australia and others', ar: 'أوروبا والأمريكتان وأستراليا ودول أخرى' },
};

/**
 * Reading a season's tables. The records are counted once per change (the
 * cube, kept with the version it was counted at); every read builds the
 * tables from the cube, and anyone outside the ministry and the statistics
 * authority gets them with the small-cell rule applied.
 */
export function seasonTableUseCases(deps: { db: Db; clock: Clock; repo: StatisticsRepository; reference: () => Reference; officialFigures: () => SeasonFigures[] }) {
  const { db, clock, repo } = deps;

  /** The season's cube at its current version: the one kept, or counted now (consistent: one snapshot). */
  async function cubeOf(season: string): Promise<{ cube: CubeRow[]; computedAt: Date }> {
    seasonDays(season);
    const state = await repo.season(db.kysely, season);
    if (!state) throw new AppError('statistics.no_records', { season });
    if (state.status === 'building') throw new AppError('statistics.season_building', { season, done: state.build_done ?? 0, total: state.build_total ?? 0 });
    if (state.tables_version === state.version && state.tables) return { cube: (state.tables as { cube: CubeRow[] }).cube, computedAt: state.computed_at! };
    const counted = await db.kysely.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      const now = await repo.season(trx, season);
      // PGlite runs on the JavaScript thread: three shorter statements let the process breathe between them.
      return { version: now!.version, cube: await repo.cube(trx, season, { statementPerPart: db.engine === 'pglite' }) };
    });
    const computedAt = clock.now();
    await repo.saveTables(db.kysely, season, counted.version, { cube: counted.cube }, computedAt);
    return { cube: counted.cube, computedAt };
  }

  const hide = (tables: StatTable[], disclosure: Disclosure) => (disclosure === 'full' ? tables : tables.map(suppress));

  /** Names for the codes the tables use, in Arabic and English. */
  function labels(tables: StatTable[]) {
    const ref = deps.reference();
    const nationalities = new Set(tables.flatMap((t) => (t.dimensions.includes('nationality') ? t.cells.map((c) => c.key[t.dimensions.indexOf('nationality')]!) : [])));
    return {
      region: regionNames,
      entryPort: Object.fromEntries(ref.ports.map((p) => [p.code, { ...p.name, mode: p.mode }])),
      nationality: Object.fromEntries([...nationalities].sort().map((c) => [c, { en: countryName(c, 'en'), ar: countryName(c, 'ar') }])),
    };
  }

  async function seasonTables(season: string, disclosure: Disclosure) {
    const days = seasonDays(season);
    const { cube, computedAt } = await cubeOf(season);
    const result = tabulate(season, days.gregorianYear, cube, deps.reference().regionOf);
    const tables = hide(result.tables, disclosure);
    return {
      season, hijriYear: days.year, gregorianYear: days.gregorianYear, dayOfArafah: days.arafah, disclosure,
      records: result.figures.total, sources: result.sources, computedAt: computedAt.toISOString(), tables, labels: labels(tables),
      figures: result.figures,
    };
  }

  return {
    seasonTables,

    /** The official tables in exactly the format of data/hajj-seasons.json (no cell withheld: ministry, statistics, CLI). */
    async figures(season: string): Promise<SeasonFigures> {
      return (await seasonTables(season, 'full')).figures;
    },

    /** One nationality's tables, for its mission (the small-cell rule applies). */
    async countryTables(season: string, country: string) {
      const days = seasonDays(season);
      const { cube, computedAt } = await cubeOf(season);
      const tables = countryTables(cube, country).map(suppress);
      return { season, hijriYear: days.year, gregorianYear: days.gregorianYear, dayOfArafah: days.arafah, country, computedAt: computedAt.toISOString(), tables, labels: labels(tables) };
    },

    /**
     * Every season with records, newest first, for year-on-year charts: its
     * figures from the records (null while building, or when one of them is
     * a small count), the official figures where data/hajj-seasons.json has
     * them, and whether the two agree.
     */
    async seasons() {
      const official = deps.officialFigures();
      const rows = await repo.seasons(db.kysely);
      const out = [];
      const codes = [...new Set([...rows.map((r) => r.season), ...official.map((o) => o.season)])].sort().reverse();
      for (const season of codes) {
        const state = rows.find((r) => r.season === season);
        const published = official.find((o) => o.season === season) ?? null;
        let figures: SeasonFigures | null = null;
        if (state?.status === 'complete') {
          const f = await seasonTables(season, 'full').then((t) => t.figures, () => null);
          const numbers = f ? [f.total, ...Object.values(f.residence), ...Object.values(f.gender), ...Object.values(f.foreignByRegion), ...Object.values(f.foreignByArrival), f.makkahRoute] : [];
          figures = f && numbers.every((n) => n === 0 || n >= 10) ? f : null;
        }
        const days = seasonDays(season);
        out.push({
          season, hijriYear: days.year, gregorianYear: days.gregorianYear,
          status: state ? state.status : ('none' as const),
          build: state?.status === 'building' ? { done: state.build_done ?? 0, total: state.build_total ?? 0 } : null,
          figures, official: published, matchesOfficial: figures && published ? isDeepStrictEqual(figures, published) : null,
        });
      }
      return out;
    },
  };
}
export type SeasonTableUseCases = ReturnType<typeof seasonTableUseCases>;
