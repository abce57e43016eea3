import { describe, expect, it } from 'vitest';
import { adherence, dueAt, nextDeadline, runningMinutes, type DeadlineCalendar, type Pause } from './deadlines.ts';

// 2027-01-03 is a Sunday; Riyadh is UTC+3, so 08:00 in Riyadh is 05:00Z.
const at = (iso: string) => new Date(iso);
const calendar: DeadlineCalendar = {
  workingDays: [0, 1, 2, 3, 4],
  from: 8 * 60,
  to: 16 * 60,
  roundTheClock: [{ from: at('2027-05-01T00:00:00Z'), to: at('2027-06-01T00:00:00Z') }],
};
const pause = (from: string, to: string | null): Pause => ({ from: at(from), to: to ? at(to) : null });

describe('deadlines run on the season calendar', () => {
  it.each([
    ['within working hours the clock runs with the day', '2027-01-03T06:00:00Z', 120, [], '2027-01-03T08:00:00.000Z'],
    ['past the end of the day it resumes the next working morning', '2027-01-03T12:00:00Z', 120, [], '2027-01-04T06:00:00.000Z'],
    ['the weekend does not count', '2027-01-07T12:00:00Z', 120, [], '2027-01-10T06:00:00.000Z'],
    ['a complaint filed at night starts at the next opening', '2027-01-03T19:00:00Z', 60, [], '2027-01-04T06:00:00.000Z'],
    ['in season the clock runs round the clock, Fridays and nights included', '2027-05-07T20:00:00Z', 120, [], '2027-05-07T22:00:00.000Z'],
    ['when the season ends the clock goes back to working hours', '2027-05-31T23:00:00Z', 120, [], '2027-06-01T06:00:00.000Z'],
    ['a pause for the pilgrim stops the clock', '2027-01-03T06:00:00Z', 120, [pause('2027-01-03T07:00:00Z', '2027-01-03T07:30:00Z')], '2027-01-03T08:30:00.000Z'],
    ['a pause outside working hours changes nothing', '2027-01-03T06:00:00Z', 120, [pause('2027-01-03T14:00:00Z', '2027-01-03T20:00:00Z')], '2027-01-03T08:00:00.000Z'],
    ['an open pause leaves the deadline unknown', '2027-01-03T06:00:00Z', 120, [pause('2027-01-03T07:00:00Z', null)], null],
    ['a deadline reached before an open pause stands', '2027-01-03T06:00:00Z', 30, [pause('2027-01-03T07:00:00Z', null)], '2027-01-03T06:30:00.000Z'],
    ['a zero target is due at once', '2027-01-03T19:00:00Z', 0, [], '2027-01-03T19:00:00.000Z'],
  ] as const)('%s', (_rule, from, minutes, pauses, expected) => {
    const due = dueAt(calendar, at(from), minutes, pauses);
    expect(due?.toISOString() ?? null).toBe(expected);
  });

  it.each([
    ['a working day gives its eight hours', '2027-01-03T00:00:00Z', '2027-01-04T00:00:00Z', [], 480],
    ['a weekend gives nothing', '2027-01-08T00:00:00Z', '2027-01-09T21:00:00Z', [], 0],
    ['a season day gives all its hours', '2027-05-07T00:00:00Z', '2027-05-08T00:00:00Z', [], 1440],
    ['a pause is taken out', '2027-01-03T05:00:00Z', '2027-01-03T13:00:00Z', [pause('2027-01-03T06:00:00Z', '2027-01-03T07:00:00Z')], 420],
    ['backwards spans run for nothing', '2027-01-04T00:00:00Z', '2027-01-03T00:00:00Z', [], 0],
  ] as const)('running minutes: %s', (_rule, from, to, pauses, expected) => {
    expect(runningMinutes(calendar, at(from), at(to), pauses)).toBe(expected);
  });
});

describe('adherence comes from the event log', () => {
  const d = { kind: 'first_answer' as const, startedAt: at('2027-01-03T06:00:00Z'), targetMinutes: 120 };
  it.each([
    ['an answer 30 minutes before the deadline is 30 minutes early', at('2027-01-03T07:30:00Z'), [], '2027-01-03T12:00:00Z', { minutes: 30, met: true }],
    ['an answer an hour after it is 60 minutes late', at('2027-01-03T09:00:00Z'), [], '2027-01-03T12:00:00Z', { minutes: -60, met: true }],
    ['a pause for the pilgrim is not held against the provider', at('2027-01-03T09:00:00Z'), [pause('2027-01-03T07:00:00Z', '2027-01-03T08:00:00Z')], '2027-01-03T12:00:00Z', { minutes: 0, met: true }],
    ['a deadline not yet due has no figure', null, [], '2027-01-03T07:00:00Z', null],
    ['a deadline passed and unmet is late by now', null, [], '2027-01-03T09:30:00Z', { minutes: -90, met: false }],
  ] as const)('%s', (_rule, metAt, pauses, now, expected) => {
    expect(adherence(calendar, { ...d, metAt }, pauses, at(now))).toEqual(expected);
  });

  it('the next deadline is the earliest unmet one, and none while paused', () => {
    const running = [
      { kind: 'resolve' as const, startedAt: at('2027-01-03T06:00:00Z'), targetMinutes: 72 * 60 },
      { kind: 'first_answer' as const, startedAt: at('2027-01-03T06:00:00Z'), targetMinutes: 120 },
    ];
    expect(nextDeadline(calendar, running, [])).toEqual({ kind: 'first_answer', dueAt: at('2027-01-03T08:00:00Z') });
    expect(nextDeadline(calendar, running, [pause('2027-01-03T07:00:00Z', null)])).toBeNull();
    expect(nextDeadline(calendar, [], [])).toBeNull();
  });
});
