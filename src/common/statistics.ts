import { dateTimeFormat } from './date-format.ts';
/**
 * The season statistics as the API gives them and the web shows them: table
 * shapes, the small-cell rule, and date labels in both calendars. Runs in the
 * browser too (imports nothing of the server). docs/statistics.md explains
 * every table and the rule.
 */
import { intlLocale, type Locale } from './i18n.ts';

/** One season in the format of `data/hajj-seasons.json` (what GASTAT publishes). */
export interface SeasonFigures {
  season: string;
  gregorianYear: number;
  total: number;
  residence: { foreign: number; domestic: number };
  gender: { male: number; female: number };
  foreignByRegion: { arab: number; asia: number; africa: number; europeAmericasOceania: number };
  foreignByArrival: { air: number; land: number; sea: number };
  makkahRoute: number;
}

export const regions = ['arab', 'asia', 'africa', 'europeAmericasOceania'] as const;
export type Region = (typeof regions)[number];
export const arrivalModes = ['air', 'land', 'sea'] as const;
export type ArrivalMode = (typeof arrivalModes)[number];
export const residences = ['foreign', 'domestic'] as const;
export type Residence = (typeof residences)[number];
export const genders = ['male', 'female'] as const;
export type Gender = (typeof genders)[number];

/** What a table's cells are broken down by. */
export const dimensions = [
  'residence', 'gender', 'region', 'nationality', 'arrival_mode', 'entry_port', 'arrival_date', 'makkah_route', 'age_band', 'departure_port', 'departure_date', 'month',
] as const;
export type Dimension = (typeof dimensions)[number];

/**
 * A cell's flag: `C` a count under the threshold, withheld (primary
 * confidentiality); `D` withheld so that a `C` cell cannot be worked out from
 * the total (secondary). The SDMX confidentiality codes (CONF_STATUS).
 */
export type CellFlag = 'C' | 'D';
export interface StatCell {
  key: string[];
  /** Null when withheld (see `flag`). */
  value: number | null;
  flag: CellFlag | null;
}
export interface StatTable {
  id: string;
  dimensions: Dimension[];
  /** Whom the table counts: every pilgrim, or only those from abroad. */
  population: 'all' | 'foreign' | 'departed';
  total: number | null;
  totalFlag: CellFlag | null;
  cells: StatCell[];
}

/** Counts of 1 to 9 people are withheld; 0 (nobody) is published, it identifies no one. */
export const SMALL_CELL_THRESHOLD = 10;
export const isSmallCount = (n: number) => n > 0 && n < SMALL_CELL_THRESHOLD;

/**
 * The small-cell rule (docs/statistics.md, "Small cells"):
 *
 * 1. primary: a count of 1 to 9 people is withheld and flagged `C`;
 * 2. secondary: a published total minus the published cells must not give a
 *    withheld cell back, so in every group that adds up to a published total
 *    (a one-way table; each row and each column of a two-way table) where
 *    exactly one cell is withheld, the smallest other non-zero cell is withheld
 *    too, flagged `D` — repeated until no group has exactly one.
 *
 * A total under the threshold is withheld itself (and then every cell is).
 *
 * @example suppress({ id: 'gender', dimensions: ['gender'], population: 'all', total: 12, totalFlag: null,
 *   cells: [{ key: ['male'], value: 9, flag: null }, { key: ['female'], value: 3, flag: null }] })
 *   // both cells withheld: male C, female C
 */
export function suppress(table: StatTable): StatTable {
  const cells = table.cells.map((c) => ({ ...c, key: [...c.key] }));
  const totalSmall = table.total !== null && isSmallCount(table.total);
  if (totalSmall) {
    return { ...table, total: null, totalFlag: 'C', cells: cells.map((c) => (c.value !== null && c.value > 0 ? { ...c, value: null, flag: 'C' as const } : c)) };
  }
  for (const c of cells) if (c.value !== null && isSmallCount(c.value)) c.flag = 'C';
  const groups: StatCell[][] = [];
  if (table.dimensions.length === 1) groups.push(cells);
  else {
    for (let axis = 0; axis < table.dimensions.length; axis++) {
      const byRest = new Map<string, StatCell[]>();
      for (const c of cells) {
        const rest = c.key.filter((_, i) => i !== axis).join('\u0000');
        (byRest.get(rest) ?? byRest.set(rest, []).get(rest)!).push(c);
      }
      groups.push(...byRest.values());
    }
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const group of groups) {
      if (group.filter((c) => c.flag !== null).length !== 1) continue;
      const candidates = group.filter((c) => c.flag === null && c.value !== null);
      const complement = candidates.filter((c) => c.value! > 0).sort(byValueThenKey)[0] ?? candidates.sort(byValueThenKey)[0];
      if (!complement) continue;
      complement.flag = 'D';
      changed = true;
    }
  }
  return { ...table, cells: cells.map((c) => (c.flag ? { ...c, value: null } : c)) };
}
const byValueThenKey = (a: StatCell, b: StatCell) => a.value! - b.value! || a.key.join().localeCompare(b.key.join());

/** Five-year age bands, the last open: '0-4', '5-9', … '85-89', '90+'. */
export function ageBand(age: number): string {
  const band = Math.min(Math.floor(age / 5), 18);
  return band === 18 ? '90+' : `${band * 5}-${band * 5 + 4}`;
}

/** A season code's Hijri year: '1444H' → 1444 (null when it is not one). */
export function hijriYearOf(season: string): number | null {
  const m = /^(\d{4})H$/.exec(season);
  return m ? Number(m[1]) : null;
}

/**
 * A day (`YYYY-MM-DD`) in both calendars, for labels: the Gregorian date and
 * the Umm al-Qura date, in Arabic or English, with Western digits.
 *
 * @example dayLabels('2023-06-27', 'en') // { gregorian: '27 June 2023', hijri: 'Dhuʻl-Hijjah 9, 1444 AH' }
 */
export function dayLabels(day: string, locale: Locale): { gregorian: string; hijri: string } {
  const date = new Date(`${day}T12:00:00Z`);
  const options = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
  // Western digits in both languages, as every date the platform shows (intlLocale).
  return {
    gregorian: dateTimeFormat(intlLocale(locale, 'gregory'), options).format(date),
    hijri: dateTimeFormat(intlLocale(locale, 'islamic-umalqura'), options).format(date),
  };
}
