import { describe, expect, it } from 'vitest';
import { calendarProblem, phaseAt, type SeasonCalendar } from './calendar.ts';

const c: SeasonCalendar = {
  registrationOpens: new Date('2026-12-01T09:00:00Z'),
  preferenceOpens: new Date('2027-01-15T09:00:00Z'),
  preferenceCloses: new Date('2027-02-15T09:00:00Z'),
  drawAt: new Date('2027-02-20T09:00:00Z'),
  offersClose: new Date('2027-03-10T09:00:00Z'),
  openSaleAt: new Date('2027-03-15T09:00:00Z'),
  visaCutoff: new Date('2027-04-30T09:00:00Z'),
};

describe('phaseAt', () => {
  it.each([
    ['2026-11-30T00:00:00Z', 'not_open'],
    ['2026-12-01T09:00:00Z', 'registration'], // a boundary opens its phase
    ['2027-01-15T08:59:59Z', 'registration'],
    ['2027-01-15T09:00:00Z', 'preference'],
    ['2027-02-15T09:00:00Z', 'frozen'],
    ['2027-02-20T09:00:00Z', 'offers'],
    ['2027-03-12T00:00:00Z', 'between'],
    ['2027-03-15T09:00:00Z', 'open_sale'],
    ['2027-04-30T09:00:00Z', 'closed'],
  ])('at %s the season is in %s', (at, phase) => expect(phaseAt(c, new Date(at))).toBe(phase));
});

describe('calendarProblem', () => {
  it('accepts dates in order, with the draw allowed at the close of preferences', () => {
    expect(calendarProblem(c)).toBeNull();
    expect(calendarProblem({ ...c, drawAt: c.preferenceCloses })).toBeNull();
  });
  it('names the first pair out of order', () => {
    expect(calendarProblem({ ...c, preferenceOpens: new Date('2026-11-01T00:00:00Z') })).toEqual({ earlier: 'registrationOpens', later: 'preferenceOpens' });
    expect(calendarProblem({ ...c, visaCutoff: c.openSaleAt })).toEqual({ earlier: 'openSaleAt', later: 'visaCutoff' });
  });
});
