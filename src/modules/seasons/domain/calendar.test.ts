import { describe, expect, it } from 'vitest';
import { calendarProblem, phaseAt, seasonDatesProblem, type SeasonCalendar } from './calendar.ts';

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

describe('seasonDatesProblem', () => {
  const days = { arrivalDate: '2027-05-10', referenceDate: '2027-05-15', seasonEnd: '2027-05-25' };
  const year = (day: string) => (day >= '2026-06-16' && day < '2027-06-06' ? 1448 : 1449);
  it('accepts a season whose dates are in order and whose reference day is in its Hijri year', () => {
    expect(seasonDatesProblem('1448H', c, days, year)).toBeNull();
  });
  it.each([
    ['refuses a visa cut-off after arrival', { ...c, visaCutoff: new Date('2027-05-10T09:00:00Z') }, days, { kind: 'order', earlier: 'visaCutoff', later: 'arrivalDate' }],
    ['refuses offers that close after arrival (a calendar relative to today with a fixed arrival day)', { ...c, offersClose: new Date('2027-06-01T00:00:00Z'), openSaleAt: new Date('2027-06-02T00:00:00Z'), visaCutoff: new Date('2027-06-03T00:00:00Z') }, days, { kind: 'order', earlier: 'visaCutoff', later: 'arrivalDate' }],
    ['refuses an arrival after the season ends', c, { ...days, arrivalDate: '2027-05-26' }, { kind: 'order', earlier: 'arrivalDate', later: 'seasonEnd' }],
    ['refuses a reference day after the season ends', c, { ...days, referenceDate: '2027-05-30' }, { kind: 'order', earlier: 'referenceDate', later: 'seasonEnd' }],
    ['names the phase instants first when they are out of order', { ...c, drawAt: new Date('2027-01-01T00:00:00Z') }, days, { kind: 'order', earlier: 'preferenceCloses', later: 'drawAt' }],
  ])('%s', (_name, calendar, d, expected) => expect(seasonDatesProblem('1448H', calendar, d, year)).toEqual(expected));
  it('refuses a season named for another Hijri year than its reference day', () => {
    expect(seasonDatesProblem('1449H', c, days, year)).toEqual({ kind: 'hijri_year', year: 1448 });
  });
});
