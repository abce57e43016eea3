import { AppError } from '../../core/errors.ts';
import { suppress, type Gender, type Residence, type StatTable } from '../../common/statistics.ts';
import type { Reference } from './reference.ts';

/**
 * What the Umrah statistics read from the permit records: the read model the
 * permits module provides (permitStatisticsSource, wired in src/services.ts;
 * docs/statistics.md, "Umrah"). Counts are of people,
 * not permits: a person who used several permits in a month counts once in it.
 */
export interface PermitStatisticsSource {
  /** People who used a permit of `site` in each Gregorian month of `year`, by gender, nationality and residence. */
  visitorsByMonth(site: 'umrah' | 'rawdah', year: number): Promise<{ month: string; gender: Gender; nationality: string; residence: Residence; people: number }[]>;
  /** Distinct people from abroad who performed Umrah in `year` (what the targets count). */
  foreignUmrahPilgrims(year: number): Promise<number>;
}


const FIRST_YEAR = 2019;
const LAST_YEAR = 2035;

/** Umrah performers and Rawdah visitors by month, gender and nationality, against the targets kept as data. */
export function umrahUseCases(deps: { source: PermitStatisticsSource | null; reference: () => Reference }) {
  const table = (id: string, rows: { key: string[]; n: number }[], dims: StatTable['dimensions']): StatTable => {
    const cells = new Map<string, { key: string[]; value: number }>();
    for (const r of rows) {
      const k = r.key.join('\u0000');
      (cells.get(k) ?? cells.set(k, { key: r.key, value: 0 }).get(k)!).value += r.n;
    }
    const list = [...cells.values()].sort((a, b) => a.key.join().localeCompare(b.key.join()));
    return suppress({ id, dimensions: dims, population: 'all', total: list.reduce((s, c) => s + c.value, 0), totalFlag: null, cells: list.map((c) => ({ ...c, flag: null })) });
  };

  return {
    async year(year: number) {
      if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) throw new AppError('statistics.no_umrah_year', { year });
      const targets = deps.reference().umrahTargets;
      const target = targets.find((t) => t.year === year)?.foreignUmrahPilgrims ?? null;
      if (!deps.source) return { year, available: false, targets, target, foreignUmrahPilgrims: null, shareOfTarget: null, tables: [] as StatTable[] };
      const [umrah, rawdah, foreign] = await Promise.all([deps.source.visitorsByMonth('umrah', year), deps.source.visitorsByMonth('rawdah', year), deps.source.foreignUmrahPilgrims(year)]);
      const tables = [
        table('umrah_by_month_gender', umrah.map((r) => ({ key: [r.month, r.gender], n: r.people })), ['month', 'gender']),
        table('umrah_by_month_nationality', umrah.map((r) => ({ key: [r.month, r.nationality], n: r.people })), ['month', 'nationality']),
        table('umrah_by_month_residence', umrah.map((r) => ({ key: [r.month, r.residence], n: r.people })), ['month', 'residence']),
        table('rawdah_by_month_gender', rawdah.map((r) => ({ key: [r.month, r.gender], n: r.people })), ['month', 'gender']),
        table('rawdah_by_month_nationality', rawdah.map((r) => ({ key: [r.month, r.nationality], n: r.people })), ['month', 'nationality']),
      ];
      return { year, available: true, targets, target, foreignUmrahPilgrims: foreign, shareOfTarget: target ? foreign / target : null, tables };
    },
  };
}
export type UmrahUseCases = ReturnType<typeof umrahUseCases>;
