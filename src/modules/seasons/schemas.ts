import { SeasonCode as SeasonCodeSchema } from '../../shared/schemas/kit.ts';
import { Type } from '@sinclair/typebox';
import { CountryCode, LongText, Obj, StringEnum } from '../../shared/schemas/kit.ts';
import { healthConditions } from './domain/eligibility.ts';
import { phases } from './domain/calendar.ts';
import { seasonPolicy } from './policies.ts';

const Instant = () => Type.String({ format: 'date-time', maxLength: 40 });
const Day = () => Type.String({ format: 'date', maxLength: 10 });
const SeasonCode = () => SeasonCodeSchema();
const Country = () => Type.String({ pattern: '^[A-Z]{2}$', maxLength: 2, examples: ['FR'] });
export const SeasonParams = Obj({ code: SeasonCode() });
export const CountryParams = Obj({ code: Country() });
export const QuotaParams = Obj({ code: SeasonCode(), country: Country() });

export const CalendarBody = Obj({
  registrationOpens: Instant(),
  preferenceOpens: Instant(),
  preferenceCloses: Instant(),
  drawAt: Instant(),
  offersClose: Instant(),
  openSaleAt: Instant(),
  visaCutoff: Instant(),
  referenceDate: Day(),
  arrivalDate: Day(),
  seasonEnd: Day(),
});

export const SeasonSchema = Type.Object({
  code: Type.String(),
  phase: StringEnum(phases),
  registrationOpens: Type.String(),
  preferenceOpens: Type.String(),
  preferenceCloses: Type.String(),
  drawAt: Type.String(),
  offersClose: Type.String(),
  openSaleAt: Type.String(),
  visaCutoff: Type.String(),
  referenceDate: Type.String(),
  arrivalDate: Type.String(),
  seasonEnd: Type.String(),
  allowedActions: Type.Array(StringEnum(seasonPolicy.actions), { description: 'What you may set of this season now (a client shows exactly these)' }),
});

export const QuotaSchema = Type.Object({ country: Type.String(), seats: Type.Integer(), updatedAt: Type.String() });
export const SeatsBody = Obj({ seats: Type.Integer({ minimum: 0, maximum: 1_000_000 }) });
export const QuotaCsv = Type.String({ minLength: 1, maxLength: 50_000, description: 'text/csv: a "country,seats" header, then one line per country' });

const Message = Obj({ ar: LongText({ maxLength: 500 }), en: LongText({ maxLength: 500 }) });
const Count = (max: number) => Type.Integer({ minimum: 0, maximum: max });
const rule = <C extends string, P extends Parameters<typeof Obj>[0]>(code: C, params: P) =>
  Obj({ code: Type.Literal(code), params: Obj(params), message: Message });
export const RuleSchema = Type.Union([
  rule('min_age', { years: Count(100) }),
  rule('passport_valid_after_season', { months: Count(60) }),
  rule('meningococcal_vaccination', { minDaysBeforeArrival: Count(365), maxYearsBeforeArrival: Count(20) }),
  rule('residence_in_programme', {}),
  rule('no_booking_this_season', {}),
  rule('health_exclusions', { excluded: Type.Array(StringEnum(healthConditions), { maxItems: healthConditions.length, uniqueItems: true }) }),
]);
export const RulesBody = Obj({ rules: Type.Array(RuleSchema, { minItems: 1, maxItems: 50 }) });
export const RulesSchema = Type.Object({ version: Type.Integer(), rules: Type.Array(Type.Unknown()) });

export const PersonBody = Obj({
  dateOfBirth: Type.Optional(Day()),
  passportExpiry: Type.Optional(Day()),
  meningococcalVaccination: Type.Optional(Day()),
  residenceCountry: Type.Optional(CountryCode()),
  healthConditions: Type.Optional(Type.Array(StringEnum(healthConditions), { maxItems: healthConditions.length, uniqueItems: true })),
});
export const EligibilitySchema = Type.Object({
  version: Type.Integer(),
  eligible: Type.Boolean(),
  results: Type.Array(Type.Object({ code: Type.String(), passed: Type.Boolean(), message: Type.Union([Type.String(), Type.Null()]) })),
});
