import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../errors.ts';
import { completeFigures, readMarginals } from './figures.ts';

const official = fs.readFileSync(new URL('../../../../data/hajj-seasons.json', import.meta.url), 'utf8');
const entry = (JSON.parse(official) as { seasons: Record<string, unknown>[] }).seasons[0]!;
const file = (patch: Record<string, unknown>) => JSON.stringify({ seasons: [{ ...entry, ...patch }] });
const weights = { arab: 1, asia: 3, africa: 1, europeAmericasOceania: 0.2 };

describe('reading a marginals file', () => {
  it('reads the official 1444H figures as they are', () => {
    expect(readMarginals(official, '1444H')).toEqual(entry);
  });

  it.each([
    ['refuses a sea-arrivals figure of 4,741 where 4,714 adds up, naming the breakdown and the difference',
      { foreignByArrival: { air: 1593271, land: 60813, sea: 6831 + 27 } }, { breakdown: 'foreignByArrival', sum: 1660942, total: 1660915, difference: '+27', expected: 'foreign' }],
    ['refuses a gender split that misses people', { gender: { male: 969694, female: 875000 } }, { breakdown: 'gender', difference: '-351', expected: 'total' }],
    ['refuses residence that does not add up to the total', { residence: { foreign: 1660915, domestic: 184131 } }, { breakdown: 'residence', difference: '+1' }],
    ['refuses regions that do not add up to the foreign total', { foreignByRegion: { arab: 346214, asia: 1056317, africa: 221863, europeAmericasOceania: 36520 } }, { breakdown: 'foreignByRegion', difference: '-1' }],
    ['refuses more Makkah Route pilgrims than air arrivals', { makkahRoute: 1593272 }, { breakdown: 'makkahRoute', expected: 'air', difference: '+1' }],
  ])('%s', (_name, patch, params) => {
    expect(() => readMarginals(file(patch), '1444H')).toThrow(expect.objectContaining({ code: 'statistics.figures_do_not_add_up', params: expect.objectContaining(params) }));
  });

  it.each([
    ['not JSON', '{', 'not_json'],
    ['no seasons list', '{"season": "1444H"}', 'no_seasons'],
    ['no entry for the season', JSON.stringify({ seasons: [] }), 'season_missing'],
    ['a negative count', file({ total: -1 }), 'bad_field'],
    ['a fractional count', file({ makkahRoute: 1.5 }), 'bad_field'],
    ['an unknown field', file({ pilgrims: 3 }), 'unknown_field'],
    ['an unknown part', file({ gender: { male: 1, female: 2, other: 3 } }), 'unknown_field'],
    ['the wrong Gregorian year', file({ gregorianYear: 2024 }), 'wrong_year'],
  ])('refuses %s', (_name, text, problem) => {
    expect(() => readMarginals(text, '1444H')).toThrow(expect.objectContaining({ code: 'statistics.bad_figures', params: expect.objectContaining({ problem }) }));
  });

  it('refuses a season code that is not a Hijri year', () => {
    expect(() => readMarginals(official, '2023')).toThrow(expect.objectContaining({ code: 'statistics.bad_figures' }));
  });
});

describe('completing missing breakdowns', () => {
  it('keeps every breakdown given and makes the missing ones add up', () => {
    const f = completeFigures({ season: '1444H', total: 1000, foreignByArrival: { air: 800, land: 80, sea: 20 } }, weights);
    expect(f.foreignByArrival).toEqual({ air: 800, land: 80, sea: 20 });
    expect(f.residence).toEqual({ foreign: 900, domestic: 100 });
    expect(Object.values(f.foreignByRegion).reduce((a, b) => a + b)).toBe(900);
    expect(f.gender.male + f.gender.female).toBe(1000);
    expect(f.gregorianYear).toBe(2023);
    expect(f.makkahRoute).toBeLessThanOrEqual(800);
  });
  it('takes the foreign total from the regions when residence is missing', () => {
    expect(completeFigures({ season: '1444H', total: 100, foreignByRegion: { arab: 10, asia: 20, africa: 5, europeAmericasOceania: 5 } }, weights).residence).toEqual({ foreign: 40, domestic: 60 });
  });
});
