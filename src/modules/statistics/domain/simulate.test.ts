import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import '../errors.ts';
import { reference } from '../reference.ts';
import { completeFigures, readMarginals, type Marginals } from './figures.ts';
import { csvLineOf, cubeRecordOf } from './records.ts';
import { seasonDays } from './season.ts';
import { simulateSeason } from './simulate.ts';
import { cubeOfRecords, tabulate } from './tabulate.ts';

const ref = reference();
const official = readMarginals(fs.readFileSync(new URL('../../../../data/hajj-seasons.json', import.meta.url), 'utf8'), '1444H');
/** The official season at a hundredth of its size (every part rounded down, the rest where it belongs). */
const small: Marginals = {
  season: '1444H', gregorianYear: 2023, total: 18450,
  residence: { foreign: 16609, domestic: 1841 }, gender: { male: 9697, female: 8753 },
  foreignByRegion: { arab: 3462, asia: 10563, africa: 2219, europeAmericasOceania: 365 },
  foreignByArrival: { air: 15932, land: 608, sea: 69 }, makkahRoute: 2423,
};

function simulate(m: Marginals, seed = 1) {
  const days = seasonDays(m.season);
  const regionWeights = Object.fromEntries((['arab', 'asia', 'africa', 'europeAmericasOceania'] as const).map((r) => [r, ref.countriesOf(r).reduce((s, c) => s + (ref.simulation.nationalityWeights[c] ?? 0), 0)])) as never;
  return simulateSeason({
    figures: completeFigures(m, regionWeights), seed, profile: ref.simulation, ports: ref.ports, regionOf: ref.regionOf, countriesOf: ref.countriesOf,
    makkahRouteCountries: ref.makkahRouteCountries(m.season), arafah: days.arafah, arrivalsFrom: days.arrivalsFrom,
  });
}
const records = (s: ReturnType<typeof simulate>) => Array.from({ length: s.count }, (_, i) => cubeRecordOf(s, i));
const csvHash = (s: ReturnType<typeof simulate>) => createHash('sha256').update(Array.from({ length: s.count }, (_, i) => csvLineOf(s, i)).join('\n')).digest('hex');

describe('the season simulator', () => {
  const season = simulate(small);
  const recs = records(season);
  const { figures } = tabulate('1444H', 2023, cubeOfRecords(recs), ref.regionOf);

  it('reproduces every breakdown of the marginals exactly', () => {
    expect(figures).toEqual(small);
  });

  it('gives arrival modes and ports only to pilgrims from abroad', () => {
    expect(recs.filter((r) => r.residence === 'domestic').every((r) => r.arrival_mode === null && r.entry_port === null && r.departure_port === null)).toBe(true);
    expect(recs.filter((r) => r.residence === 'foreign').every((r) => r.arrival_mode !== null && r.entry_port !== null)).toBe(true);
  });

  it('gives the Makkah Route only to air arrivals from its countries', () => {
    const countries = ref.makkahRouteCountries('1444H');
    const routed = recs.filter((r) => r.makkah_route);
    expect(routed.length).toBe(2423);
    expect(routed.every((r) => r.arrival_mode === 'air' && countries.has(r.nationality as string) && r.residence === 'foreign')).toBe(true);
  });

  it('enters each pilgrim through a port of the arrival mode, and land pilgrims through their neighbours\' ports', () => {
    for (const r of recs.filter((x) => x.residence === 'foreign')) expect(ref.port(r.entry_port as string)!.mode).toBe(r.arrival_mode);
    const land = recs.filter((r) => r.arrival_mode === 'land');
    expect(land.every((r) => ref.port(r.entry_port as string)!.neighbours.includes(r.nationality as string))).toBe(true);
  });

  it('keeps nationality consistent with the region', () => {
    const asia = recs.filter((r) => r.residence === 'foreign' && ref.regionOf(r.nationality as string) === 'asia').length;
    expect(asia).toBe(10563);
  });

  it('draws ages from a plausible pyramid: most pilgrims between 35 and 74, nobody under 12', () => {
    const ages = Array.from(season.age);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(12);
    expect(ages.filter((a) => a >= 35 && a <= 74).length / ages.length).toBeGreaterThan(0.7);
  });

  it('spreads arrivals over the weeks before the Day of Arafah, and departures after it', () => {
    const arrivals = recs.map((r) => r.arrival_date as string);
    expect(arrivals.every((d) => d >= '2023-05-21' && d <= '2023-06-26')).toBe(true);
    expect(new Set(arrivals).size).toBeGreaterThan(25);
    expect(recs.filter((r) => r.residence === 'domestic').every((r) => r.arrival_date! >= '2023-06-25')).toBe(true);
    expect(recs.filter((r) => r.departure_date !== null).every((r) => (r.departure_date as string) >= '2023-07-01')).toBe(true);
  });

  it('gives byte-identical records for the same seed, and other records for another', () => {
    expect(csvHash(simulate(small, 1))).toBe(csvHash(season));
    expect(csvHash(simulate(small, 2))).not.toBe(csvHash(season));
  });

  it('reproduces the marginals given when others are missing', () => {
    const partial: Marginals = { season: '1444H', total: 5000, foreignByArrival: { air: 4000, land: 300, sea: 200 } };
    const t = tabulate('1444H', 2023, cubeOfRecords(records(simulate(partial))), ref.regionOf).figures;
    expect(t.total).toBe(5000);
    expect(t.foreignByArrival).toEqual(partial.foreignByArrival);
  });

  it('refuses a Makkah Route its countries cannot fill', () => {
    expect(() => simulate({ ...small, foreignByRegion: { arab: 0, asia: 0, africa: 0, europeAmericasOceania: 16609 } }))
      .toThrow(expect.objectContaining({ code: 'statistics.makkah_route_infeasible' }));
  });
});

it('the official 1444H figures are the marginals the demo builds', () => {
  expect(official.total).toBe(1845045);
});

describe('writing records', () => {
  it('writes each record as COPY text with the same values as every other form (null as \\N, booleans t/f)', async () => {
    const { copyChunkOf, valuesOf } = await import('./records.ts');
    const s = simulate(small);
    const lines = copyChunkOf(s, 0, 500, '2026-01-01T00:00:00.000Z').split('\n').slice(0, -1);
    lines.forEach((line, i) => {
      const expected = [...valuesOf(s, i).map((v) => (v === null ? '\\N' : v === true ? 't' : v === false ? 'f' : String(v))), '2026-01-01T00:00:00.000Z'];
      expect(line.split('\t')).toEqual(expected);
    });
  });
});
