import { SeasonCode as SeasonCodeSchema } from '../../common/schemas/kit.ts';
import { Type } from '@sinclair/typebox';
import { CountryCode, Obj, StringEnum } from '../../common/schemas/kit.ts';
import { CalendarBody, RuleSchema, RulesBody, SeatsBody } from '../../common/schemas/seasons.ts';

/** The bodies the ministry fills in as forms live in src/common/schemas/seasons.ts, which the web app shares. */
export { CalendarBody, RuleSchema, RulesBody, SeatsBody };
import { healthConditions } from './domain/eligibility.ts';
import { phases } from './domain/calendar.ts';
import { seasonPolicy } from './policies.ts';

const Day = () => Type.String({ format: 'date', maxLength: 10 });
const SeasonCode = () => SeasonCodeSchema();
const Country = () => Type.String({ pattern: '^[A-Z]{2}$', maxLength: 2, examples: ['FR'] });
export const SeasonParams = Obj({ code: SeasonCode() });
export const CountryParams = Obj({ code: Country() });
export const QuotaParams = Obj({ code: SeasonCode(), country: Country() });

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
export const QuotaCsv = Type.String({ minLength: 1, maxLength: 50_000, description: 'text/csv: a "country,seats" header, then one line per country' });

export const RulesSchema = Type.Object({ version: Type.Integer(), rules: Type.Array(RuleSchema) });

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
