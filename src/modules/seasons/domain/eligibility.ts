import { healthConditions, type HealthCondition } from '../../../common/schemas/pilgrims.ts';
import { interpolate, localized, type Localized, type Locale } from '../../../common/i18n.ts';
import { addDays, addMonths, ageOn, type IsoDate } from '../../../core/dates.ts';

/**
 * Eligibility rules are data: the ministry edits them per season (a new
 * version each time) without a deploy. Each rule has a code the evaluator
 * knows, parameters, and the message shown when it fails, in every language
 * ({placeholders} come from the parameters).
 */
export { healthConditions, type HealthCondition };

/** A rule's message: Arabic and English always, the other languages when written (else English is shown). */
export type RuleMessage = Localized;

export type EligibilityRule =
  | { code: 'min_age'; params: { years: number }; message: RuleMessage }
  | { code: 'passport_valid_after_season'; params: { months: number }; message: RuleMessage }
  | { code: 'meningococcal_vaccination'; params: { minDaysBeforeArrival: number; maxYearsBeforeArrival: number }; message: RuleMessage }
  | { code: 'residence_in_programme'; params: Record<string, never>; message: RuleMessage }
  | { code: 'no_booking_this_season'; params: Record<string, never>; message: RuleMessage }
  | { code: 'health_exclusions'; params: { excluded: HealthCondition[] }; message: RuleMessage };
export type RuleCode = EligibilityRule['code'];

/** What the rules look at for one person. Missing facts fail the rules that need them. */
export interface Person {
  dateOfBirth: IsoDate | null;
  passportExpiry: IsoDate | null;
  meningococcalVaccination: IsoDate | null;
  residenceCountry: string | null;
  hasBookingThisSeason: boolean;
  healthConditions: HealthCondition[];
}

export interface SeasonFacts {
  referenceDate: IsoDate;
  arrivalDate: IsoDate;
  seasonEnd: IsoDate;
  programmeCountries: ReadonlySet<string>;
}

export interface RuleResult {
  code: RuleCode;
  passed: boolean;
  message: string | null;
}

function passes(rule: EligibilityRule, p: Person, s: SeasonFacts): boolean {
  switch (rule.code) {
    case 'min_age':
      return p.dateOfBirth !== null && ageOn(p.dateOfBirth, s.referenceDate) >= rule.params.years;
    case 'passport_valid_after_season':
      return p.passportExpiry !== null && p.passportExpiry >= addMonths(s.seasonEnd, rule.params.months);
    case 'meningococcal_vaccination': {
      const v = p.meningococcalVaccination;
      if (v === null) return false;
      const latest = addDays(s.arrivalDate, -rule.params.minDaysBeforeArrival);
      const earliest = addMonths(s.arrivalDate, -12 * rule.params.maxYearsBeforeArrival);
      return v >= earliest && v <= latest;
    }
    case 'residence_in_programme':
      return p.residenceCountry !== null && s.programmeCountries.has(p.residenceCountry);
    case 'no_booking_this_season':
      return !p.hasBookingThisSeason;
    case 'health_exclusions':
      return !p.healthConditions.some((c) => rule.params.excluded.includes(c));
  }
}

/**
 * Every rule for one person, in the rules' order, with the failed ones'
 * messages in `locale`.
 *
 * @example evaluate(rules, person, facts, 'ar').filter((r) => !r.passed)
 */
export function evaluate(rules: readonly EligibilityRule[], person: Person, facts: SeasonFacts, locale: Locale): RuleResult[] {
  return rules.map((rule) => {
    const passed = passes(rule, person, facts);
    const params = Object.fromEntries(Object.entries(rule.params).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v])) as Record<string, string | number>;
    return { code: rule.code, passed, message: passed ? null : interpolate(localized(rule.message, locale), params) };
  });
}

/** The rules a new season starts with (the ministry's published requirements), without their messages. */
export const defaultRuleParams = [
  { code: 'min_age', params: { years: 15 } },
  { code: 'passport_valid_after_season', params: { months: 6 } },
  { code: 'meningococcal_vaccination', params: { minDaysBeforeArrival: 10, maxYearsBeforeArrival: 5 } },
  { code: 'residence_in_programme', params: {} },
  { code: 'no_booking_this_season', params: {} },
  { code: 'health_exclusions', params: { excluded: [...healthConditions] } },
] as const satisfies readonly Omit<EligibilityRule, 'message'>[];

/** The default rules with their messages (from the catalogs, in every language that has them). */
export function withMessages(message: (code: RuleCode) => RuleMessage): EligibilityRule[] {
  return defaultRuleParams.map((r) => ({ ...r, params: { ...r.params }, message: message(r.code) }) as EligibilityRule);
}
