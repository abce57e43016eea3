import type { Locale } from '../../../common/i18n.ts';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageOn, isValidDate } from '../../../core/dates.ts';
import { evaluate, type Person, type RuleCode, type SeasonFacts } from './eligibility.ts';
import { defaultRules } from '../default-rules.ts';

const facts: SeasonFacts = {
  referenceDate: '2027-05-15',
  arrivalDate: '2027-05-10',
  seasonEnd: '2027-05-25',
  programmeCountries: new Set(['FR', 'GB', 'US']),
};
const eligible: Person = {
  dateOfBirth: '1980-03-01',
  passportExpiry: '2028-01-01',
  meningococcalVaccination: '2026-09-01',
  residenceCountry: 'FR',
  hasBookingThisSeason: false,
  healthConditions: [],
};

function failing(person: Partial<Person>, locale: Locale = 'en') {
  return evaluate(defaultRules, { ...eligible, ...person }, facts, locale).filter((r) => !r.passed);
}
const codes = (person: Partial<Person>) => failing(person).map((r) => r.code);

describe('calendar dates', () => {
  it.each([
    ['2012-05-15', '2027-05-15', 15],
    ['2012-05-16', '2027-05-15', 14],
    ['2012-05-14', '2027-05-15', 15],
    ['2008-02-29', '2023-02-28', 14], // a leap-day birthday comes on 1 March in common years
    ['2008-02-29', '2023-03-01', 15],
    ['2008-02-29', '2024-02-29', 16],
  ])('born %s is %i on %s', (birth, on, age) => expect(ageOn(birth, on)).toBe(age));

  it.each([
    ['2027-05-25', 6, '2027-11-25'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-05-10', -60, '2022-05-10'],
    ['2027-01-31', 1, '2027-02-28'],
  ])('%s + %i months = %s', (date, months, expected) => expect(addMonths(date, months)).toBe(expected));

  it.each([
    ['2027-05-10', -10, '2027-04-30'],
    ['2027-03-01', -1, '2027-02-28'],
  ])('%s + %i days = %s', (date, days, expected) => expect(addDays(date, days)).toBe(expected));

  it.each([['2027-02-29', false], ['2028-02-29', true], ['2027-13-01', false], ['27-01-01', false], ['2027-04-31', false]])(
    '%s is a real date: %s',
    (date, valid) => expect(isValidDate(date)).toBe(valid),
  );
});

describe('eligibility rules, rule by rule', () => {
  it('passes an eligible person on every rule', () => expect(codes({})).toEqual([]));

  describe('min_age (15 on the reference date)', () => {
    it.each<[string, RuleCode[]]>([
      ['2012-05-15', []], // 15th birthday on the reference date itself
      ['2012-05-16', ['min_age']], // one day short
      ['2000-01-01', []],
    ])('born %s → %j', (dateOfBirth, expected) => expect(codes({ dateOfBirth })).toEqual(expected));

    it('does not move with the time zone: the same dates give the same answer everywhere', () => {
      const zones = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Riyadh', 'America/Los_Angeles'];
      const before = process.env.TZ;
      const answers = zones.map((tz) => {
        process.env.TZ = tz;
        return codes({ dateOfBirth: '2012-05-16' });
      });
      process.env.TZ = before;
      expect(new Set(answers.map((a) => a.join()))).toEqual(new Set(['min_age']));
    });

    it('fails when the date of birth is missing', () => expect(codes({ dateOfBirth: null })).toEqual(['min_age']));
  });

  describe('passport_valid_after_season (6 months after 2027-05-25)', () => {
    it.each<[string | null, RuleCode[]]>([
      ['2027-11-25', []],
      ['2027-11-24', ['passport_valid_after_season']],
      ['2025-01-01', ['passport_valid_after_season']], // expired
      [null, ['passport_valid_after_season']],
    ])('expiring %s → %j', (passportExpiry, expected) => expect(codes({ passportExpiry })).toEqual(expected));
  });

  describe('meningococcal_vaccination (10 days to 5 years before arrival on 2027-05-10)', () => {
    it.each<[string | null, RuleCode[]]>([
      ['2027-04-30', []], // exactly 10 days before
      ['2027-05-01', ['meningococcal_vaccination']], // 9 days: too late
      ['2022-05-10', []], // exactly 5 years before
      ['2022-05-09', ['meningococcal_vaccination']], // too old
      [null, ['meningococcal_vaccination']],
    ])('vaccinated %s → %j', (meningococcalVaccination, expected) => expect(codes({ meningococcalVaccination })).toEqual(expected));
  });

  describe('residence_in_programme', () => {
    it.each<[string | null, RuleCode[]]>([['GB', []], ['JP', ['residence_in_programme']], [null, ['residence_in_programme']]])(
      'resident of %s → %j',
      (residenceCountry, expected) => expect(codes({ residenceCountry })).toEqual(expected),
    );
  });

  describe('no_booking_this_season', () => {
    it.each<[boolean, RuleCode[]]>([[false, []], [true, ['no_booking_this_season']]])('holding a booking: %s → %j', (hasBookingThisSeason, expected) =>
      expect(codes({ hasBookingThisSeason })).toEqual(expected),
    );
  });

  describe('health_exclusions', () => {
    it.each<[Person['healthConditions'], RuleCode[]]>([
      [[], []],
      [['dialysis'], ['health_exclusions']],
      [['late_pregnancy', 'chemotherapy'], ['health_exclusions']],
    ])('declaring %j → %j', (healthConditions, expected) => expect(codes({ healthConditions })).toEqual(expected));
  });

  it('names every failing rule at once, with its message in the reader\'s language and its parameters filled in', () => {
    const result = failing({ dateOfBirth: '2015-01-01', passportExpiry: '2027-06-01' }, 'ar');
    expect(result.map((r) => r.code)).toEqual(['min_age', 'passport_valid_after_season']);
    expect(result[0]!.message).toBe('يجب ألا يقل العمر عن 15 سنة في التاريخ المرجعي للموسم.');
    expect(failing({ dateOfBirth: '2015-01-01' }, 'en')[0]!.message).toBe('Must be at least 15 years old on the season reference date.');
  });

  it('follows the data: a ministry that sets the minimum age to 18 changes the outcome without code', () => {
    const rules = defaultRules.map((r) => (r.code === 'min_age' ? { ...r, params: { years: 18 } } : r));
    const result = evaluate(rules, { ...eligible, dateOfBirth: '2010-01-01' }, facts, 'en').filter((r) => !r.passed);
    expect(result).toEqual([{ code: 'min_age', passed: false, message: 'Must be at least 18 years old on the season reference date.' }]);
  });
});
