import { AppError } from '../../../core/errors.ts';
import { ageBand, type Dimension, type Region, type SeasonFigures, type StatTable } from '../../../common/statistics.ts';

/**
 * The season's tables from the records (docs/statistics.md). The records are
 * counted once, by grouping sets (one scan in SQL), into a small cube; every
 * table — the official ones, the cross-tables, a mission's country — is a sum
 * over one grouping set of it, and is checked to add up to its total.
 */
export const cubeColumns = ['residence', 'gender', 'nationality', 'arrival_mode', 'entry_port', 'makkah_route', 'arrival_date', 'age_band', 'departure_port', 'departure_date', 'source'] as const;
export type CubeColumn = (typeof cubeColumns)[number];

export const groupingSets = {
  total: [],
  residence_gender: ['residence', 'gender'],
  foreign: ['residence', 'nationality', 'arrival_mode', 'entry_port', 'makkah_route', 'gender'],
  port_date: ['residence', 'entry_port', 'arrival_date'],
  nationality_date: ['residence', 'nationality', 'arrival_date'],
  nationality_age: ['residence', 'nationality', 'age_band', 'gender'],
  departures: ['departure_port', 'departure_date'],
  sources: ['source'],
} as const satisfies Record<string, readonly CubeColumn[]>;
export type GroupingSet = keyof typeof groupingSets;

/** The bitmask SQL's `grouping(…)` over `cubeColumns` gives a set: 1 for each column it does not group by. */
export const groupingMask = (set: GroupingSet) =>
  cubeColumns.reduce((mask, c, i) => ((groupingSets[set] as readonly string[]).includes(c) ? mask : mask | (1 << (cubeColumns.length - 1 - i))), 0);
const setByMask = new Map((Object.keys(groupingSets) as GroupingSet[]).map((s) => [groupingMask(s), s]));
export const setOfMask = (mask: number) => setByMask.get(mask);

export type CubeRow = { set: GroupingSet; n: number } & { [C in CubeColumn]?: string | number | boolean | null };

const sum = (rows: CubeRow[]) => rows.reduce((s, r) => s + r.n, 0);

/**
 * Sums rows of the cube into a table over `dims` (a dimension may be derived,
 * e.g. the region of the nationality). Checks that the cells add up to `total`.
 */
function table(id: string, rows: CubeRow[], dims: Dimension[], key: (r: CubeRow) => string[], total: number, population: StatTable['population']): StatTable {
  const cells = new Map<string, { key: string[]; value: number }>();
  for (const r of rows) {
    const k = key(r);
    const joined = k.join('\u0000');
    const cell = cells.get(joined) ?? cells.set(joined, { key: k, value: 0 }).get(joined)!;
    cell.value += r.n;
  }
  const out = [...cells.values()].sort((a, b) => compareKeys(a.key, b.key));
  const added = out.reduce((s, c) => s + c.value, 0);
  if (added !== total) throw new AppError('statistics.tables_do_not_add_up', { table: id, sum: added, total });
  return { id, dimensions: dims, population, total, totalFlag: null, cells: out.map((c) => ({ ...c, flag: null })) };
}
const compareKeys = (a: string[], b: string[]) => {
  for (let i = 0; i < a.length; i++) {
    const d = a[i]!.localeCompare(b[i]!, 'en', { numeric: true });
    if (d) return d;
  }
  return 0;
};

/** A cube value as a table key: a missing value shows as `unknown`, which the sum checks catch where it must not be. */
const k = (v: unknown) => (v === null || v === undefined ? 'unknown' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));
const band = (v: unknown) => (typeof v === 'number' ? ageBand(v * 5) : 'unknown');

export interface SeasonTables {
  figures: SeasonFigures;
  tables: StatTable[];
  /** Records by where they came from (the platform's bookings, an import channel, the simulator). */
  sources: Record<string, number>;
}

/**
 * Every table of a season from its cube: the official figures (in the format
 * of data/hajj-seasons.json) and the tables the API publishes.
 */
