import { healthConditions, type HealthCondition } from '../../../common/schemas/pilgrims.ts';
import { interpolate, type Locale } from '../../../common/i18n.ts';
import { addDays, addMonths, ageOn, type IsoDate } from '../../../core/dates.ts';

/**
 * Eligibility rules are data: the ministry edits them per season (a new
 * version each time) without a deploy. Each rule has a code the evaluator
 * knows, parameters, and the message shown when it fails, in every language
 * ({placeholders} come from the parameters).
 */
export { healthConditions, type HealthCondition };

export type EligibilityRule =
  | { code: 'min_age'; params: { years: number }; message: Record<Locale, string> }
  | { code: 'passport_valid_after_season'; params: { months: number }; message: Record<Locale, string> }
  | { code: 'meningococcal_vaccination'; params: { minDaysBeforeArrival: number; maxYearsBeforeArrival: number }; message: Record<Locale, string> }
  | { code: 'residence_in_programme'; params: Record<string, never>; message: Record<Locale, string> }
  | { code: 'no_booking_this_season'; params: Record<string, never>; message: Record<Locale, string> }
  | { code: 'health_exclusions'; params: { excluded: HealthCondition[] }; message: Record<Locale, string> };
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
    return { code: rule.code, passed, message: passed ? null : interpolate(rule.message[locale], params) };
  });
}

/** The rules a new season starts with: the ministry's published requirements. */
export const defaultRules: EligibilityRule[] = [
  {
    code: 'min_age',
    params: { years: 15 },
    message: { en: 'Must be at least {years} years old on the season reference date.', ar: 'يجب ألا يقل العمر عن {years} سنة في التاريخ المرجعي للموسم.' },
  },
  {
    code: 'passport_valid_after_season',
    params: { months: 6 },
    message: { en: 'The passport must stay valid at least {months} months after the season.', ar: 'يجب أن يبقى جواز السفر ساريًا {months} أشهر على الأقل بعد الموسم.' },
  },
  {
    code: 'meningococcal_vaccination',
    params: { minDaysBeforeArrival: 10, maxYearsBeforeArrival: 5 },
    message: {
      en: 'The meningococcal vaccine must be taken at least {minDaysBeforeArrival} days and at most {maxYearsBeforeArrival} years before arrival.',
      ar: 'يجب أخذ لقاح الحمى الشوكية قبل الوصول بـ {minDaysBeforeArrival} أيام على الأقل و{maxYearsBeforeArrival} سنوات على الأكثر.',
    },
  },
  {
    code: 'residence_in_programme',
    params: {},
    message: { en: 'The country of residence must be served by the direct programme.', ar: 'يجب أن يكون بلد الإقامة ضمن دول البرنامج المباشر.' },
  },
  {
    code: 'no_booking_this_season',
    params: {},
    message: { en: 'Already holds a Hajj booking this season.', ar: 'لديه حجز حج في هذا الموسم بالفعل.' },
  },
  {
    code: 'health_exclusions',
    params: { excluded: [...healthConditions] },
    message: { en: 'A declared health condition does not allow performing Hajj this season.', ar: 'حالة صحية مصرح بها لا تسمح بأداء الحج هذا الموسم.' },
  },
];
