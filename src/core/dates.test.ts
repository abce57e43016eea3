import { describe, expect, it } from 'vitest';
import { daysUntil, gregorianOf, hijriOf, riyadhDate, riyadhMidnight } from './dates.ts';

describe('the ministry’s day', () => {
  it.each([
    ['2026-05-01T20:59:59Z', '2026-05-01'],
    ['2026-05-01T21:00:00Z', '2026-05-02'], // midnight in Riyadh (UTC+3)
  ])('%s is %s in Riyadh', (instant, date) => expect(riyadhDate(new Date(instant))).toBe(date));

  it('begins at 21:00 UTC the evening before', () => expect(riyadhMidnight('2027-05-10').toISOString()).toBe('2027-05-09T21:00:00.000Z'));

  it.each([
    ['a day ahead, at any hour', '2027-05-10', '2027-05-08T21:00:00Z', 1],
    ['the day itself has begun', '2027-05-10', '2027-05-09T21:00:00Z', 0],
    ['a day that began yesterday', '2027-05-10', '2027-05-11T09:00:00Z', -2],
  ])('counts whole days until a day begins: %s', (_name, day, now, expected) => expect(daysUntil(day, new Date(now))).toBe(expected));
});

describe('the Umm al-Qura calendar', () => {
  it.each([
    ['the Day of Arafah 1444H', '2023-06-27', { year: 1444, month: 12, day: 9 }],
    ['1 Ramadan 1447H', '2026-02-18', { year: 1447, month: 9, day: 1 }],
    ['1 Muharram 1448H', '2026-06-16', { year: 1448, month: 1, day: 1 }],
  ])('%s is %s', (_name, gregorian, hijri) => {
    expect(hijriOf(gregorian)).toEqual(hijri);
    expect(gregorianOf(hijri.year, hijri.month, hijri.day)).toBe(gregorian);
  });

  it('finds every day of a Hijri year and back', () => {
    for (let month = 1; month <= 12; month++) {
      for (const day of [1, 15, 29]) expect(hijriOf(gregorianOf(1449, month, day))).toEqual({ year: 1449, month, day });
    }
  });

  it('refuses a day that does not exist', () => expect(() => gregorianOf(1448, 13, 1)).toThrow(RangeError));
});
