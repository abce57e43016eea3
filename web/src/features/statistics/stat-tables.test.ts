import { describe, expect, it } from 'vitest';
import { defaultSeason, figureRows, grid, largestCols, largestRows, oneWay, seriesData, shareOf, wholeWithheld, withheldCells } from './stat-tables.ts';
import type { StatTable } from './types.ts';

const arrival: StatTable = {
  id: 'foreign_by_arrival', dimensions: ['arrival_mode'], population: 'foreign', total: 1800, totalFlag: null,
  cells: [{ key: ['air'], value: 1783, flag: null }, { key: ['land'], value: null, flag: 'D' }, { key: ['sea'], value: null, flag: 'C' }],
};
const portByDate: StatTable = {
  id: 'port_by_date', dimensions: ['entry_port', 'arrival_date'], population: 'foreign', total: 130, totalFlag: null,
  cells: [
    { key: ['JED', '2025-05-02'], value: 60, flag: null },
    { key: ['JED', '2025-05-01'], value: 40, flag: null },
    { key: ['MED', '2025-05-01'], value: 30, flag: null },
    { key: ['JIP', '2025-05-02'], value: null, flag: 'C' },
  ],
};

describe('reading a published table', () => {
  it('keeps a withheld cell withheld: no number, its flag', () => {
    expect(oneWay(arrival)).toEqual([{ code: 'air', value: 1783, flag: null }, { code: 'land', value: null, flag: 'D' }, { code: 'sea', value: null, flag: 'C' }]);
    expect(withheldCells(arrival)).toEqual([{ key: ['land'], flag: 'D' }, { key: ['sea'], flag: 'C' }]);
  });

  it('orders rows by count when asked, withheld ones last', () => {
    expect(oneWay({ ...arrival, cells: [arrival.cells[2]!, arrival.cells[0]!] }, { byValue: true }).map((r) => r.code)).toEqual(['air', 'sea']);
  });

  it('reads a combination the table has no cell for as 0 published (nobody), not as withheld', () => {
    const g = grid(portByDate);
    expect(g.rows).toEqual(['JED', 'JIP', 'MED']);
    expect(g.cols).toEqual(['2025-05-01', '2025-05-02']);
    expect(g.at('MED', '2025-05-02')).toEqual({ value: 0, flag: null });
    expect(g.at('JIP', '2025-05-02')).toEqual({ value: null, flag: 'C' });
  });

  it('turns a grid so days run down the rows, in calendar order', () => {
    const g = grid(portByDate, 1);
    expect(g.rows).toEqual(['2025-05-01', '2025-05-02']);
    expect(g.cols).toEqual(['JED', 'JIP', 'MED']);
    expect(g.at('2025-05-02', 'JED')).toEqual({ value: 60, flag: null });
  });

  it('draws no point for a withheld cell, and 0 for nobody', () => {
    const g = grid(portByDate, 1);
    expect(seriesData(g, g.rows, g.cols, (d) => `day ${d}`)).toEqual([
      { x: 'day 2025-05-01', JED: 40, JIP: 0, MED: 30 },
      { x: 'day 2025-05-02', JED: 60, MED: 0 },
    ]);
  });

  it('picks the largest rows and columns by the counts published', () => {
    const g = grid(portByDate);
    expect(largestRows(g, 2)).toEqual(['JED', 'MED']);
    expect(largestCols(grid(portByDate, 1), 1)).toEqual(['JED']);
  });

  it('gives a share only when both counts are published and the total is not 0', () => {
    expect(shareOf(450, 1800)).toBe(0.25);
    expect(shareOf(null, 1800)).toBeNull();
    expect(shareOf(5, null)).toBeNull();
    expect(shareOf(0, 0)).toBeNull();
  });

  it('knows a table withheld whole by its withheld total', () => {
    expect(wholeWithheld(arrival)).toBe(false);
    expect(wholeWithheld({ ...arrival, total: null, totalFlag: 'C' })).toBe(true);
  });
});

describe('seasons', () => {
  const list = [
    { season: '1447H', status: 'none' as const },
    { season: '1446H', status: 'building' as const },
    { season: '1445H', status: 'complete' as const },
  ];
  it('opens on the season asked for, else the newest with tables, else the newest being built, else the newest', () => {
    expect(defaultSeason(list, '1447H')).toBe('1447H');
    expect(defaultSeason(list, '1400H')).toBe('1445H');
    expect(defaultSeason(list.slice(0, 2), null)).toBe('1446H');
    expect(defaultSeason(list.slice(0, 1), null)).toBe('1447H');
    expect(defaultSeason([], null)).toBeNull();
  });

  it('lists the official figures in the order GASTAT publishes them', () => {
    const rows = figureRows({
      season: '1444H', gregorianYear: 2023, total: 1845045, residence: { foreign: 1660915, domestic: 184130 }, gender: { male: 969694, female: 875351 },
      foreignByRegion: { arab: 346214, asia: 1056317, africa: 221863, europeAmericasOceania: 36521 }, foreignByArrival: { air: 1593271, land: 60813, sea: 6831 }, makkahRoute: 242272,
    });
    expect(rows.map((r) => r.key)).toEqual(['total', 'foreign', 'domestic', 'male', 'female', 'arab', 'asia', 'africa', 'europeAmericasOceania', 'air', 'land', 'sea', 'makkahRoute']);
    expect(rows[0]).toEqual({ key: 'total', value: 1845045 });
  });
});
