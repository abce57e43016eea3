import { describe, expect, it } from 'vitest';
import { hijriOf } from '../../../core/dates.ts';
import { seasonDatesProblem } from './calendar.ts';
import { firstHajjAfter, hajjDays, seasonAround } from './hajj-days.ts';

describe('the days of a Hajj', () => {
  it('puts the reference day on the Day of Arafah of its year', () => {
    expect(hajjDays(1444).referenceDate).toBe('2023-06-27');
    expect(hijriOf(hajjDays(1448).referenceDate)).toEqual({ year: 1448, month: 12, day: 9 });
  });

  it.each([
    ['before the arrivals of 1448H', '2026-12-01', '1448H'],
    ['on the first day of arrivals, the next year', hajjDays(1448).arrivalDate, '1449H'],
  ])('finds the first Hajj after a day: %s', (_name, day, code) => expect(firstHajjAfter(day).code).toBe(code));

  it.each([['2026-12-01T10:00:00Z'], ['2027-04-20T10:00:00Z'], ['2030-01-01T00:00:00Z']])('builds a calendar that passes the season rules on %s', (now) => {
    const offsets = { registrationOpens: -40, preferenceOpens: -20, preferenceCloses: -6, drawAt: -5, offersClose: 10, openSaleAt: 14, visaCutoff: 90 };
    for (const later of [0, 1]) {
      const { code, input } = seasonAround(new Date(now), offsets, later);
      const calendar = Object.fromEntries(Object.entries(input).filter(([, v]) => v.includes('T')).map(([k, v]) => [k, new Date(v)]));
      expect(seasonDatesProblem(code, calendar as never, input, (d) => hijriOf(d).year)).toBeNull();
    }
  });
});
