import { describe, expect, it } from 'vitest';
import { daysOf, generateWindows, hoursProblem } from './slots.ts';

describe('generating windows', () => {
  it.each([
    ['a Gregorian range', { calendar: 'gregorian', from: '2027-02-08', to: '2027-02-10' }, 3, '2027-02-08'],
    ['a whole Ramadan (29 days in 1448H)', { calendar: 'hijri_month', year: 1448, month: 9 }, 29, '2027-02-08'],
    ['a Hijri range whose 30th the month lacks', { calendar: 'hijri', from: { year: 1448, month: 9, day: 20 }, to: { year: 1448, month: 9, day: 30 } }, 10, '2027-02-27'],
  ] as const)('reads %s', (_n, range, count, first) => {
    const days = daysOf(range)!;
    expect(days).toHaveLength(count);
    expect(days[0]).toBe(first);
  });

  it.each([
    ['backwards', { calendar: 'gregorian', from: '2027-02-10', to: '2027-02-08' }],
    ['longer than 400 days', { calendar: 'gregorian', from: '2027-01-01', to: '2028-06-01' }],
    ['a Hijri month that does not exist', { calendar: 'hijri_month', year: 1448, month: 13 }],
  ] as const)('refuses a range %s', (_n, range) => expect(daysOf(range)).toBeNull());

  it('lays windows back to back through each section\'s hours, Saudi time, released days before at a set minute', () => {
    const w = generateWindows(['2027-02-08'], [{ section: 'men', hours: [{ from: 8 * 60, to: 9 * 60 }] }, { section: 'women', hours: [{ from: 10 * 60, to: 10 * 60 + 50 }] }], { windowMinutes: 20, capacity: 50 }, { daysBefore: 7, atMinute: 600 });
    expect(w.map((x) => [x.section, x.startsAt.toISOString().slice(11, 16)])).toEqual([['men', '05:00'], ['men', '05:20'], ['men', '05:40'], ['women', '07:00'], ['women', '07:20']]);
    expect(w[0]!.releaseAt.toISOString()).toBe('2027-02-01T07:00:00.000Z');
  });

  it.each([
    ['ordered intervals', [{ from: 0, to: 60 }, { from: 120, to: 1440 }], null],
    ['overlapping ones', [{ from: 0, to: 60 }, { from: 30, to: 90 }], 'overlapping'],
    ['an empty one', [{ from: 60, to: 60 }], 'bad_interval'],
    ['one past midnight', [{ from: 60, to: 1500 }], 'bad_interval'],
  ])('judges hours: %s', (_n, hours, problem) => expect(hoursProblem(hours)).toBe(problem));
});
