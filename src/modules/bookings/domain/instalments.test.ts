import { describe, expect, it } from 'vitest';
import { nextDeadline, planProblem, schedule } from './instalments.ts';

const plan = [{ percent: 30, daysBeforeArrival: null }, { percent: 40, daysBeforeArrival: 60 }, { percent: 30, daysBeforeArrival: 30 }];
const offerDeadline = new Date('2027-01-10T00:00:00Z');

describe('instalment plans', () => {
  it('split the price into whole halalas that add up to it', () => {
    const lines = schedule(100_001, plan, '2027-05-10');
    expect(lines.map((l) => l.amount)).toEqual([30_000, 40_000, 30_001]);
    expect(lines.at(-1)!.cumulative).toBe(100_001);
    expect(lines[1]!.dueAt!.toISOString()).toBe('2027-03-10T21:00:00.000Z');
  });

  it.each([
    [0, '2027-01-10T00:00:00.000Z'],
    [29_999, '2027-01-10T00:00:00.000Z'],
    [30_000, '2027-03-10T21:00:00.000Z'],
    [69_999, '2027-03-10T21:00:00.000Z'],
    [70_000, '2027-04-09T21:00:00.000Z'],
    [100_001, null],
  ])('after %i paid, the hold runs until %s', (paid, deadline) => {
    expect(nextDeadline(schedule(100_001, plan, '2027-05-10'), paid, offerDeadline)?.toISOString() ?? null).toBe(deadline);
  });

  it('never brings a deadline forward', () => {
    const late = new Date('2027-04-01T00:00:00Z');
    expect(nextDeadline(schedule(100, plan, '2027-05-10'), 30, late)).toEqual(late);
  });

  it.each([
    [[{ percent: 100, daysBeforeArrival: null }], null],
    [plan, null],
    [[], 'no_steps'],
    [[{ percent: 50, daysBeforeArrival: 10 }, { percent: 50, daysBeforeArrival: 5 }], 'first_step_dated'],
    [[{ percent: 50, daysBeforeArrival: null }, { percent: 50, daysBeforeArrival: null }], 'later_step_undated'],
    [[{ percent: 30, daysBeforeArrival: null }, { percent: 30, daysBeforeArrival: 30 }, { percent: 40, daysBeforeArrival: 60 }], 'not_approaching'],
    [[{ percent: 30, daysBeforeArrival: null }, { percent: 60, daysBeforeArrival: 30 }], 'not_100_percent'],
  ])('plan %j → %s', (steps, problem) => expect(planProblem(steps)).toBe(problem));
});