export function tabulate(season: string, gregorianYear: number, cube: CubeRow[], regionOf: (nationality: string) => Region): SeasonTables {
  const of = (set: GroupingSet) => cube.filter((r) => r.set === set);
  const total = sum(of('total'));
  const rg = of('residence_gender');
  const foreignRows = of('foreign').filter((r) => r.residence === 'foreign');
  const foreign = sum(rg.filter((r) => r.residence === 'foreign'));
  const departed = of('departures').filter((r) => r.departure_port !== null && r.departure_port !== undefined);
  const departedTotal = sum(departed);
  const tables: StatTable[] = [
    table('total', of('total'), [], () => [], total, 'all'),
    table('residence', rg, ['residence'], (r) => [k(r.residence)], total, 'all'),
    table('gender', rg, ['gender'], (r) => [k(r.gender)], total, 'all'),
    table('gender_by_residence', rg, ['gender', 'residence'], (r) => [k(r.gender), k(r.residence)], total, 'all'),
    table('foreign_by_region', foreignRows, ['region'], (r) => [regionOf(k(r.nationality))], foreign, 'foreign'),
    table('foreign_by_arrival', foreignRows, ['arrival_mode'], (r) => [k(r.arrival_mode)], foreign, 'foreign'),
    table('makkah_route', foreignRows, ['makkah_route'], (r) => [k(r.makkah_route)], foreign, 'foreign'),
    table('region_by_arrival', foreignRows, ['region', 'arrival_mode'], (r) => [regionOf(k(r.nationality)), k(r.arrival_mode)], foreign, 'foreign'),
    table('nationality', foreignRows, ['nationality'], (r) => [k(r.nationality)], foreign, 'foreign'),
    table('nationality_by_arrival', foreignRows, ['nationality', 'arrival_mode'], (r) => [k(r.nationality), k(r.arrival_mode)], foreign, 'foreign'),
    table('entry_port', foreignRows, ['entry_port'], (r) => [k(r.entry_port)], foreign, 'foreign'),
    table('port_by_date', of('port_date').filter((r) => r.residence === 'foreign'), ['entry_port', 'arrival_date'], (r) => [k(r.entry_port), k(r.arrival_date)], foreign, 'foreign'),
    table('residence_by_date', of('port_date'), ['residence', 'arrival_date'], (r) => [k(r.residence), k(r.arrival_date)], total, 'all'),
    table('age_by_gender', of('nationality_age'), ['age_band', 'gender'], (r) => [band(r.age_band), k(r.gender)], total, 'all'),
    table('departures_by_port_date', departed, ['departure_port', 'departure_date'], (r) => [k(r.departure_port), k(r.departure_date)], departedTotal, 'departed'),
  ];
  const cell = (id: string, key: string) => tables.find((t) => t.id === id)!.cells.find((c) => c.key[0] === key)?.value ?? 0;
  const figures: SeasonFigures = {
    season,
    gregorianYear,
    total,
    residence: { foreign: cell('residence', 'foreign'), domestic: cell('residence', 'domestic') },
    gender: { male: cell('gender', 'male'), female: cell('gender', 'female') },
    foreignByRegion: { arab: cell('foreign_by_region', 'arab'), asia: cell('foreign_by_region', 'asia'), africa: cell('foreign_by_region', 'africa'), europeAmericasOceania: cell('foreign_by_region', 'europeAmericasOceania') },
    foreignByArrival: { air: cell('foreign_by_arrival', 'air'), land: cell('foreign_by_arrival', 'land'), sea: cell('foreign_by_arrival', 'sea') },
    makkahRoute: cell('makkah_route', 'yes'),
  };
  const sources = Object.fromEntries(of('sources').map((r) => [k(r.source), r.n]));
  return { figures, tables, sources };
}

/** One nationality's tables, for its mission: its pilgrims from abroad by gender, age, arrival mode, port, date and the Makkah Route. */
export function countryTables(cube: CubeRow[], nationality: string): StatTable[] {
  const mine = (set: GroupingSet) => cube.filter((r) => r.set === set && r.residence === 'foreign' && r.nationality === nationality);
  const rows = mine('foreign');
  const total = sum(rows);
  return [
    table('total', rows, [], () => [], total, 'foreign'),
    table('gender', rows, ['gender'], (r) => [k(r.gender)], total, 'foreign'),
    table('age_by_gender', mine('nationality_age'), ['age_band', 'gender'], (r) => [band(r.age_band), k(r.gender)], total, 'foreign'),
    table('arrival_mode', rows, ['arrival_mode'], (r) => [k(r.arrival_mode)], total, 'foreign'),
    table('entry_port', rows, ['entry_port'], (r) => [k(r.entry_port)], total, 'foreign'),
    table('makkah_route', rows, ['makkah_route'], (r) => [k(r.makkah_route)], total, 'foreign'),
    table('arrival_date', mine('nationality_date'), ['arrival_date'], (r) => [k(r.arrival_date)], total, 'foreign'),
  ];
}

/** The cube of a season computed in memory (what the SQL grouping sets give), for tests and `--out`. */
export function cubeOfRecords(records: Iterable<{ [C in CubeColumn]: string | number | boolean | null }>): CubeRow[] {
  const counts = new Map<string, CubeRow>();
  const sets = Object.entries(groupingSets) as [GroupingSet, readonly CubeColumn[]][];
  for (const r of records) {
    for (const [set, cols] of sets) {
      const id = `${set}|${cols.map((c) => String(r[c])).join('|')}`;
      const row = counts.get(id);
      if (row) row.n++;
      else counts.set(id, { set, n: 1, ...Object.fromEntries(cols.map((c) => [c, r[c]])) });
    }
  }
  return [...counts.values()];
}
