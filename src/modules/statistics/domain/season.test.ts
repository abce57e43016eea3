import { describe, expect, it } from 'vitest';
import '../errors.ts';
import { seasonDays, seasonYear } from './season.ts';

describe('a season is a Hijri year', () => {
  it.each([['1444H', 1444], ['1300H', 1300], ['1599H', 1599]])('accepts %s', (code, year) => expect(seasonYear(code)).toBe(year));
  it.each([['1444'], ['2023'], ['2023H'], ['1444h'], ['H1444'], ['1299H'], [''], ['144H'], ['1444H ']])('refuses %j', (code) => {
    expect(() => seasonYear(code)).toThrow(expect.objectContaining({ code: 'statistics.bad_season' }));
  });
});

describe('the days of a season on the Umm al-Qura calendar', () => {
  it('puts the Day of Arafah of 1444H on 27 June 2023, published as 2023', () => {
    expect(seasonDays('1444H')).toMatchObject({ arafah: '2023-06-27', arrivalsFrom: '2023-05-21', gregorianYear: 2023 });
  });
  it('puts the Day of Arafah of 1448H on 15 May 2027', () => {
    expect(seasonDays('1448H').arafah).toBe('2027-05-15');
  });
});
