import type { Figures, Flag, StatCell, StatTable } from './types.ts';

/**
 * Reading a published table for display: one-way rows, two-way grids, the
 * cells withheld, and chart data that draws only the counts published. Pure,
 * so the rules for what a reader sees are tested without a browser.
 */

/** A cell as shown: its count, or null with the flag saying why it is withheld. */
export interface Shown {
  value: number | null;
  flag: Flag | null;
}

const ZERO: Shown = { value: 0, flag: null };
const joinKey = (key: readonly string[]) => key.join('\u0000');
const byCode = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

export const tableOf = (tables: readonly StatTable[], id: string) => tables.find((x) => x.id === id);

/** Whether the whole table is withheld (its total counts 1 to 9 people). */
export const wholeWithheld = (table: StatTable) => table.total === null && table.totalFlag !== null;

/** A one-way table's rows in the order the API gives them (codes sorted), or by count when `byValue`. */
export function oneWay(table: StatTable, options: { byValue?: boolean } = {}): ({ code: string } & Shown)[] {
  const rows = table.cells.map((c) => ({ code: c.key[0]!, value: c.value, flag: c.flag }));
  if (options.byValue) rows.sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || byCode(a.code, b.code));
  return rows;
}

export interface Grid {
  /** The dimension index the rows come from (0 or 1); the columns come from the other. */
  rowAxis: 0 | 1;
  rows: string[];
  cols: string[];
  /** A combination the table has no cell for counts nobody: 0, published. */
  at: (row: string, col: string) => Shown;
}

/** A two-way table as rows × columns; `rowAxis` picks which dimension runs down the rows. */
export function grid(table: StatTable, rowAxis: 0 | 1 = 0): Grid {
  const colAxis = rowAxis === 0 ? 1 : 0;
  const cells = new Map<string, StatCell>();
  const rows = new Set<string>();
  const cols = new Set<string>();
  for (const c of table.cells) {
    const r = c.key[rowAxis]!;
    const k = c.key[colAxis]!;
    rows.add(r);
    cols.add(k);
    cells.set(joinKey([r, k]), c);
  }
  return {
    rowAxis,
    rows: [...rows].sort(byCode),
    cols: [...cols].sort(byCode),
    at: (row, col) => {
      const c = cells.get(joinKey([row, col]));
      return c ? { value: c.value, flag: c.flag } : ZERO;
    },
  };
}

/** The published part of a row of a grid (withheld cells count for nothing: they are not known). */
export const publishedSum = (g: Grid, row: string) => g.cols.reduce((s, c) => s + (g.at(row, c).value ?? 0), 0);
const publishedColSum = (g: Grid, col: string) => g.rows.reduce((s, r) => s + (g.at(r, col).value ?? 0), 0);

/** The `n` rows (or columns) with the most people published, in that order: what a phone-sized chart can show. */
export function largestRows(g: Grid, n: number): string[] {
  return [...g.rows].sort((a, b) => publishedSum(g, b) - publishedSum(g, a) || byCode(a, b)).slice(0, n);
}
export function largestCols(g: Grid, n: number): string[] {
  return [...g.cols].sort((a, b) => publishedColSum(g, b) - publishedColSum(g, a) || byCode(a, b)).slice(0, n);
}

/**
 * Chart data of a grid: one object per row (`x` its label), one property per
 * column with its count. A withheld cell has no property, so a chart draws no
 * bar and no point for it, rather than a number that was never published.
 */
export function seriesData(g: Grid, rows: readonly string[], cols: readonly string[], rowLabel: (code: string) => string): Record<string, string | number>[] {
  return rows.map((r) => {
    const point: Record<string, string | number> = { x: rowLabel(r) };
    for (const c of cols) {
      const v = g.at(r, c).value;
      if (v !== null) point[c] = v;
    }
    return point;
  });
}

/** Every withheld cell of a table, with its codes, for the words beside a chart. */
export function withheldCells(table: StatTable): { key: string[]; flag: Flag }[] {
  return table.cells.filter((c): c is StatCell & { flag: Flag } => c.value === null && c.flag !== null).map((c) => ({ key: c.key, flag: c.flag }));
}

/** A share of a published total, or null when either is withheld or the total is 0. */
export function shareOf(value: number | null, total: number | null): number | null {
  return value === null || total === null || total === 0 ? null : value / total;
}

/** The figures GASTAT publishes for a season, as labelled rows (keys name them in the statistics texts). */
export function figureRows(f: Figures): { key: string; value: number }[] {
  return [
    { key: 'total', value: f.total },
    { key: 'foreign', value: f.residence.foreign },
    { key: 'domestic', value: f.residence.domestic },
    { key: 'male', value: f.gender.male },
    { key: 'female', value: f.gender.female },
    { key: 'arab', value: f.foreignByRegion.arab },
    { key: 'asia', value: f.foreignByRegion.asia },
    { key: 'africa', value: f.foreignByRegion.africa },
    { key: 'europeAmericasOceania', value: f.foreignByRegion.europeAmericasOceania },
    { key: 'air', value: f.foreignByArrival.air },
    { key: 'land', value: f.foreignByArrival.land },
    { key: 'sea', value: f.foreignByArrival.sea },
    { key: 'makkahRoute', value: f.makkahRoute },
  ];
}

/** The season a page opens on: the one asked for if listed, else the newest with tables, else the newest being built, else the newest. */
export function defaultSeason(seasons: readonly { season: string; status: 'complete' | 'building' | 'none' }[], asked: string | null): string | null {
  if (asked && seasons.some((s) => s.season === asked)) return asked;
  return (seasons.find((s) => s.status === 'complete') ?? seasons.find((s) => s.status === 'building') ?? seasons[0])?.season ?? null;
}
